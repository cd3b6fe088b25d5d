import Fluent
import GongzhiCore
import Vapor

/// The resident's and member's phone: registration, a place freed for them, check-in and check-out by code,
/// activities to sign up for, their sign-ups, and links to their hours and the rankings.
struct VolunteeringPhone: Sendable {
    var registration: VolunteeringLists.VolunteerOut?
    var activities: [VolunteeringLists.ActivityOut]
    var mine: [VolunteeringLists.ActivityOut]
    var promoted: [String]
    var minutes: Int

    static func query(_ caller: Caller) async throws -> VolunteeringPhone {
        let (_, personID) = try await VolunteeringFacts.own(caller)
        let reg = try await VolunteeringLists.volunteers(caller, communityID: nil).first
        let now = caller.now
        let upcoming = try await VolunteeringLists.activities(
            caller, from: now.addingTimeInterval(-3_600), limit: 100)
        let mine = upcoming.filter { $0.mySignup != nil && $0.mySignup != .cancelled }
        let promoted = try await Signup.query(on: caller.db).filter(\.$personID == personID)
            .filter(\.$promotedAt != nil).filter(\.$status == .confirmed).filter(\.$checkedInAt == nil).all()
            .map(\.activityID)
        let minutes = try await VolunteeringLists.minutesByPerson([personID], on: caller.db)[personID] ?? 0
        return VolunteeringPhone(
            registration: reg, activities: upcoming.filter { $0.mySignup == nil || $0.mySignup == .cancelled },
            mine: mine, promoted: mine.filter { promoted.contains($0.id) }.map(\.title), minutes: minutes)
    }

    static func when(_ a: VolunteeringLists.ActivityOut) -> String {
        "\(VolunteeringFacts.local(a.startsAt)) – \(VolunteeringFacts.hm(a.endsAt))"
    }

    static func view(_ m: VolunteeringPhone, error: AppError?, code: String?, csrf: HTML, _ lang: Lang) -> HTML {
        let summary = Widgets.errorSummary(error, lang: lang, id: "volunteering-error")
        guard let reg = m.registration else {
            return """
                <h1>\(lang.t(.navVolunteeringPhone))</h1>\(summary)
                <p class="muted">\(lang.t(.volunteeringRegisterIntro))</p>\(registerForm(csrf: csrf, lang))
                """
        }
        let promoted: [HTML] = m.promoted.map { "<p class=\"flash\">\(lang.t(.volunteeringPromoted, $0))</p>" }
        let mine: [HTML] = m.mine.map { a in
            let tag = a.mySignup == .waiting ? lang.t(.volunteeringOnWaitList) : lang.t(.volunteeringSignedUp)
            return """
                <li><a href="\(VolunteeringRoute.activity(.value(a.id)))">\(a.title)</a> \
                <span class="tag">\(tag)</span><br><span class="muted">\(when(a)) · \(a.address)</span></li>
                """
        }
        let list: [HTML] = m.activities.prefix(30).map { a in
            """
            <div class="card"><a href="\(VolunteeringRoute.activity(.value(a.id)))"><strong>\(a.title)</strong></a> \
            <span class="tag">\(lang.t(.serviceCategory(a.category)))</span><br>\
            <span class="muted">\(when(a)) · \(a.address)</span><br>\
            \(lang.t(.volunteeringPlaces, String(a.confirmed), String(a.capacity))) · \
            \(lang.t(.volunteeringPointsOffered, String(a.points)))</div>
            """
        }
        let noMine: HTML = "<p class=\"muted\">\(lang.t(.volunteeringNoSignups))</p>"
        return """
            <h1>\(lang.t(.navVolunteeringPhone))</h1>\(summary)\(promoted)
            <p id="volunteering-me">\(lang.t(.volunteeringRegisteredAt, reg.communityName)) · \
            <a href="\(VolunteeringRoute.hours)">\
            \(lang.t(.volunteeringMyHoursTotal, VolunteeringRules.hoursText(m.minutes)))</a> · \
            <a href="\(VolunteeringRoute.rankings)">\(lang.t(.volunteeringRankings))</a></p>
            \(checkForm(code: code, csrf: csrf, lang))
            <section><h2>\(lang.t(.volunteeringMySignups))</h2>\
            \(mine.isEmpty ? noMine : "<ul id=\"volunteering-mine\">\(mine)</ul>")</section>
            <section><h2>\(lang.t(.volunteeringFind))</h2><div id="volunteering-activities">\(list)</div></section>
            """
    }

    static func registerForm(csrf: HTML, _ lang: Lang) -> HTML {
        """
        <form method="post" action="\(VolunteeringRoute.register)" class="card" id="volunteering-register">\(csrf)
        \(categoryBoxes([], lang))
        <label for="skills">\(lang.t(.volunteeringSkills))</label><input id="skills" name="skills" maxlength="200">
        <label for="availability">\(lang.t(.volunteeringAvailability))</label>\
        <input id="availability" name="availability" maxlength="200">
        <p><button type="submit" id="volunteering-register-submit">\(lang.t(.volunteeringRegister))</button></p>
        </form>
        """
    }

    static func categoryBoxes(_ selected: [String], _ lang: Lang) -> HTML {
        let boxes: [HTML] = ServiceCategory.allCases.map { c in
            let checked = HTML(raw: selected.contains(c.rawValue) ? " checked" : "")
            return """
                <label class="choice"><input type="checkbox" name="categories[]" value="\(c.rawValue)"\(checked)> \
                \(lang.t(.serviceCategory(c)))</label>
                """
        }
        return "<fieldset id=\"categories\"><legend>\(lang.t(.volunteeringCategories))</legend>\(boxes)</fieldset>"
    }

    /// Check in or out with the code shown at the place; the phone's location when the activity asks for it.
    static func checkForm(code: String?, csrf: HTML, _ lang: Lang) -> HTML {
        """
        <section class="card" id="volunteering-check"><h2>\(lang.t(.volunteeringCheckInOut))</h2>
        <form method="post" action="\(VolunteeringRoute.checkIn)" id="check-form">\(csrf)
        <label for="code">\(lang.t(.volunteeringCode))</label>\
        <input id="code" name="code" inputmode="numeric" maxlength="6" autocomplete="off" value="\(code ?? "")">
        <input type="hidden" id="lat" name="lat"><input type="hidden" id="lng" name="lng">
        <p><button type="button" id="use-location" class="secondary" hidden \
        data-done="\(lang.t(.volunteeringLocationDone))" data-failed="\(lang.t(.volunteeringLocationFailed))">\
        \(lang.t(.volunteeringUseLocation))</button> <span id="location-status" class="muted"></span></p>
        <p class="muted">\(lang.t(.volunteeringCheckRule))</p>
        <p><button type="submit" id="check-in-submit">\(lang.t(.volunteeringCheckIn))</button> \
        <button type="submit" id="check-out-submit" class="secondary" \
        formaction="\(VolunteeringRoute.checkOut)">\(lang.t(.volunteeringCheckOut))</button></p></form></section>
        """
    }

    static func activity(
        _ a: VolunteeringLists.ActivityOut, mine: Signup?, now: Date, error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        let summary = Widgets.errorSummary(error, lang: lang, id: "volunteering-error")
        var action: HTML
        if a.state == .cancelled {
            action = "<p class=\"tag warn\">\(lang.t(.volunteeringActivityState(.cancelled)))</p>"
        } else if let s = mine {
            let status: HTML =
                s.checkedOutAt != nil
                ? "\(lang.t(.volunteeringCheckedOut))"
                : s.checkedInAt != nil
                    ? "\(lang.t(.volunteeringCheckedIn))"
                    : s.status == .waiting ? "\(lang.t(.volunteeringOnWaitList))" : "\(lang.t(.volunteeringSignedUp))"
            let cancel: HTML =
                s.checkedInAt == nil
                ? """
                <form method="post" action="\(VolunteeringRoute.cancelSignup(.value(a.id)))" class="inline">\(csrf)\
                <button type="submit" class="secondary" id="cancel-signup">\(lang.t(.volunteeringCancelSignup))\
                </button></form>
                """ : ""
            action = "<p id=\"my-signup\"><span class=\"tag\">\(status)</span> \(cancel)</p>"
            if s.status == .confirmed && s.checkedOutAt == nil {
                action = "\(action)\(checkForm(code: nil, csrf: csrf, lang))"
            }
        } else if a.endsAt < now {
            action = "<p class=\"muted\">\(lang.t(.errorVolunteeringOver))</p>"
        } else {
            let full = a.confirmed >= a.capacity
            action = """
                <form method="post" action="\(VolunteeringRoute.signup(.value(a.id)))" id="signup-form">\(csrf)\
                <p><button type="submit" id="signup-submit">\
                \(lang.t(full ? .volunteeringJoinWaitList : .volunteeringSignUp))</button></p></form>
                """
        }
        let host: HTML = a.hostUnitName.map { "<p>\(lang.t(.volunteeringHostUnit)): \($0)</p>" } ?? ""
        let team: HTML = a.teamName.map { "<p>\(lang.t(.volunteeringTeam)): \($0)</p>" } ?? ""
        return """
            <h1>\(a.title)</h1>\(summary)
            <section class="card" id="activity-detail"><p>\(when(a)) \
            <span class="tag" id="activity-phase">\(lang.t(a.shownState))</span></p><p>\(a.address)</p>\
            <p>\(lang.t(.serviceCategory(a.category))) · \(a.nodeName)</p>\(host)\(team)\
            <p>\(lang.t(.volunteeringPlaces, String(a.confirmed), String(a.capacity))) · \
            \(lang.t(.volunteeringWaitingCount, String(a.waiting))) · \
            \(lang.t(.volunteeringPointsOffered, String(a.points)))</p><p>\(a.description)</p></section>
            \(action)
            <p><a href="\(VolunteeringRoute.page)">\(lang.t(.actionBack))</a></p>
            """
    }

    /// One page of the volunteer's hours; `total` is the minutes of all of them.
    static func hours(
        _ list: [VolunteeringLists.HourOut], total: Int, error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        let summary = Widgets.errorSummary(error, lang: lang, id: "volunteering-error")
        let rows: [HTML] = list.map { h in
            let hours = lang.t(.volunteeringHoursShort, VolunteeringRules.hoursText(h.minutes))
            return """
                <li>\(VolunteeringFacts.local(h.startedAt)) – \(VolunteeringFacts.hm(h.endedAt)) · \
                <strong>\(hours)</strong> · \(h.activityTitle ?? h.teamName ?? h.note) \
                <span class="tag">\(lang.t(.volunteeringSourceLabel(h.source)))</span></li>
                """
        }
        let none: HTML = "<p class=\"muted\">\(lang.t(.volunteeringNoHours))</p>"
        return """
            <h1>\(lang.t(.volunteeringMyHours))</h1>\(summary)
            <p id="my-hours-total">\(lang.t(.volunteeringMyHoursTotal, VolunteeringRules.hoursText(total)))</p>
            <form method="post" action="\(VolunteeringRoute.redeem)" class="card" id="redeem-form">\(csrf)
            <label for="redeem-code">\(lang.t(.volunteeringRedeem))</label>\
            <input id="redeem-code" name="code" inputmode="numeric" maxlength="6" autocomplete="off">
            <p><button type="submit">\(lang.t(.volunteeringRedeemSubmit))</button></p></form>
            \(list.isEmpty ? none : "<ul id=\"my-hours\">\(rows)</ul>")
            <p><a href="\(VolunteeringRoute.page)">\(lang.t(.actionBack))</a></p>
            """
    }
}

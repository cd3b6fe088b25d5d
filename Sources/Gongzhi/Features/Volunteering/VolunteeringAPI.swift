import Fluent
import GongzhiCore
import Vapor

/// Volunteering's JSON handlers: decode, call the service or list with `req.caller`, answer.
enum VolunteeringAPI {
    static func register(_ api: RoutesBuilder) {
        api.get(VolunteeringRoute.apiVolunteers, use: volunteers)
        api.post(VolunteeringRoute.apiVolunteers, use: register)
        api.get(VolunteeringRoute.apiVolunteersExport, use: VolunteeringExport.volunteers)
        api.post(VolunteeringRoute.apiVolunteerEnd(.key), use: endVolunteer)
        api.get(VolunteeringRoute.apiTeams, use: teams)
        api.post(VolunteeringRoute.apiTeams, use: createTeam)
        api.get(VolunteeringRoute.apiTeamsExport, use: VolunteeringExport.teams)
        api.get(VolunteeringRoute.apiTeam(.key), use: team)
        api.post(VolunteeringRoute.apiTeamMembers(.key), use: addMember)
        api.get(VolunteeringRoute.apiActivities, use: activities)
        api.post(VolunteeringRoute.apiActivities, use: createActivity)
        api.get(VolunteeringRoute.apiActivitiesExport, use: VolunteeringExport.activities)
        api.get(VolunteeringRoute.apiActivity(.key), use: activity)
        api.post(VolunteeringRoute.apiActivityCancel(.key), use: cancelActivity)
        api.post(VolunteeringRoute.apiSignup(.key), use: signUp)
        api.post(VolunteeringRoute.apiCancelSignup(.key), use: cancelSignup)
        api.get(VolunteeringRoute.apiSignups(.key), use: signups)
        api.get(VolunteeringRoute.apiHourCodes(.key), use: hourCodes)
        api.post(VolunteeringRoute.apiHourCodes(.key), use: issueCodes)
        api.post(VolunteeringRoute.apiTeamHourCodes, use: issueTeamCodes)
        api.post(VolunteeringRoute.apiCheckIn, use: checkIn)
        api.post(VolunteeringRoute.apiCheckOut, use: checkOut)
        api.post(VolunteeringRoute.apiRedeem, use: redeem)
        api.get(VolunteeringRoute.apiHours, use: hours)
        api.post(VolunteeringRoute.apiHours, use: manualEntry)
        api.get(VolunteeringRoute.apiHoursExport, use: VolunteeringExport.hours)
        api.get(VolunteeringRoute.apiRankings, use: rankings)
    }

    static func int(_ req: Request, _ name: String) throws -> Int? {
        guard let raw = req.query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let n = Int(raw), n > 0 else {
            throw AppError.badRequest(.errorEnum, args: [name, String(raw.prefix(20))])
        }
        return n
    }

    static func category(_ req: Request) throws -> ServiceCategory? {
        guard let raw = req.query[String.self, at: "category"], !raw.isEmpty else { return nil }
        guard let c = ServiceCategory(rawValue: raw) else {
            throw AppError.badRequest(.errorEnum, args: ["category", String(raw.prefix(20))])
        }
        return c
    }

    static func kind(_ req: Request) throws -> TeamKind? {
        guard let raw = req.query[String.self, at: "kind"], !raw.isEmpty else { return nil }
        guard let k = TeamKind(rawValue: raw) else {
            throw AppError.badRequest(.errorEnum, args: ["kind", String(raw.prefix(20))])
        }
        return k
    }

    static func period(_ req: Request) throws -> VolunteeringRules.Period {
        guard let raw = req.query[String.self, at: "period"], !raw.isEmpty else { return .month }
        guard let p = VolunteeringRules.Period(rawValue: raw) else {
            throw AppError.badRequest(.errorEnum, args: ["period", String(raw.prefix(20))])
        }
        return p
    }

    static func text(_ req: Request, _ name: String) -> String? {
        req.query[String.self, at: name].map { String($0.prefix(50)) }
    }

    /// A body that may be empty (a step without options).
    static func optionalBody<T: StrictInput>(_ req: Request, _ empty: T) throws -> T {
        guard let body = req.body.data, body.readableBytes > 0 else { return empty }
        return try req.decodeStrict(T.self)
    }

    @Sendable static func volunteers(_ req: Request) async throws -> Paged<VolunteeringLists.VolunteerOut> {
        try await VolunteeringLists.volunteers(
            req.caller, communityID: try int(req, "communityId"), query: text(req, "q"), category: try category(req),
            includeEnded: try req.flag("ended") ?? false, page: try req.pageRequest())
    }

    @Sendable static func register(_ req: Request) async throws -> Response {
        let r = try await VolunteeringService.register(
            req.caller, try optionalBody(req, VolunteeringService.VolunteerInput()))
        return try await out(r, req).encodeResponse(status: .created, for: req)
    }

    static func out(_ r: Volunteer, _ req: Request) async throws -> VolunteeringLists.VolunteerOut {
        let list = try await VolunteeringLists.volunteers(req.caller, communityID: nil, includeEnded: true)
        if let found = list.first(where: { $0.id == r.id }) { return found }
        let name = try await PeopleQueries.volunteerPerson(r.personID, on: req.db)?.name ?? ""
        return VolunteeringLists.VolunteerOut(
            id: r.id!, personID: r.personID, name: name, phone: nil, communityNodeID: r.communityNodeID,
            communityName: "", categories: VolunteeringFacts.categories(r.categories), skills: r.skills,
            availability: r.availability, registeredOn: r.registeredOn, endedOn: r.endedOn, minutes: 0)
    }

    @Sendable static func endVolunteer(_ req: Request) async throws -> VolunteeringLists.VolunteerOut {
        let r = try await VolunteeringService.endVolunteer(req.caller, id: try req.intParameter("id"))
        return try await out(r, req)
    }

    @Sendable static func teams(_ req: Request) async throws -> [VolunteeringLists.TeamOut] {
        try await VolunteeringLists.teams(
            req.caller, query: text(req, "q"), kind: try kind(req), category: try category(req),
            nodeID: try int(req, "nodeId"))
    }

    @Sendable static func createTeam(_ req: Request) async throws -> Response {
        let t = try await VolunteeringService.createTeam(
            req.caller, try req.decodeStrict(VolunteeringService.TeamInput.self))
        return try await VolunteeringLists.teamOut([t], req.db, now: req.clock.now)[0].encodeResponse(
            status: .created, for: req)
    }

    @Sendable static func team(_ req: Request) async throws -> VolunteeringLists.TeamDetailOut {
        try await VolunteeringLists.team(req.caller, id: try req.intParameter("id"))
    }

    @Sendable static func addMember(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await VolunteeringService.addMember(
            req.caller, teamID: id, try req.decodeStrict(VolunteeringService.MemberInput.self))
        return try await VolunteeringLists.team(req.caller, id: id).encodeResponse(status: .created, for: req)
    }

    @Sendable static func activities(_ req: Request) async throws -> Paged<VolunteeringLists.ActivityOut> {
        try await VolunteeringLists.activities(
            req.caller, from: try req.queryDate("from", endOfDay: false), to: try req.queryDate("to", endOfDay: true),
            query: text(req, "q"), nodeID: try int(req, "nodeId"), hostUnitIDs: try int(req, "unitId").map { [$0] },
            page: try req.pageRequest())
    }

    @Sendable static func createActivity(_ req: Request) async throws -> Response {
        let a = try await VolunteeringService.createActivity(
            req.caller, try req.decodeStrict(VolunteeringService.ActivityInput.self))
        return try await VolunteeringLists.activityOut([a], req.caller)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func activity(_ req: Request) async throws -> VolunteeringLists.ActivityOut {
        try await VolunteeringLists.activity(req.caller, id: try req.intParameter("id"))
    }

    @Sendable static func cancelActivity(_ req: Request) async throws -> VolunteeringLists.ActivityOut {
        let a = try await VolunteeringService.cancelActivity(req.caller, id: try req.intParameter("id"))
        return try await VolunteeringLists.activityOut([a], req.caller)[0]
    }

    static func signupOut(_ s: Signup, _ req: Request) async throws -> VolunteeringLists.SignupOut {
        let name = try await PeopleQueries.volunteerPerson(s.personID, on: req.db)?.name ?? ""
        return VolunteeringLists.SignupOut(
            id: s.id!, activityID: s.activityID, personID: s.personID, name: name, status: s.status,
            signedAt: s.signedAt, promotedAt: s.promotedAt, cancelledAt: s.cancelledAt, checkedInAt: s.checkedInAt,
            checkedOutAt: s.checkedOutAt)
    }

    @Sendable static func signUp(_ req: Request) async throws -> Response {
        let s = try await VolunteeringService.signUp(
            req.caller, activityID: try req.intParameter("id"),
            try optionalBody(req, VolunteeringService.SignupInput()))
        return try await signupOut(s, req).encodeResponse(status: .created, for: req)
    }

    @Sendable static func cancelSignup(_ req: Request) async throws -> VolunteeringLists.SignupOut {
        let s = try await VolunteeringService.cancelSignup(
            req.caller, activityID: try req.intParameter("id"),
            try optionalBody(req, VolunteeringService.SignupInput()))
        return try await signupOut(s, req)
    }

    @Sendable static func signups(_ req: Request) async throws -> [VolunteeringLists.SignupOut] {
        try await VolunteeringLists.signups(req.caller, activityID: try req.intParameter("id"))
    }

    @Sendable static func hourCodes(_ req: Request) async throws -> [VolunteeringLists.HourCodeOut] {
        try await VolunteeringLists.hourCodes(req.caller, activityID: try req.intParameter("id"))
    }

    @Sendable static func issueCodes(_ req: Request) async throws -> Response {
        let codes = try await VolunteeringService.issueCodes(
            req.caller, activityID: try req.intParameter("id"),
            try req.decodeStrict(VolunteeringService.HourCodesInput.self))
        return try await codes.map(VolunteeringLists.codeOut).encodeResponse(status: .created, for: req)
    }

    @Sendable static func issueTeamCodes(_ req: Request) async throws -> Response {
        let codes = try await VolunteeringService.issueCodes(
            req.caller, activityID: nil, try req.decodeStrict(VolunteeringService.HourCodesInput.self))
        return try await codes.map(VolunteeringLists.codeOut).encodeResponse(status: .created, for: req)
    }

    @Sendable static func checkIn(_ req: Request) async throws -> VolunteeringLists.SignupOut {
        let (_, s) = try await VolunteeringService.checkIn(
            req.caller, try req.decodeStrict(VolunteeringService.CheckInput.self))
        return try await signupOut(s, req)
    }

    @Sendable static func checkOut(_ req: Request) async throws -> Response {
        let h = try await VolunteeringService.checkOut(
            req.caller, try req.decodeStrict(VolunteeringService.CheckInput.self))
        return try await VolunteeringLists.hourOut([h], req.db)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func redeem(_ req: Request) async throws -> Response {
        let h = try await VolunteeringService.redeem(
            req.caller, try req.decodeStrict(VolunteeringService.RedeemInput.self))
        return try await VolunteeringLists.hourOut([h], req.db)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func hours(_ req: Request) async throws -> Paged<VolunteeringLists.HourOut> {
        try await VolunteeringLists.hours(
            req.caller, personID: try int(req, "personId"), activityID: try int(req, "activityId"),
            from: try req.queryDate("from", endOfDay: false), to: try req.queryDate("to", endOfDay: true),
            page: try req.pageRequest()
        ).page
    }

    @Sendable static func manualEntry(_ req: Request) async throws -> Response {
        let a = try await VolunteeringService.manualEntry(
            req.caller, try req.decodeStrict(VolunteeringService.ManualInput.self))
        return try await Approvals.out([a], req.caller)[0].encodeResponse(status: .accepted, for: req)
    }

    @Sendable static func rankings(_ req: Request) async throws -> VolunteeringSections.RankingsOut {
        try await VolunteeringSections.rankings(
            req.caller, nodeID: try int(req, "nodeId"), period: try period(req),
            day: try req.queryDay("day") ?? req.clock.today)
    }
}

/// Teams, volunteers, activities and hours as CSV that Excel opens; volunteers' phones masked unless the caller
/// may unmask and asks (`unmasked=true`), and then the export is logged.
enum VolunteeringExport {
    static func categories(_ c: [ServiceCategory], _ lang: Lang) -> String {
        c.map { lang.t(.serviceCategory($0)) }.joined(separator: "、")
    }

    @Sendable static func volunteers(_ req: Request) async throws -> Response {
        let v = try await req.require(.exportData)
        let rows = try await VolunteeringLists.volunteers(
            req.caller, communityID: try VolunteeringAPI.int(req, "communityId"), includeEnded: true)
        var clear = false
        if try req.flag("unmasked") ?? false {
            guard v.can(.unmaskPersonalData) else { throw await req.forbidden("unmasked volunteers export") }
            await AccessLog.write(req.caller, .unmaskedRead, detail: "volunteers export, \(rows.count) rows")
            clear = true
        }
        let people = clear ? try await PeopleQueries.volunteerPeople(rows.map(\.personID), on: req.db) : [:]
        let lang = req.lang
        let header: [Text] = [
            .columnName, .columnPhone, .volunteeringCommunity, .volunteeringCategories, .volunteeringSkills,
            .volunteeringAvailability, .volunteeringRegisteredOn, .volunteeringEndedOn, .volunteeringHoursColumn,
        ]
        let body = rows.map { r in
            [
                r.name, (clear ? people[r.personID]?.phone : r.phone) ?? "", r.communityName,
                categories(r.categories, lang), r.skills, r.availability, r.registeredOn, r.endedOn ?? "",
                VolunteeringRules.hoursText(r.minutes),
            ]
        }
        return CSVResponse.make(fileName: "volunteers.csv", header: header.map { lang.t($0) }, rows: body)
    }

    @Sendable static func teams(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        let rows = try await VolunteeringLists.teams(
            req.caller, query: VolunteeringAPI.text(req, "q"), kind: try VolunteeringAPI.kind(req),
            category: try VolunteeringAPI.category(req), nodeID: try VolunteeringAPI.int(req, "nodeId"))
        let lang = req.lang
        let header: [Text] = [
            .volunteeringTeamName, .volunteeringKind, .volunteeringOrganiser, .volunteeringOwnerUnit,
            .volunteeringCategories, .volunteeringSkills, .volunteeringPlace, .volunteeringCapacity,
            .volunteeringFreeCapacity, .volunteeringMembers, .volunteeringLeader, .volunteeringHoursColumn,
        ]
        let body = rows.map { t in
            [
                t.name, lang.t(.volunteeringTeamKind(t.kind)), t.nodeName, t.ownerUnitName ?? "",
                categories(t.categories, lang), t.skills, t.place, String(t.capacity), String(t.freeCapacity),
                String(t.memberCount), t.leaderName ?? "", VolunteeringRules.hoursText(t.minutes),
            ]
        }
        return CSVResponse.make(fileName: "service-teams.csv", header: header.map { lang.t($0) }, rows: body)
    }

    @Sendable static func activities(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        let rows = try await VolunteeringLists.activities(
            req.caller, from: try req.queryDate("from", endOfDay: false), to: try req.queryDate("to", endOfDay: true),
            query: VolunteeringAPI.text(req, "q"), nodeID: try VolunteeringAPI.int(req, "nodeId"),
            hostUnitIDs: try VolunteeringAPI.int(req, "unitId").map { [$0] })
        let lang = req.lang
        let header: [Text] = [
            .volunteeringTitle, .volunteeringCategory, .volunteeringOrganiser, .volunteeringHostUnit,
            .volunteeringTeam, .volunteeringStartsAt, .volunteeringEndsAt, .volunteeringAddress,
            .volunteeringCapacity, .volunteeringConfirmed, .volunteeringWaiting, .volunteeringPoints,
            .volunteeringState,
        ]
        let body = rows.map { a in
            [
                a.title, lang.t(.serviceCategory(a.category)), a.nodeName, a.hostUnitName ?? "", a.teamName ?? "",
                VolunteeringFacts.local(a.startsAt), VolunteeringFacts.local(a.endsAt), a.address, String(a.capacity),
                String(a.confirmed), String(a.waiting), String(a.points), lang.t(a.shownState),
            ]
        }
        return CSVResponse.make(fileName: "activities.csv", header: header.map { lang.t($0) }, rows: body)
    }

    @Sendable static func hours(_ req: Request) async throws -> Response {
        let v = try req.requireViewer()
        if !VolunteeringFacts.isVolunteerRole(v) { try await req.require(.exportData) }
        let rows = try await VolunteeringLists.hours(
            req.caller, personID: try VolunteeringAPI.int(req, "personId"),
            activityID: try VolunteeringAPI.int(req, "activityId"), from: try req.queryDate("from", endOfDay: false),
            to: try req.queryDate("to", endOfDay: true))
        let lang = req.lang
        let header: [Text] = [
            .columnName, .volunteeringStartsAt, .volunteeringEndsAt, .volunteeringHoursColumn, .volunteeringSource,
            .volunteeringTitle, .volunteeringTeam, .volunteeringApprover, .volunteeringNote,
        ]
        let body = rows.map { h in
            [
                h.name, VolunteeringFacts.local(h.startedAt), VolunteeringFacts.local(h.endedAt),
                VolunteeringRules.hoursText(h.minutes), lang.t(.volunteeringSourceLabel(h.source)),
                h.activityTitle ?? "", h.teamName ?? "", h.approverName ?? "", h.note,
            ]
        }
        return CSVResponse.make(fileName: "service-hours.csv", header: header.map { lang.t($0) }, rows: body)
    }
}

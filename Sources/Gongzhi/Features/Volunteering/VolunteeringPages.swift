import Fluent
import GongzhiCore
import Vapor

/// Volunteering's pages: the resident's and member's phone, staff's desk. Handlers read the request, call a query
/// or a service with `req.caller`, and render; a refusal the user can fix comes back as the same page with the
/// message (422 or 409).
enum VolunteeringPages {
    /// A person picker lists this many, narrowed by name as one types.
    static let pickerLimit = 2_000

    static func register(_ p: RoutesBuilder) {
        p.get(VolunteeringRoute.page, use: page)
        p.form(VolunteeringRoute.register, use: registerVolunteer)
        p.get(VolunteeringRoute.register, use: page)
        p.get(VolunteeringRoute.volunteers, use: volunteers)
        p.get(VolunteeringRoute.volunteersExport, use: VolunteeringExport.volunteers)
        p.form(VolunteeringRoute.endVolunteer(.key), use: endVolunteer)
        p.get(VolunteeringRoute.teams, use: teams)
        p.form(VolunteeringRoute.teams, use: createTeam)
        p.get(VolunteeringRoute.teamsExport, use: VolunteeringExport.teams)
        p.get(VolunteeringRoute.team(.key), use: team)
        p.form(VolunteeringRoute.teamMembers(.key), use: addMember)
        p.get(VolunteeringRoute.activities, use: activities)
        p.form(VolunteeringRoute.activities, use: createActivity)
        p.get(VolunteeringRoute.activitiesExport, use: VolunteeringExport.activities)
        p.get(VolunteeringRoute.activity(.key), use: activity)
        p.form(VolunteeringRoute.signup(.key), use: signUp)
        p.form(VolunteeringRoute.cancelSignup(.key), use: cancelSignup)
        p.form(VolunteeringRoute.cancelActivity(.key), use: cancelActivity)
        p.form(VolunteeringRoute.hourCodes(.key), use: issueCodes)
        p.get(VolunteeringRoute.checkIn, use: checkInPage)
        p.form(VolunteeringRoute.checkIn, use: checkIn)
        p.form(VolunteeringRoute.checkOut, use: checkOut)
        p.form(VolunteeringRoute.redeem, use: redeem)
        p.get(VolunteeringRoute.hours, use: hours)
        p.form(VolunteeringRoute.hours, use: manualEntry)
        p.get(VolunteeringRoute.hoursExport, use: VolunteeringExport.hours)
        p.get(VolunteeringRoute.rankings, use: rankings)
    }

    static func render(_ req: Request, _ title: String, _ body: HTML) -> HTML {
        Layout.page(req, title: title, body: body, active: VolunteeringRoute.page.path)
    }

    static func isVolunteer(_ req: Request) -> Bool { req.viewer.map(VolunteeringFacts.isVolunteerRole) ?? false }

    /// A change from the phone: back to the page `to`, or the phone page again with the message.
    static func phoneChange(_ req: Request, to: Link, _ action: () async throws -> Void) async throws -> Response {
        try await FormChange.run(
            req,
            to: {
                try await action()
                return to
            }, page: { e in try await phone(req, error: e) })
    }

    // MARK: Phone

    @Sendable static func page(_ req: Request) async throws -> HTML {
        if isVolunteer(req) { return try await phone(req, error: nil) }
        return try await activitiesPage(req, nil, error: nil)
    }

    static func phone(_ req: Request, error: AppError?, code: String? = nil) async throws -> HTML {
        let m = try await VolunteeringPhone.query(req.caller)
        return render(
            req, req.t(.navVolunteeringPhone),
            VolunteeringPhone.view(m, error: error, code: code, csrf: CSRF.hiddenField(req), req.lang))
    }

    struct RegisterForm: Content {
        var personId: String?
        var categories: [String]?
        var skills: String?
        var availability: String?
    }

    @Sendable static func registerVolunteer(_ req: Request) async throws -> Response {
        let f = try req.content.decode(RegisterForm.self)
        if isVolunteer(req) {
            return try await phoneChange(req, to: VolunteeringRoute.page.link) {
                _ = try await VolunteeringService.register(
                    req.caller, .init(categories: f.categories, skills: f.skills, availability: f.availability))
            }
        }
        return try await FormChange.run(
            req,
            to: {
                let pid = try FormNumber.int(f.personId, field: "personId")
                _ = try await VolunteeringService.register(
                    req.caller,
                    .init(personID: pid, categories: f.categories, skills: f.skills, availability: f.availability))
                return VolunteeringRoute.volunteers.link
            }, page: { e in try await volunteersPage(req, error: e) })
    }

    struct CodeForm: Content {
        var code: String?
        var lat: String?
        var lng: String?

        func input() throws -> VolunteeringService.CheckInput {
            func number(_ raw: String?, _ field: String) throws -> Double? {
                guard let t = raw?.trimmingWhitespace(), !t.isEmpty else { return nil }
                guard let d = Double(t), d.isFinite else {
                    throw AppError.invalid(.errorVolunteeringPoint, field: field)
                }
                return d
            }
            return .init(code: code, lat: try number(lat, "lat"), lng: try number(lng, "lng"))
        }
    }

    /// The QR link's target: the phone page with the code filled in.
    @Sendable static func checkInPage(_ req: Request) async throws -> HTML {
        let code = req.query[String.self, at: "code"].map { String($0.prefix(6)) }
        guard isVolunteer(req) else { return try await activitiesPage(req, nil, error: nil) }
        return try await phone(req, error: nil, code: code)
    }

    @Sendable static func checkIn(_ req: Request) async throws -> Response {
        let f = try req.content.decode(CodeForm.self)
        return try await FormChange.run(
            req,
            to: {
                let (a, _) = try await VolunteeringService.checkIn(req.caller, try f.input())
                return VolunteeringRoute.activity(.value(a.id!)).link
            }, page: { e in try await phone(req, error: e, code: f.code) })
    }

    @Sendable static func checkOut(_ req: Request) async throws -> Response {
        let f = try req.content.decode(CodeForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await VolunteeringService.checkOut(req.caller, try f.input())
                return VolunteeringRoute.hours.link
            }, page: { e in try await phone(req, error: e, code: f.code) })
    }

    @Sendable static func redeem(_ req: Request) async throws -> Response {
        let f = try req.content.decode(CodeForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await VolunteeringService.redeem(req.caller, .init(code: f.code))
                return VolunteeringRoute.hours.link
            }, page: { e in try await hoursPage(req, nil, error: e) })
    }

    struct SignupForm: Content { var personId: String? }

    @Sendable static func signUp(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(SignupForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await VolunteeringService.signUp(
                    req.caller, activityID: id, .init(personID: try FormNumber.int(f.personId, field: "personId")))
                return VolunteeringRoute.activity(.value(id)).link
            }, page: { e in try await activityPage(req, id: id, error: e) })
    }

    @Sendable static func cancelSignup(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(SignupForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await VolunteeringService.cancelSignup(
                    req.caller, activityID: id, .init(personID: try FormNumber.int(f.personId, field: "personId")))
                return VolunteeringRoute.activity(.value(id)).link
            }, page: { e in try await activityPage(req, id: id, error: e) })
    }

    // MARK: Desk: volunteers

    static func volunteersPage(_ req: Request, error: AppError?) async throws -> HTML {
        let v = try await req.require(.viewPeople)
        let list = try await VolunteeringLists.volunteers(
            req.caller, communityID: try VolunteeringAPI.int(req, "communityId"),
            query: VolunteeringAPI.text(req, "q"), category: try VolunteeringAPI.category(req),
            page: try req.pageRequest())
        let candidates =
            v.can(.editPeople) ? try await PeopleQueries.volunteerCandidates(v.scope, limit: 200, on: req.db) : []
        return render(
            req, req.t(.volunteeringVolunteers),
            VolunteeringDesk.volunteers(
                list.rows, pager: Widgets.pager(req, list), candidates: candidates, canEdit: v.can(.editPeople),
                canExport: v.can(.exportData),
                q: VolunteeringAPI.text(req, "q"), error: error, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func volunteers(_ req: Request) async throws -> HTML {
        if isVolunteer(req) { return try await phone(req, error: nil) }
        return try await volunteersPage(req, error: nil)
    }

    @Sendable static func endVolunteer(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        if isVolunteer(req) {
            return try await phoneChange(req, to: VolunteeringRoute.page.link) {
                _ = try await VolunteeringService.endVolunteer(req.caller, id: id)
            }
        }
        return try await FormChange.run(
            req,
            to: {
                _ = try await VolunteeringService.endVolunteer(req.caller, id: id)
                return VolunteeringRoute.volunteers.link
            }, page: { e in try await volunteersPage(req, error: e) })
    }

    // MARK: Desk: teams

    struct TeamForm: Content {
        var name: String?
        var kind: String?
        var nodeId: String?
        var ownerUnitId: String?
        var categories: [String]?
        var skills: String?
        var place: String?
        var capacity: String?

        func input() throws -> VolunteeringService.TeamInput {
            .init(
                name: name, kind: kind, nodeID: try FormNumber.int(nodeId, field: "nodeId"),
                ownerUnitID: try FormNumber.int(ownerUnitId, field: "ownerUnitId"), categories: categories,
                skills: skills, place: place, capacity: try FormNumber.int(capacity, field: "capacity", in: 1...1_000))
        }
    }

    static func teamsPage(_ req: Request, _ f: TeamForm?, error: AppError?) async throws -> HTML {
        let v = try await req.require(.viewTree)
        if isVolunteer(req) { throw await req.forbidden("desk teams") }
        let list = try await VolunteeringLists.teams(
            req.caller, query: VolunteeringAPI.text(req, "q"), kind: try VolunteeringAPI.kind(req),
            category: try VolunteeringAPI.category(req), nodeID: try VolunteeringAPI.int(req, "nodeId"))
        let choices = try await VolunteeringDesk.choices(v, req.db)
        return render(
            req, req.t(.volunteeringTeams),
            VolunteeringDesk.teams(
                list, choices: choices, form: f, canEdit: v.can(.editPeople), canExport: v.can(.exportData),
                q: VolunteeringAPI.text(req, "q"), error: error, csrf: CSRF.hiddenField(req), req.lang,
                staff: v.can(.viewPeople)))
    }

    @Sendable static func teams(_ req: Request) async throws -> HTML { try await teamsPage(req, nil, error: nil) }

    @Sendable static func createTeam(_ req: Request) async throws -> Response {
        let f = try req.content.decode(TeamForm.self)
        return try await FormChange.run(
            req,
            to: {
                let t = try await VolunteeringService.createTeam(req.caller, try f.input())
                return VolunteeringRoute.team(.value(t.id!)).link
            }, page: { e in try await teamsPage(req, f, error: e) })
    }

    static func teamPage(_ req: Request, id: Int, error: AppError?) async throws -> HTML {
        let v = try req.requireViewer()
        let d = try await VolunteeringLists.team(req.caller, id: id)
        let candidates =
            v.can(.editPeople)
            ? try await VolunteeringLists.volunteers(req.caller, communityID: nil, limit: pickerLimit) : []
        return render(
            req, d.team.name,
            VolunteeringDesk.team(
                d, candidates: candidates, canEdit: v.can(.editPeople) && !isVolunteer(req), error: error,
                csrf: CSRF.hiddenField(req), req.lang, staff: v.can(.viewPeople)))
    }

    @Sendable static func team(_ req: Request) async throws -> HTML {
        try await teamPage(req, id: try req.intParameter("id"), error: nil)
    }

    struct MemberForm: Content {
        var personId: String?
        var leader: String?
    }

    @Sendable static func addMember(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(MemberForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await VolunteeringService.addMember(
                    req.caller, teamID: id,
                    .init(personID: try FormNumber.int(f.personId, field: "personId"), leader: f.leader == "true"))
                return VolunteeringRoute.team(.value(id)).link
            }, page: { e in try await teamPage(req, id: id, error: e) })
    }

    // MARK: Desk: activities

    struct ActivityForm: Content {
        var title: String?
        var category: String?
        var nodeId: String?
        var hostUnitId: String?
        var teamId: String?
        var startsAt: String?
        var endsAt: String?
        var address: String?
        var lat: String?
        var lng: String?
        var radiusMeters: String?
        var capacity: String?
        var points: String?
        var description: String?

        func input() throws -> VolunteeringService.ActivityInput {
            let point = try CodeForm(code: nil, lat: lat, lng: lng).input()
            return .init(
                title: title, category: category, nodeID: try FormNumber.int(nodeId, field: "nodeId"),
                hostUnitID: try FormNumber.int(hostUnitId, field: "hostUnitId"),
                teamID: try FormNumber.int(teamId, field: "teamId"), startsAt: startsAt, endsAt: endsAt,
                address: address, lat: point.lat, lng: point.lng,
                radiusMeters: try FormNumber.int(radiusMeters, field: "radiusMeters", in: 1...100_000),
                capacity: try FormNumber.int(capacity, field: "capacity", in: 1...10_000),
                points: try FormNumber.int(points, field: "points", in: 0...1_000), description: description)
        }
    }

    static func activitiesPage(_ req: Request, _ f: ActivityForm?, error: AppError?) async throws -> HTML {
        let v = try await req.require(.viewPeople)
        let unitID = try VolunteeringAPI.int(req, "unitId")
        let list = try await VolunteeringLists.activities(
            req.caller, query: VolunteeringAPI.text(req, "q"), nodeID: try VolunteeringAPI.int(req, "nodeId"),
            hostUnitIDs: unitID.map { [$0] }, page: try req.pageRequest())
        let choices = try await VolunteeringDesk.choices(v, req.db)
        return render(
            req, req.t(.volunteeringActivities),
            VolunteeringDesk.activities(
                list.rows, pager: Widgets.pager(req, list), choices: choices, form: f, canEdit: v.can(.editPeople),
                canExport: v.can(.exportData),
                q: VolunteeringAPI.text(req, "q"), now: req.clock.now, error: error, csrf: CSRF.hiddenField(req),
                req.lang))
    }

    @Sendable static func activities(_ req: Request) async throws -> HTML {
        if isVolunteer(req) { return try await phone(req, error: nil) }
        return try await activitiesPage(req, nil, error: nil)
    }

    @Sendable static func createActivity(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ActivityForm.self)
        return try await FormChange.run(
            req,
            to: {
                let a = try await VolunteeringService.createActivity(req.caller, try f.input())
                return VolunteeringRoute.activity(.value(a.id!)).link
            }, page: { e in try await activitiesPage(req, f, error: e) })
    }

    static func activityPage(_ req: Request, id: Int, error: AppError?, codes: [HourCode] = []) async throws
        -> HTML
    {
        let v = try req.requireViewer()
        let a = try await VolunteeringLists.activity(req.caller, id: id)
        if isVolunteer(req) {
            let (_, own) = try await VolunteeringFacts.own(req.caller)
            let mine = try await Signup.query(on: req.db).filter(\.$activityID == id).filter(\.$personID == own)
                .filter(\.$status != .cancelled).first()
            return render(
                req, a.title,
                VolunteeringPhone.activity(
                    a, mine: mine, now: req.clock.now, error: error, csrf: CSRF.hiddenField(req), req.lang))
        }
        let canEdit = v.can(.editPeople) && a.code != nil
        let signups = v.can(.viewPeople) ? try await VolunteeringLists.signups(req.caller, activityID: id) : []
        let hours = v.can(.viewPeople) ? try await VolunteeringLists.hours(req.caller, activityID: id, limit: 500) : []
        let issued = canEdit ? try await VolunteeringLists.hourCodes(req.caller, activityID: id) : []
        return render(
            req, a.title,
            VolunteeringDesk.activity(
                a, signups: signups, hours: hours, codes: issued, canEdit: canEdit, error: error,
                csrf: CSRF.hiddenField(req), req.lang, staff: v.can(.viewPeople), siteBase: req.siteBase))
    }

    @Sendable static func activity(_ req: Request) async throws -> HTML {
        try await activityPage(req, id: try req.intParameter("id"), error: nil)
    }

    @Sendable static func cancelActivity(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req,
            to: {
                _ = try await VolunteeringService.cancelActivity(req.caller, id: id)
                return VolunteeringRoute.activity(.value(id)).link
            }, page: { e in try await activityPage(req, id: id, error: e) })
    }

    struct CodesForm: Content {
        var minutes: String?
        var count: String?
    }

    @Sendable static func issueCodes(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(CodesForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await VolunteeringService.issueCodes(
                    req.caller, activityID: id,
                    .init(
                        minutes: try FormNumber.int(f.minutes, field: "minutes", in: 1...720),
                        count: try FormNumber.int(f.count, field: "count", in: 1...VolunteeringService.maxCodes)))
                return VolunteeringRoute.activity(.value(id)).link
            }, page: { e in try await activityPage(req, id: id, error: e) })
    }

    // MARK: Hours

    struct ManualForm: Content {
        var personId: String?
        var startedAt: String?
        var endedAt: String?
        var activityId: String?
        var approverUserId: String?
        var note: String?
    }

    static func hoursPage(_ req: Request, _ f: ManualForm?, error: AppError?) async throws -> HTML {
        let v = try req.requireViewer()
        let (list, minutes) = try await VolunteeringLists.hours(
            req.caller, personID: try VolunteeringAPI.int(req, "personId"),
            from: try req.queryDate("from", endOfDay: false), to: try req.queryDate("to", endOfDay: true),
            page: try req.pageRequest())
        if isVolunteer(req) {
            let mine = VolunteeringPhone.hours(
                list.rows, total: minutes, error: error, csrf: CSRF.hiddenField(req), req.lang)
            return render(req, req.t(.volunteeringMyHours), "\(mine)\(Widgets.pager(req, list))")
        }
        let people =
            v.can(.editPeople)
            ? try await VolunteeringLists.volunteers(req.caller, communityID: nil, limit: pickerLimit) : []
        let approvers = v.can(.editPeople) ? try await VolunteeringDesk.approvers(v, req.db) : []
        return render(
            req, req.t(.volunteeringHours),
            VolunteeringDesk.hours(
                list.rows, count: list.total, minutes: minutes, pager: Widgets.pager(req, list), people: people,
                approvers: approvers, me: v.user.id!, form: f,
                canEdit: v.can(.editPeople), canExport: v.can(.exportData), now: req.clock.now, error: error,
                csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func hours(_ req: Request) async throws -> HTML { try await hoursPage(req, nil, error: nil) }

    @Sendable static func manualEntry(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ManualForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await VolunteeringService.manualEntry(
                    req.caller,
                    .init(
                        personID: try FormNumber.int(f.personId, field: "personId"), startedAt: f.startedAt,
                        endedAt: f.endedAt, activityID: try FormNumber.int(f.activityId, field: "activityId"),
                        approverUserID: try FormNumber.int(f.approverUserId, field: "approverUserId"), note: f.note))
                return VolunteeringRoute.hours.link
            }, page: { e in try await hoursPage(req, f, error: e) }, flash: .flashApprovalRequested)
    }

    @Sendable static func rankings(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        let period = try VolunteeringAPI.period(req)
        let m = try await VolunteeringSections.rankings(
            req.caller, nodeID: try VolunteeringAPI.int(req, "nodeId"), period: period,
            day: try req.queryDay("day") ?? req.clock.today)
        let staff = VolunteeringLists.isStaff(v)
        return render(req, req.t(.volunteeringRankings), VolunteeringDesk.rankings(m, staff: staff, req.lang))
    }
}

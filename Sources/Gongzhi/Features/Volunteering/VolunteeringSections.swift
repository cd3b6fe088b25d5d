import Fluent
import GongzhiCore
import Vapor

/// What Volunteering shows on other capabilities' pages (through the platform's `PageSection` and `TodoItem`
/// hooks), and its rankings.
enum VolunteeringSections {
    /// Activities a unit hosts, on the unit's page and the liaison's desk: the latest twenty the caller may see.
    static func unit(_ unitID: Int, _ caller: Caller) async throws -> PageSection? {
        let v = try caller.requireViewer()
        let liaison = try await UnitsQueries.liaisonUnitIDs(v, on: caller.db).contains(unitID)
        let q = Activity.query(on: caller.db).filter(\.$hostUnitID == unitID).filter(\.$state == .open)
        if !liaison {
            guard v.can(.viewTree), v.role != .unitLiaison else { return nil }
            q.inScope(v.scope, \.$path)
        }
        let rows = try await q.sort(\.$startsAt, .descending).limit(20).all()
        guard !rows.isEmpty else { return nil }
        return PageSection(
            id: "unit-activities", title: caller.t(.volunteeringHostedActivities),
            items: rows.map { item($0, caller.lang, link: !liaison || v.scope.includes(TreePath($0.path))) },
            more: liaison ? nil : VolunteeringRoute.activities.query([("unitId", String(unitID))]))
    }

    /// On a node's page and 我的社区: the activities hosted by units at the community the node lies in (or, for
    /// a street or the district, below it), the latest twenty the caller may see.
    static func node(_ nodeID: Int, _ caller: Caller) async throws -> PageSection? {
        let v = try caller.requireViewer()
        guard let node = try await OrgNode.find(nodeID, on: caller.db) else { return nil }
        let base = try await VolunteeringFacts.community(of: nodeID, on: caller.db) ?? node
        let q = Activity.query(on: caller.db).filter(\.$hostUnitID != nil).filter(\.$state == .open)
            .filter(\.$path =~ base.path)
        if VolunteeringFacts.isVolunteerRole(v) {
            guard v.user.personID != nil else { return nil }
        } else {
            guard v.can(.viewTree), v.role != .unitLiaison else { return nil }
            q.inScope(v.scope, \.$path)
        }
        let rows = try await q.sort(\.$startsAt, .descending).limit(20).all()
        guard !rows.isEmpty else { return nil }
        let units = try await UnitsQueries.names(rows.compactMap(\.hostUnitID), on: caller.db)
        let items = rows.map { a in
            let i = item(a, caller.lang, link: true)
            return PageSection.Item(
                link: i.link, label: i.label, detail: "\(i.detail) · \(a.hostUnitID.flatMap { units[$0] } ?? "")")
        }
        return PageSection(
            id: "community-activities", title: caller.t(.volunteeringHostedActivities), items: items,
            more: VolunteeringFacts.isVolunteerRole(v) ? VolunteeringRoute.page.link : nil)
    }

    static func item(_ a: Activity, _ lang: Lang, link: Bool) -> PageSection.Item {
        PageSection.Item(
            link: VolunteeringRoute.activity(.value(a.id!)).link, label: a.title,
            detail: "\(VolunteeringFacts.local(a.startsAt)) · \(a.address)")
    }

    /// A volunteer's to-dos: activities to come that they have a place at (one freed for them from the wait list
    /// says so), to check in at on the day.
    static func todos(_ caller: Caller) async throws -> [TodoItem] {
        let v = try caller.requireViewer()
        let lang = caller.lang
        let db = caller.db
        guard VolunteeringFacts.isVolunteerRole(v), let pid = v.user.personID else { return [] }
        let signups = try await Signup.query(on: db).filter(\.$personID == pid).filter(\.$status == .confirmed)
            .filter(\.$checkedInAt == nil).sort(\.$id, .descending).limit(50).all()
        guard !signups.isEmpty else { return [] }
        let now = caller.now
        let acts = try await Activity.query(on: db).filter(\.$id ~~ signups.map(\.activityID))
            .filter(\.$state == .open).filter(\.$endsAt > now).all()
        return acts.sorted { $0.startsAt < $1.startsAt }.map { a in
            let promoted = signups.first { $0.activityID == a.id }?.promotedAt != nil
            return TodoItem(
                link: VolunteeringRoute.activity(.value(a.id!)).link, title: a.title,
                waitingFor: lang.t(promoted ? .volunteeringTodoPromoted : .volunteeringTodoCheckIn),
                origin: "\(VolunteeringFacts.local(a.startsAt)) · \(a.address)",
                due: LocalDate(instant: a.startsAt.timeIntervalSince1970))
        }
    }

    // MARK: Rankings

    struct RankRow: Content {
        let rank: Int
        let id: Int
        let name: String
        let minutes: Int
    }

    struct RankingsOut: Content {
        let nodeID: Int
        let nodeName: String
        let period: VolunteeringRules.Period
        let first: String
        let last: String
        /// A ranking shows only with at least this many participants (nil lists below it).
        let minimum: Int
        let volunteerCount: Int
        let teamCount: Int
        let unitCount: Int
        let volunteers: [RankRow]?
        let teams: [RankRow]?
        let units: [RankRow]?
    }

    /// Rankings of a community (or a street) for the period containing `day`: volunteers, teams and units by the
    /// minutes of service given there, each shown only with at least `minimumRanked` participants. Names of people
    /// are masked for viewers who do not manage people.
    static func rankings(
        _ caller: Caller, nodeID: Int?, period: VolunteeringRules.Period, day: LocalDate
    ) async throws -> RankingsOut {
        let v = try caller.requireViewer()
        let node: OrgNode
        if VolunteeringFacts.isVolunteerRole(v) {
            let (_, own) = try await VolunteeringFacts.own(caller)
            guard let p = try await PeopleQueries.volunteerPerson(own, on: caller.db),
                let c = try await VolunteeringFacts.community(of: p, on: caller.db)
            else { throw AppError.invalid(.errorVolunteeringNoCommunity, field: "nodeId") }
            if let nodeID, nodeID != c.id { throw AppError.invalid(.errorRefUnknown, field: "nodeId") }
            node = c
        } else {
            try await caller.require(.viewPeople)
            if v.role == .unitLiaison { throw await caller.forbidden("rankings of a liaison") }
            if let nodeID {
                node = try await caller.scoped(OrgNode.self, nodeID, field: "nodeId")
            } else {
                node = v.node
            }
        }
        let (first, last) = VolunteeringRules.days(of: period, containing: day)
        let from = VolunteeringFacts.start(of: first)
        let to = VolunteeringFacts.start(of: last.adding(days: 1))
        var byPerson: [Int: Int] = [:]
        var byTeam: [Int: Int] = [:]
        var byUnit: [Int: Int] = [:]
        let records = try await ServiceHour.query(on: caller.db).filter(\.$path =~ node.path)
            .filter(\.$startedAt >= from).filter(\.$startedAt < to).all()
        for h in records {
            byPerson[h.personID, default: 0] += h.minutes
            if let t = h.teamID { byTeam[t, default: 0] += h.minutes }
            if let u = h.hostUnitID { byUnit[u, default: 0] += h.minutes }
        }
        let mask = !VolunteeringLists.isStaff(v)
        func rows(_ ranked: [VolunteeringRules.Ranked]?, _ names: [Int: String], mask: Bool) -> [RankRow]? {
            ranked.map { list in
                list.prefix(50).map { r in
                    let n = names[r.id] ?? ""
                    return RankRow(rank: r.rank, id: r.id, name: mask ? Masking.name(n) : n, minutes: r.minutes)
                }
            }
        }
        let people = try await PeopleQueries.volunteerPeople(Array(byPerson.keys), on: caller.db).mapValues(\.name)
        let teams = try await VolunteeringFacts.teamNames(Array(byTeam.keys), on: caller.db)
        let units = try await UnitsQueries.names(Array(byUnit.keys), on: caller.db)
        return RankingsOut(
            nodeID: node.id!, nodeName: node.name, period: period, first: first.description, last: last.description,
            minimum: VolunteeringRules.minimumRanked, volunteerCount: byPerson.count, teamCount: byTeam.count,
            unitCount: byUnit.count, volunteers: rows(VolunteeringRules.ranking(byPerson), people, mask: mask),
            teams: rows(VolunteeringRules.ranking(byTeam), teams, mask: false),
            units: rows(VolunteeringRules.ranking(byUnit), units, mask: false))
    }
}

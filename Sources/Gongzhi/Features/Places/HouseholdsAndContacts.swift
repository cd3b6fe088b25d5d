import Fluent
import Vapor

/// Households, seen from either end of the chain:
/// building group leader → member household → neighbours → residents.
enum HouseholdsAPI {
    struct HouseholdOut: Content {
        let id: Int
        let buildingID: Int
        let buildingName: String?
        let gridID: Int
        let room: String
        let population: Int
        let isMemberHousehold: Bool
        let memberName: String?
        /// Member households that look after this one.
        let linkedBy: [Int]
        /// Households this member household looks after.
        let links: [Int]
    }
    struct HouseholdDetail: Content {
        let household: HouseholdOut
        let residents: [PersonOut]
        let buildingGroup: PlacesAPI.Named?
        let groupLeader: PlacesAPI.PersonRef?
        let memberHouseholds: [HouseholdOut]
        let linkedHouseholds: [HouseholdOut]
    }

    static func out(_ hs: [Household], _ caller: Caller) async throws -> [HouseholdOut] {
        try await out(hs, on: caller.db)
    }

    static func out(_ hs: [Household], on db: any Database) async throws -> [HouseholdOut] {
        let ids = hs.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let links = try await HouseholdLink.query(on: db).group(.or) {
            $0.filter(\.$memberHouseholdID ~~ ids).filter(\.$householdID ~~ ids)
        }.all()
        let bids = Array(Set(hs.map(\.buildingID)))
        let buildings = Dictionary(
            uniqueKeysWithValues: try await Building.query(on: db).filter(\.$id ~~ bids).all().map {
                ($0.id!, $0.name)
            })
        let members = try await PeopleQueries.briefs(hs.compactMap(\.memberPersonID), on: db)
        return hs.map { h in
            HouseholdOut(
                id: h.id!, buildingID: h.buildingID, buildingName: buildings[h.buildingID], gridID: h.gridID,
                room: h.room,
                population: h.population, isMemberHousehold: h.isMemberHousehold,
                memberName: h.memberPersonID.flatMap { members[$0] }.map { Masking.name($0.name) },
                linkedBy: links.filter { $0.householdID == h.id }.map(\.memberHouseholdID),
                links: links.filter { $0.memberHouseholdID == h.id }.map(\.householdID))
        }
    }

    /// Member households whose member agreed to be shown to neighbours: only their rooms may appear.
    static func roomsShown(_ households: [Household], on db: Database) async throws -> Set<Int> {
        let members = try await PeopleQueries.briefs(households.compactMap(\.memberPersonID), on: db)
        let agreed = Set(members.values.filter(\.shownToNeighbours).map(\.id))
        return Set(households.filter { $0.memberPersonID.map(agreed.contains) ?? false }.compactMap(\.id))
    }

    static func find(_ id: Int, _ caller: Caller) async throws -> Household {
        try await caller.require(.viewPeople)
        return try await caller.scoped(Household.self, id)
    }

    static func detail(_ h: Household, _ caller: Caller) async throws -> HouseholdDetail {
        let f = try await PlacesQueries.householdFacts(h, lang: caller.lang, on: caller.db)
        return HouseholdDetail(
            household: f.household, residents: f.residents, buildingGroup: f.buildingGroup,
            groupLeader: f.groupLeader.map { .init($0, caller.lang) }, memberHouseholds: f.memberHouseholds,
            linkedHouseholds: f.linkedHouseholds)
    }

    @Sendable static func show(_ req: Request) async throws -> HouseholdDetail {
        try await detail(try await find(try req.intParameter("id"), req.caller), req.caller)
    }
}

/// 包联/包保: leaders' contact points, shown on the community or compound and listed here.
enum ContactsAPI {
    struct CreateInput: StrictInput {
        static let fields: Set<String> = ["leaderPersonID", "title", "communityNodeID", "gridID", "since"]
        let leaderPersonID: Int
        let title: String
        let communityNodeID: Int?
        let gridID: Int?
        let since: String?
    }

    static func refs(_ cs: [ContactAssignment], on db: Database) async throws -> [PlacesAPI.ContactRef] {
        let people = try await PeopleQueries.briefs(cs.map(\.leaderPersonID), on: db).mapValues(\.name)
        return cs.map {
            .init(
                id: $0.id!, leaderPersonID: $0.leaderPersonID, leaderName: people[$0.leaderPersonID] ?? "",
                title: $0.leaderTitle,
                communityNodeID: $0.communityNodeID, gridID: $0.gridID, since: $0.since)
        }
    }

    @Sendable static func list(_ req: Request) async throws -> [PlacesAPI.ContactRef] {
        let v = try await req.require(.viewTree)
        return try await refs(
            try await ContactAssignment.query(on: req.db).inScope(v.scope, \.$path).filter(\.$active == true).sort(
                \.$id
            ).all(), on: req.db)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let c = try await create(req.caller, try req.decodeStrict(CreateInput.self))
        return try await refs([c], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    static func create(_ caller: Caller, _ input: CreateInput) async throws -> ContactAssignment {
        let v = try await caller.require(.editTree)
        let title = input.title.trimmingWhitespace()
        if title.isEmpty || title.count > 50 { throw AppError.invalid(.errorContactTitle, field: "title") }
        guard (input.communityNodeID == nil) != (input.gridID == nil) else {
            throw AppError.invalid(.errorContactTarget, field: "communityNodeId")
        }
        let leader = try await PeopleQueries.visibleBrief(input.leaderPersonID, caller)
        let c = ContactAssignment()
        c.leaderPersonID = leader.id
        c.leaderTitle = title
        c.active = true
        if let raw = input.since {
            guard let d = SimpleDate(raw) else { throw AppError.invalid(.errorDateInvalid, field: "since") }
            c.since = d.iso
        } else {
            c.since = String(ISO8601DateFormatter().string(from: caller.now).prefix(10))
        }
        if let cid = input.communityNodeID {
            let node = try await OrgQueries.findForChange(cid, caller, field: "communityNodeId")
            guard node.kind == .communityCommittee else {
                throw AppError.invalid(.errorContactTarget, field: "communityNodeId")
            }
            c.communityNodeID = node.id
            c.path = node.path
        } else if let gid = input.gridID {
            let grid = try await caller.scoped(Grid.self, gid, for: .change, field: "gridId")
            c.gridID = grid.id
            c.path = grid.path
        }
        try await caller.db.writing { db in
            try await c.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .contactAssignment, id: c.id!,
                label: "\(leader.name) \(title)",
                scopePath: c.path, before: nil as String?,
                after: ["leader": leader.name, "title": title, "since": c.since])
        }
        return c
    }
}

/// 身边党员: the party-member households and the people who serve the resident's grid and its neighbours.
/// A member's name shows only when they agreed; otherwise only that a member household is in that building.
enum NearbyAPI {
    struct Entry: Content {
        let gridName: String
        let building: String
        let room: String?
        let name: String?
        let agreed: Bool
    }
    struct Nearby: Content {
        let grid: PlacesAPI.Named?
        let memberHouseholds: [Entry]
        let staff: [PlacesAPI.PersonRef]
    }

    @Sendable static func show(_ req: Request) async throws -> Nearby {
        let f = try await PlacesQueries.nearby(of: try req.requireViewer(), on: req.db)
        return Nearby(grid: f.grid, memberHouseholds: f.entries, staff: f.staff.map { .init($0, req.lang) })
    }
}

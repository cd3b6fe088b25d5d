import Fluent
import Vapor

/// Households, seen from either end of the chain building group leader → member household → neighbours → residents.
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

    static func out(_ hs: [Household], _ req: Request) async throws -> [HouseholdOut] {
        let ids = hs.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let links = try await HouseholdLink.query(on: req.db).group(.or) {
            $0.filter(\.$memberHouseholdID ~~ ids).filter(\.$householdID ~~ ids)
        }.all()
        let bids = Array(Set(hs.map(\.buildingID)))
        let buildings = Dictionary(
            uniqueKeysWithValues: try await Building.query(on: req.db).filter(\.$id ~~ bids).all().map {
                ($0.id!, $0.name)
            })
        let memberIDs = hs.compactMap(\.memberPersonID)
        let members =
            memberIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await Person.query(on: req.db).filter(\.$id ~~ memberIDs).all().map {
                    ($0.id!, $0)
                })
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
        let members = households.compactMap(\.memberPersonID)
        guard !members.isEmpty else { return [] }
        let agreed = Set(
            try await Person.query(on: db).filter(\.$id ~~ members).filter(\.$shownToNeighbours == true).all()
                .compactMap(\.id))
        return Set(households.filter { $0.memberPersonID.map(agreed.contains) ?? false }.compactMap(\.id))
    }

    static func find(_ id: Int, _ req: Request) async throws -> Household {
        try await req.require(.viewPeople)
        return try await req.scoped(Household.self, id)
    }

    static func detail(_ h: Household, _ req: Request) async throws -> HouseholdDetail {
        let residents = try await Person.query(on: req.db).filter(\.$householdID == h.id!).filter(\.$archived == false)
            .all()
        let building = try await Building.find(h.buildingID, on: req.db)
        let group = try await building?.groupNodeID.asyncMap { try await OrgNode.find($0, on: req.db) } ?? nil
        var leader: PlacesAPI.PersonRef?
        if let gid = group?.id,
            let duty = try await GridDuty.query(on: req.db).filter(\.$groupNodeID == gid)
                .filter(\.$duty == .buildingGroupLeader).first(),
            let p = try await Person.find(duty.personID, on: req.db)
        {
            leader = .init(duty, name: p.name, req)
        }
        let me = try await out([h], req)[0]
        let memberHouseholds =
            me.linkedBy.isEmpty
            ? [] : try await out(try await Household.query(on: req.db).filter(\.$id ~~ me.linkedBy).all(), req)
        let linked =
            me.links.isEmpty
            ? [] : try await out(try await Household.query(on: req.db).filter(\.$id ~~ me.links).sort(\.$id).all(), req)
        let names = try await PeopleService.nodeNames(residents, on: req.db)
        return HouseholdDetail(
            household: me,
            residents: residents.map { PersonOut($0, masked: true, nodeName: names[$0.orgNodeID], lang: req.lang) },
            buildingGroup: group.map { .init(id: $0.id!, name: $0.name, code: $0.code) }, groupLeader: leader,
            memberHouseholds: memberHouseholds, linkedHouseholds: linked)
    }

    @Sendable static func show(_ req: Request) async throws -> HouseholdDetail {
        try await detail(try await find(try req.intParameter("id"), req), req)
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
        let ids = Array(Set(cs.map(\.leaderPersonID)))
        let people =
            ids.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await Person.query(on: db).filter(\.$id ~~ ids).all().map {
                    ($0.id!, $0.name)
                })
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
        let v = try await req.require(.editTree)
        let input = try req.decodeStrict(CreateInput.self)
        let title = input.title.trimmingWhitespace()
        if title.isEmpty || title.count > 50 { throw AppError.invalid("error.contact.title", field: "title") }
        guard (input.communityNodeID == nil) != (input.gridID == nil) else {
            throw AppError.invalid("error.contact.target", field: "communityNodeId")
        }
        let leader = try await PeopleService.find(input.leaderPersonID, req)
        let c = ContactAssignment()
        c.leaderPersonID = leader.id!
        c.leaderTitle = title
        c.active = true
        if let raw = input.since {
            guard let d = SimpleDate(raw) else { throw AppError.invalid("error.date.invalid", field: "since") }
            c.since = d.iso
        } else {
            c.since = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        }
        if let cid = input.communityNodeID {
            let node = try await OrgQueries.findForChange(cid, req, field: "communityNodeId")
            guard node.kind == .communityCommittee else {
                throw AppError.invalid("error.contact.target", field: "communityNodeId")
            }
            c.communityNodeID = node.id
            c.path = node.path
        } else if let gid = input.gridID {
            let grid = try await req.scoped(Grid.self, gid, for: .change, field: "gridId")
            c.gridID = grid.id
            c.path = grid.path
        }
        try await req.db.writing { db in
            try await c.create(on: db)
            try await Audit.record(
                on: db, by: v, .create, entity: .contactAssignment, id: c.id!, label: "\(leader.name) \(title)",
                scopePath: c.path, before: nil as String?,
                after: ["leader": leader.name, "title": title, "since": c.since])
        }
        return try await refs([c], on: req.db)[0].encodeResponse(status: .created, for: req)
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

    static func compute(_ req: Request) async throws -> Nearby {
        let v = try req.requireViewer()
        guard let home = try await PlacesQueries.homeGrid(of: v, on: req.db) else {
            return Nearby(grid: nil, memberHouseholds: [], staff: [])
        }
        var box = home.shape.bbox
        let pad = 0.002  // about 200 m: grids touching or very near count as neighbours
        box = BBox(
            minLat: box.minLat - pad, minLng: box.minLng - pad, maxLat: box.maxLat + pad, maxLng: box.maxLng + pad)
        let grids = try await Grid.query(on: req.db).filter(\.$archived == false)
            .filter(\.$minLat <= box.maxLat).filter(\.$maxLat >= box.minLat).filter(\.$minLng <= box.maxLng).filter(
                \.$maxLng >= box.minLng
            ).all()
        let gridName = Dictionary(uniqueKeysWithValues: grids.map { ($0.id!, $0.name) })
        let hs = try await Household.query(on: req.db).filter(\.$gridID ~~ grids.compactMap(\.id)).filter(
            \.$isMemberHousehold == true
        ).all()
        let members = Dictionary(
            uniqueKeysWithValues: try await Person.query(on: req.db).filter(\.$id ~~ hs.compactMap(\.memberPersonID))
                .all().map { ($0.id!, $0) })
        let buildings = Dictionary(
            uniqueKeysWithValues: try await Building.query(on: req.db).filter(\.$id ~~ hs.map(\.buildingID)).all().map {
                ($0.id!, $0)
            })
        let entries = hs.sorted { ($0.gridID == home.id ? 0 : 1, $0.id!) < ($1.gridID == home.id ? 0 : 1, $1.id!) }.map
        { h -> Entry in
            let m = h.memberPersonID.flatMap { members[$0] }
            let agreed = m?.shownToNeighbours == true
            return Entry(
                gridName: gridName[h.gridID] ?? "", building: buildings[h.buildingID]?.name ?? "",
                room: agreed ? h.room : nil, name: agreed ? m?.name : nil, agreed: agreed)
        }
        let staff = try await PlacesAPI.detail(home, req).staff
        return Nearby(
            grid: .init(id: home.id!, name: home.name, code: home.code), memberHouseholds: entries, staff: staff)
    }

    @Sendable static func show(_ req: Request) async throws -> Nearby { try await compute(req) }
}

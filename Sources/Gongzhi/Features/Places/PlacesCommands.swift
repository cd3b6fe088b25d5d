import Fluent
import Vapor

/// Changes to grids and what is in them: who serves a grid, which departments are assigned, buildings,
/// households, member households and their neighbours. Each is audited in its transaction.
enum PlacesCommands {
    struct GridUpdate: StrictInput {
        static let fields: Set<String> = ["name", "branchNodeID"]
        let name: String?
        let branchNodeID: Int?
    }
    struct DutyInput: StrictInput {
        static let fields: Set<String> = ["personID", "duty", "groupNodeID"]
        let personID: Int
        let duty: GridDuty.Duty
        let groupNodeID: Int?
    }
    struct DepartmentInput: StrictInput {
        static let fields: Set<String> = ["unitID", "role"]
        let unitID: Int
        let role: GridDepartment.Role
    }
    struct BuildingInput: StrictInput {
        static let fields: Set<String> = ["gridID", "name", "address", "lat", "lng", "groupNodeID"]
        let gridID: Int
        let name: String
        let address: String
        let lat: Double
        let lng: Double
        let groupNodeID: Int?
    }
    struct HouseholdInput: StrictInput {
        static let fields: Set<String> = ["buildingID", "room", "population"]
        let buildingID: Int
        let room: String
        let population: Int
    }
    struct MemberInput: StrictInput {
        static let fields: Set<String> = ["personID"]
        let personID: Int
    }
    struct LinkInput: StrictInput {
        static let fields: Set<String> = ["householdID"]
        let householdID: Int
    }
    struct ResidentInput: StrictInput {
        static let fields: Set<String> = ["personID"]
        let personID: Int
    }

    static func register(_ api: RoutesBuilder) {
        api.patch(PlacesRoute.apiGrid(.key), use: updateGrid)
        api.post(PlacesRoute.apiGridDuties(.key), use: addDuty)
        api.delete(PlacesRoute.apiGridDuty(.key, duty: .key), use: removeDuty)
        api.post(PlacesRoute.apiGridDepartments(.key), use: addDepartment)
        api.post(PlacesRoute.apiBuildings, use: createBuilding)
        api.post(PlacesRoute.apiHouseholds, use: createHousehold)
        api.post(PlacesRoute.apiHouseholdResidents(.key), use: addResident)
        api.post(PlacesRoute.apiHouseholdMember(.key), use: makeMemberHousehold)
        api.post(PlacesRoute.apiHouseholdLinks(.key), use: addLink)
    }

    /// A grid the viewer may change: in scope and the tree-editing permission.
    static func gridForChange(_ id: Int, _ caller: Caller) async throws -> Grid {
        try await caller.require(.editTree)
        return try await caller.scoped(Grid.self, id, for: .change)
    }

    static func audit(
        _ caller: Caller, _ db: Database, _ action: AuditAction, _ entity: AuditKind, _ id: Int, _ label: String,
        _ path: String, after: [String: String]
    ) async throws {
        try await Audit.record(
            on: db, by: caller.viewer, at: caller.now, action, entity: entity, id: id, label: label, scopePath: path,
            before: nil as String?, after: after)
    }

    @Sendable static func updateGrid(_ req: Request) async throws -> PlacesAPI.GridOut {
        let grid = try await updateGrid(
            req.caller, id: try req.intParameter("id"), try req.decodeStrict(GridUpdate.self))
        return try await PlacesAPI.out([grid], req.caller)[0]
    }

    static func updateGrid(_ caller: Caller, id: Int, _ input: GridUpdate) async throws -> Grid {
        let grid = try await gridForChange(id, caller)
        let before = grid.snapshot
        if let n = input.name { grid.name = try TreeRules.validName(n) }
        if let b = input.branchNodeID {
            let branch = try await OrgQueries.findForChange(b, caller, field: "branchNodeId")
            guard branch.kind == .gridBranch, branch.parentID == grid.communityNodeID else {
                throw AppError.invalid(.errorGridBranch, field: "branchNodeId")
            }
            grid.branchNodeID = branch.id
            grid.path = branch.path
        }
        try await caller.db.writing { db in
            try await grid.save(on: db)
            if grid.path != before.path {
                try await TreePaths.moveGrid(grid.id!, toPath: grid.path, community: grid.communityNodeID, on: db)
            }
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .update, entity: .grid, id: grid.id!, label: grid.name,
                scopePath: grid.path,
                before: before, after: grid.snapshot)
        }
        return grid
    }

    static func addDuty(_ caller: Caller, gridID: Int, personID: Int, duty kind: GridDuty.Duty, groupNodeID: Int?)
        async throws -> Grid
    {
        let grid = try await gridForChange(gridID, caller)
        let person = try await PeopleQueries.visibleBrief(personID, caller)
        var groupID: Int?
        if kind == .buildingGroupLeader {
            guard let gid = groupNodeID, let group = try await OrgNode.find(gid, on: caller.db),
                group.kind == .buildingGroup,
                group.parentID == grid.branchNodeID
            else { throw AppError.invalid(.errorGridGroup, field: "groupNodeId") }
            if !person.isPartyMember { throw AppError.invalid(.errorGridLeaderMember, field: "personId") }
            groupID = group.id
        }
        if try await GridDuty.query(on: caller.db).filter(\.$gridID == grid.id!).filter(\.$personID == person.id)
            .filter(
                \.$duty == kind
            ).count() > 0
        {
            throw AppError.conflict(.errorDuplicate)
        }
        let duty = GridDuty(gridID: grid.id!, personID: person.id, duty: kind, groupNodeID: groupID)
        try await caller.db.writing { db in
            try await duty.create(on: db)
            try await audit(
                caller, db, .create, .gridDuty, duty.id!, "\(grid.name) \(person.name)", grid.path,
                after: ["duty": kind.rawValue, "person": person.name])
        }
        return grid
    }

    static func removeDuty(_ caller: Caller, gridID: Int, dutyID: Int) async throws -> Grid {
        let grid = try await gridForChange(gridID, caller)
        guard
            let duty = try await GridDuty.query(on: caller.db).filter(\.$id == dutyID).filter(\.$gridID == grid.id!)
                .first()
        else { throw AppError.notFound() }
        try await caller.db.writing { db in
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .archive, entity: .gridDuty, id: dutyID, label: grid.name,
                scopePath: grid.path,
                before: ["duty": duty.duty.rawValue, "personID": String(duty.personID)], after: nil as String?)
            try await duty.delete(on: db)
        }
        return grid
    }

    static func addDepartment(_ caller: Caller, gridID: Int, unitID: Int, role: GridDepartment.Role) async throws
        -> Grid
    {
        let grid = try await gridForChange(gridID, caller)
        let unit = try await UnitsService.find(unitID, caller)
        if try await GridDepartment.query(on: caller.db).filter(\.$gridID == grid.id!).filter(\.$unitID == unit.id!)
            .count() > 0
        {
            throw AppError.conflict(.errorDuplicate)
        }
        let d = GridDepartment(gridID: grid.id!, unitID: unit.id!, role: role)
        try await caller.db.writing { db in
            try await d.create(on: db)
            try await audit(
                caller, db, .create, .gridDepartment, d.id!, "\(grid.name) \(unit.name)", grid.path,
                after: ["role": role.rawValue, "unit": unit.name])
        }
        return grid
    }

    @Sendable static func addDuty(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(DutyInput.self)
        let grid = try await addDuty(
            req.caller, gridID: id, personID: input.personID, duty: input.duty, groupNodeID: input.groupNodeID)
        return try await PlacesAPI.detail(grid, req.caller).encodeResponse(status: .created, for: req)
    }

    @Sendable static func removeDuty(_ req: Request) async throws -> PlacesAPI.GridDetail {
        try await PlacesAPI.detail(
            try await removeDuty(req.caller, gridID: try req.intParameter("id"), dutyID: try req.intParameter("duty")),
            req.caller)
    }

    @Sendable static func addDepartment(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(DepartmentInput.self)
        let grid = try await addDepartment(req.caller, gridID: id, unitID: input.unitID, role: input.role)
        return try await PlacesAPI.detail(grid, req.caller).encodeResponse(status: .created, for: req)
    }

    @Sendable static func createBuilding(_ req: Request) async throws -> Response {
        let b = try await createBuilding(req.caller, try req.decodeStrict(BuildingInput.self))
        return try await PlacesAPI.BuildingOut(
            id: b.id!, name: b.name, address: b.address, households: 0, groupNodeID: b.groupNodeID
        ).encodeResponse(status: .created, for: req)
    }

    static func createBuilding(_ caller: Caller, _ input: BuildingInput) async throws -> Building {
        try await caller.require(.editTree)
        let grid = try await caller.scoped(Grid.self, input.gridID, for: .change, field: "gridId")
        let p = Coordinate(lat: input.lat, lng: input.lng)
        guard p.isValid else { throw AppError.invalid(.errorGeoRange, field: "lat") }
        guard Containment.contains(grid.shape, p) else {
            throw AppError.invalid(.errorBuildingOutside, field: "lat")
        }
        let b = Building()
        b.gridID = grid.id!
        b.name = try TreeRules.validName(input.name)
        b.address = try FormText.text(input.address, field: "address", max: 200, required: false)
        b.lat = p.lat
        b.lng = p.lng
        b.path = grid.path
        if let g = input.groupNodeID {
            guard let group = try await OrgNode.find(g, on: caller.db), group.kind == .buildingGroup,
                group.parentID == grid.branchNodeID
            else {
                throw AppError.invalid(.errorGridGroup, field: "groupNodeId")
            }
            b.groupNodeID = group.id
        }
        try await caller.db.writing { db in
            try await b.create(on: db)
            try await audit(
                caller, db, .create, .building, b.id!, b.name, b.path, after: ["name": b.name, "address": b.address])
        }
        return b
    }

    @Sendable static func createHousehold(_ req: Request) async throws -> Response {
        let h = try await createHousehold(req.caller, try req.decodeStrict(HouseholdInput.self))
        return try await HouseholdsAPI.out([h], req.caller)[0].encodeResponse(status: .created, for: req)
    }

    static func createHousehold(_ caller: Caller, _ input: HouseholdInput) async throws -> Household {
        try await caller.require(.editTree)
        let b = try await caller.scoped(Building.self, input.buildingID, for: .change, field: "buildingId")
        let grid = try await gridForChange(b.gridID, caller)
        guard (1...30).contains(input.population) else {
            throw AppError.invalid(.errorHouseholdPopulation, field: "population")
        }
        let room = input.room.trimmingWhitespace()
        guard !room.isEmpty, room.count <= 40 else { throw AppError.invalid(.errorHouseholdRoom, field: "room") }
        let h = Household()
        h.buildingID = b.id!
        h.gridID = grid.id!
        h.room = room
        h.population = input.population
        h.isMemberHousehold = false
        h.path = grid.path
        try await caller.db.writing { db in
            try await h.create(on: db)
            try await audit(
                caller, db, .create, .household, h.id!, "\(b.name) \(room)", h.path,
                after: ["room": room, "population": String(input.population)])
        }
        return h
    }

    static func householdForChange(_ id: Int, _ caller: Caller) async throws -> (Household, Grid) {
        guard let h = try await Household.find(id, on: caller.db) else { throw AppError.notFound() }
        return (h, try await gridForChange(h.gridID, caller))
    }

    /// Who lives here: sets the person's household (a person lives in one household).
    @Sendable static func addResident(_ req: Request) async throws -> HouseholdsAPI.HouseholdDetail {
        let h = try await addResident(req.caller, householdID: try req.intParameter("id"), req.decodeStrict())
        return try await HouseholdsAPI.detail(h, req.caller)
    }

    static func addResident(_ caller: Caller, householdID: Int, _ input: ResidentInput) async throws -> Household {
        let (h, grid) = try await householdForChange(householdID, caller)
        try await PeopleQueries.moveIntoHousehold(
            input.personID, householdID: h.id!, note: "\(grid.name) #\(h.id!) \(h.room)", caller)
        return h
    }

    @Sendable static func makeMemberHousehold(_ req: Request) async throws -> HouseholdsAPI.HouseholdDetail {
        let h = try await makeMemberHousehold(req.caller, householdID: try req.intParameter("id"), req.decodeStrict())
        return try await HouseholdsAPI.detail(h, req.caller)
    }

    static func makeMemberHousehold(_ caller: Caller, householdID: Int, _ input: MemberInput) async throws
        -> Household
    {
        let (h, grid) = try await householdForChange(householdID, caller)
        let person = try await PeopleQueries.visibleBrief(input.personID, caller)
        guard person.isPartyMember, person.householdID == h.id else {
            throw AppError.invalid(.errorHouseholdMemberLivesHere, field: "personId")
        }
        h.isMemberHousehold = true
        h.memberPersonID = person.id
        try await caller.db.writing { db in
            try await h.save(on: db)
            try await audit(
                caller, db, .update, .household, h.id!, "\(grid.name) \(h.room)", h.path,
                after: ["memberHousehold": person.name])
        }
        return h
    }

    @Sendable static func addLink(_ req: Request) async throws -> HouseholdsAPI.HouseholdDetail {
        let h = try await addLink(req.caller, householdID: try req.intParameter("id"), req.decodeStrict())
        return try await HouseholdsAPI.detail(h, req.caller)
    }

    static func addLink(_ caller: Caller, householdID: Int, _ input: LinkInput) async throws -> Household {
        let (h, grid) = try await householdForChange(householdID, caller)
        guard h.isMemberHousehold else { throw AppError.invalid(.errorHouseholdNotMember) }
        guard let other = try await Household.find(input.householdID, on: caller.db), other.id != h.id else {
            throw AppError.invalid(.errorHouseholdLink, field: "householdId")
        }
        _ = try await gridForChange(other.gridID, caller)
        if try await HouseholdLink.query(on: caller.db).filter(\.$memberHouseholdID == h.id!).filter(
            \.$householdID == other.id!
        ).count() > 0 {
            throw AppError.conflict(.errorDuplicate)
        }
        try await caller.db.writing { db in
            let link = HouseholdLink(member: h.id!, household: other.id!)
            try await link.create(on: db)
            try await audit(
                caller, db, .create, .householdLink, link.id!, "\(grid.name) \(h.room) → \(other.room)", h.path,
                after: ["from": String(h.id!), "to": String(other.id!)])
        }
        return h
    }
}

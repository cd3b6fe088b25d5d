import Fluent
import Vapor

/// One grid as plain data, read once for the API's `GridDetail` and the pages' models: who serves it, which
/// departments are assigned, its contact points and buildings. No labels: each reader words them.
struct GridFacts: Sendable {
    struct Staff: Sendable {
        let dutyID: Int
        let personID: Int
        let name: String
        let duty: GridDuty.Duty
        let groupNodeID: Int?
    }
    struct Department: Sendable {
        let unitID: Int
        let name: String
        let role: GridDepartment.Role
    }
    struct BuildingRow: Sendable {
        let id: Int
        let name: String
        let address: String
        let households: Int
        let groupNodeID: Int?
    }

    let id: Int
    let code: String
    let name: String
    let path: String
    let shape: MultiPolygon
    let boundary: String
    let communityNodeID: Int
    let communityName: String?
    let branchNodeID: Int?
    let figures: GridFigures
    let staff: [Staff]
    let departments: [Department]
    let contacts: [PlacesAPI.ContactRef]
    let buildings: [BuildingRow]
}

extension PlacesQueries {
    static func facts(_ grid: Grid, on db: any Database) async throws -> GridFacts {
        let gid = grid.id!
        let duties = try await GridDuty.query(on: db).filter(\.$gridID == gid).all()
        let people = try await PeopleQueries.briefs(duties.map(\.personID), on: db)
        let order = GridDuty.Duty.allCases
        let staff = duties.sorted {
            (order.firstIndex(of: $0.duty)!, $0.id!) < (order.firstIndex(of: $1.duty)!, $1.id!)
        }.compactMap { d -> GridFacts.Staff? in
            guard let p = people[d.personID] else { return nil }
            return .init(dutyID: d.id!, personID: d.personID, name: p.name, duty: d.duty, groupNodeID: d.groupNodeID)
        }
        let depts = try await GridDepartment.query(on: db).filter(\.$gridID == gid).all()
        let units = try await UnitsQueries.names(depts.map(\.unitID), on: db)
        let departments = depts.compactMap { d in
            units[d.unitID].map { GridFacts.Department(unitID: d.unitID, name: $0, role: d.role) }
        }
        let assignments = try await ContactAssignment.query(on: db).filter(\.$active == true)
            .group(.or) { $0.filter(\.$gridID == gid).filter(\.$communityNodeID == grid.communityNodeID) }.all()
        let contacts = try await ContactsAPI.refs(assignments, on: db)
        let buildings = try await Building.query(on: db).filter(\.$gridID == gid).sort(\.$id).all()
        let households = try await Household.query(on: db).filter(\.$gridID == gid).field(\.$id).field(\.$buildingID)
            .all()
        let counts = Dictionary(grouping: households, by: \.buildingID).mapValues(\.count)
        let figures = try await PlacesQueries.figures(for: [gid], on: db)[gid] ?? GridFigures()
        let community = try await OrgNode.find(grid.communityNodeID, on: db)
        return GridFacts(
            id: gid, code: grid.code, name: grid.name, path: grid.path, shape: grid.shape, boundary: grid.boundary,
            communityNodeID: grid.communityNodeID, communityName: community?.name, branchNodeID: grid.branchNodeID,
            figures: figures, staff: staff, departments: departments, contacts: contacts,
            buildings: buildings.map {
                .init(
                    id: $0.id!, name: $0.name, address: $0.address, households: counts[$0.id!] ?? 0,
                    groupNodeID: $0.groupNodeID)
            })
    }
}

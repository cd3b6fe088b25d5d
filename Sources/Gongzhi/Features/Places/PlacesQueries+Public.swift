import Fluent
import Vapor

/// What a community's public page reads from Places: its grid workers and their work numbers (网格员公示).
extension PlacesQueries {
    struct PublicGridWorker: Sendable {
        let gridName: String
        let name: String
        /// The number on the grid worker's account (the one the district gave them for work), never the person
        /// record's own mobile number.
        let workPhone: String?
    }

    static func publicGridWorkers(inCommunity nodeID: Int, on db: any Database) async throws -> [PublicGridWorker] {
        let grids = try await Grid.query(on: db).filter(\.$communityNodeID == nodeID).filter(\.$archived == false)
            .sort(\.$code).all()
        guard !grids.isEmpty else { return [] }
        let duties = try await GridDuty.query(on: db).filter(\.$gridID ~~ grids.compactMap(\.id))
            .filter(\.$duty == .gridWorker).sort(\.$id).all()
        let people = try await PeopleQueries.briefs(duties.map(\.personID), on: db)
        let accounts = try await User.query(on: db).filter(\.$personID ~~ duties.map { Optional($0.personID) })
            .filter(\.$role == .gridWorker).filter(\.$active == true).all()
        let phones = Dictionary(accounts.compactMap { u in u.personID.map { ($0, u.phone) } }) { a, _ in a }
        let names = Dictionary(uniqueKeysWithValues: grids.map { ($0.id!, $0.name) })
        return duties.compactMap { d in
            guard let p = people[d.personID] else { return nil }
            return PublicGridWorker(
                gridName: names[d.gridID] ?? "", name: p.name, workPhone: phones[d.personID] ?? nil)
        }
    }
}

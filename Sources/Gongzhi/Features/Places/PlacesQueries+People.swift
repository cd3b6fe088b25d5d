import Fluent
import Vapor

/// What People reads from Places: where a leader is a contact.
extension PlacesQueries {
    struct LeaderContact: Sendable {
        let title: String
        /// The community's or the grid's name.
        let target: String
        let since: String
    }

    /// The active contact assignments of a leader, with the names of the communities and grids.
    static func contacts(ofLeader personID: Int, on db: any Database) async throws -> [LeaderContact] {
        let cs = try await ContactAssignment.query(on: db).filter(\.$leaderPersonID == personID)
            .filter(\.$active == true).all()
        var out: [LeaderContact] = []
        for c in cs {
            var target: String?
            if let n = c.communityNodeID { target = try await OrgNode.find(n, on: db)?.name }
            if let g = c.gridID { target = try await Grid.find(g, on: db)?.name }
            out.append(LeaderContact(title: c.leaderTitle, target: target ?? "", since: c.since))
        }
        return out
    }
}

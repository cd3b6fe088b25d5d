import Fluent
import Vapor

/// What the organisation tree reads from Places: a community's contact leaders.
extension PlacesQueries {
    /// The active contact assignments of a community committee.
    static func contacts(ofCommunity id: Int, on db: any Database) async throws -> [PlacesAPI.ContactRef] {
        try await ContactsAPI.refs(
            try await ContactAssignment.query(on: db).filter(\.$communityNodeID == id).filter(\.$active == true)
                .all(), on: db)
    }
}

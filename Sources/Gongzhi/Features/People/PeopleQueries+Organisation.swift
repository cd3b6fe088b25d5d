import Fluent
import Vapor

/// What the organisation tree reads from People: the people registered at a node.
extension PeopleQueries {
    struct Member: Sendable {
        let id: Int
        let name: String
        let facets: [PersonFacet]
    }

    /// The people registered at a node and not archived, by name.
    static func members(ofNode id: Int, limit: Int, on db: any Database) async throws -> [Member] {
        try await Person.query(on: db).filter(\.$orgNodeID == id).filter(\.$archived == false).sort(\.$name)
            .limit(limit).all().map { Member(id: $0.id!, name: $0.name, facets: $0.facets) }
    }

    /// How many people are registered at a node and not archived.
    static func memberCount(ofNode id: Int, on db: any Database) async throws -> Int {
        try await Person.query(on: db).filter(\.$orgNodeID == id).filter(\.$archived == false).count()
    }
}

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

extension PeopleQueries {
    /// Of these people, the ones whose page the viewer may open (one's own, or in scope with the permission to view
    /// people), so pages link only those and show the others as plain names.
    static func openable(_ ids: [Int], for v: Viewer, on db: any Database) async throws -> Set<Int> {
        let wanted = Array(Set(ids))
        guard !wanted.isEmpty else { return [] }
        var open = Set(wanted.filter { $0 == v.scope.ownPersonID })
        guard v.can(.viewPeople) else { return open }
        for chunk in wanted.chunked(500) {
            open.formUnion(try await PeopleService.scoped(v, on: db).filter(\.$id ~~ chunk).all().compactMap(\.id))
        }
        return open
    }
}

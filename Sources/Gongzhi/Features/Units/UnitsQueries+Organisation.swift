import Fluent
import Vapor

/// What the organisation tree reads from Units: the units located at a node.
extension UnitsQueries {
    /// The units located at a node and not archived, by name.
    static func located(atNode id: Int, on db: any Database) async throws -> [Brief] {
        try await ResidentUnit.query(on: db).filter(\.$locationNodeID == id).filter(\.$archived == false)
            .sort(\.$name).all().map(brief)
    }

    static func locatedCount(atNode id: Int, on db: any Database) async throws -> Int {
        try await ResidentUnit.query(on: db).filter(\.$locationNodeID == id).filter(\.$archived == false).count()
    }
}

extension UnitsQueries {
    /// Of these units, the ones whose page the viewer may open (in scope, with the permission to view people and
    /// units), so grid, map and organisation pages link only those.
    static func openable(_ ids: [Int], for v: Viewer, on db: any Database) async throws -> Set<Int> {
        let wanted = Array(Set(ids))
        guard !wanted.isEmpty, v.can(.viewPeople) else { return [] }
        var open = Set<Int>()
        for chunk in wanted.chunked(500) {
            for u in try await ResidentUnit.query(on: db).filter(\.$id ~~ chunk).all()
            where u.readPaths.contains(where: { v.scope.includes(TreePath($0)) }) {
                open.insert(u.id!)
            }
        }
        return open
    }
}

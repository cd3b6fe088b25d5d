import Fluent
import Vapor

/// What Meetings reads from JointBodies beyond the published contract: the bodies led by some organisations, for
/// Meetings' demo step (which has no caller to ask with).
extension JointBodiesQueries {
    static func bodies(atNodes ids: [Int], db: any Database) async throws -> [Body] {
        guard !ids.isEmpty else { return [] }
        return try await JointBody.query(on: db).filter(\.$nodeID ~~ ids).filter(\.$dissolvedOn == nil).sort(\.$id)
            .all().map { Body(id: $0.id!, name: $0.name, kind: $0.kind, nodeID: $0.nodeID, path: $0.path) }
    }
}

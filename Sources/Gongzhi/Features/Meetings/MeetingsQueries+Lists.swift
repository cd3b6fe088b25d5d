import Fluent
import Vapor

/// What the four lists read from Meetings: the meeting a need or problem was raised at.
extension MeetingsQueries {
    struct ListOrigin: Sendable {
        let id: Int
        let title: String
        let day: String
        let nodeID: Int
        let path: String
    }

    /// A meeting id from a client, in the caller's scope: missing or outside answer the field's 422 (logged).
    static func listOrigin(_ id: Int, field: String, _ caller: Caller) async throws -> ListOrigin {
        let v = try caller.requireViewer()
        guard let m = try await Meeting.find(id, on: caller.db), MeetingAccess(viewer: v, unitIDs: []).inScope(m)
        else {
            await AccessLog.write(caller, .outOfScopeRead, detail: "meeting \(id) in \(field)")
            throw AppError.invalid(.errorRefUnknown, field: field)
        }
        return ListOrigin(id: m.id!, title: m.title, day: m.day, nodeID: m.nodeID, path: m.path)
    }

    static func titles(_ ids: [Int], db: any Database) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        let ms = try await Meeting.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: ms.map { ($0.id!, "\($0.day) \($0.title)") })
    }
}

import Fluent
import Vapor

/// What the four lists read from Visits: the visit a need or problem was found on.
enum VisitsQueries {
    struct ListOrigin: Sendable {
        let id: Int
        let gridID: Int
        let path: String
        let note: String
        let at: Date
    }

    /// A visit id from a client, in the caller's scope: missing or outside answer the field's 422 (logged).
    static func listOrigin(_ id: Int, field: String, _ caller: Caller) async throws -> ListOrigin {
        let v = try await caller.scoped(Visit.self, id, field: field)
        return ListOrigin(id: v.id!, gridID: v.gridID, path: v.path, note: v.note, at: v.at)
    }
}

extension Visit: ScopedRecord {}

import Fluent
import Vapor

/// What the four lists read from Requests: a request a need or problem is made from, as the caller may see it.
extension RequestsQueries {
    struct ListOrigin: Sendable {
        let id: Int
        let number: String
        let kind: RequestKind
        let text: String
        let communityNodeID: Int
        let gridID: Int
        let path: String
        let lat: Double?
        let lng: Double?
        let reporterUserID: Int?
    }

    /// A request id from a client, as the caller sees requests: missing or outside answer the field's 422.
    static func listOrigin(_ id: Int, field: String, _ caller: Caller) async throws -> ListOrigin {
        let v = try caller.requireViewer()
        guard let r = try await RequestAccess.scoped(v, on: caller.db).filter(\.$id == id).first() else {
            if let other = try await ServiceRequest.find(id, on: caller.db) {
                await AccessLog.write(
                    caller, .outOfScopeRead, detail: "request \(id) in \(field)", scopePath: other.path)
            }
            throw AppError.invalid(.errorRefUnknown, field: field)
        }
        return ListOrigin(
            id: r.id!, number: r.number, kind: r.kind, text: r.text, communityNodeID: r.communityNodeID,
            gridID: r.gridID, path: r.path, lat: r.lat, lng: r.lng, reporterUserID: r.reporterUserID)
    }
}

import Fluent
import Vapor

/// What Meetings reads from Requests: the community's requests forwarded to its joint meeting and not yet decided
/// (the agenda a meeting draws from).
extension RequestsQueries {
    struct AwaitingDecision: Sendable {
        let id: Int
        let number: String
        let category: String
        let text: String
        let raisedAt: Date
    }

    static func awaitingDecision(communityNodeID: Int, on db: any Database) async throws -> [AwaitingDecision] {
        try await ServiceRequest.query(on: db).filter(\.$communityNodeID == communityNodeID)
            .filter(\.$state == .meetingDecision).sort(\.$raisedAt).limit(200).all()
            .map {
                AwaitingDecision(
                    id: $0.id!, number: $0.number, category: $0.category, text: $0.text, raisedAt: $0.raisedAt)
            }
    }

    /// Requests by id, as an agenda names them (number and whether still awaiting a decision).
    static func agendaFacts(_ ids: [Int], on db: any Database) async throws -> [Int: (number: String, open: Bool)] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int: (number: String, open: Bool)] = [:]
        for r in try await ServiceRequest.query(on: db).filter(\.$id ~~ Array(Set(ids))).all() {
            out[r.id!] = (r.number, r.state == .meetingDecision)
        }
        return out
    }
}

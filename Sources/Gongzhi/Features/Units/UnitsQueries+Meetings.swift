import Fluent
import Vapor

/// What Meetings reads from Units: a unit named as a decision's owner or a meeting's host.
extension UnitsQueries {
    /// A unit in the caller's scope that is not archived, named in a body or form field; unknown, archived and out
    /// of scope alike answer a 422 naming the field (the out-of-scope ones are logged).
    static func scopedActive(_ id: Int, field: String, _ caller: Caller) async throws -> Brief {
        let u = try await caller.scoped(ResidentUnit.self, id, for: .read, field: field)
        guard !u.archived else { throw AppError.invalid(.errorRefUnknown, field: field) }
        return brief(u)
    }

    /// A unit that is not archived, whoever asks (a member unit of a body the caller manages may lie elsewhere).
    static func active(_ id: Int, on db: any Database) async throws -> Brief? {
        guard let u = try await ResidentUnit.find(id, on: db), !u.archived else { return nil }
        return brief(u)
    }

    /// The party organisation nodes of units, by unit (for the liaisons who answer for them).
    static func partyOrgNodes(ofUnits ids: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int: Int] = [:]
        for u in try await ResidentUnit.query(on: db).filter(\.$id ~~ Array(Set(ids))).all() {
            if let node = u.partyOrgNodeID { out[u.id!] = node }
        }
        return out
    }
}

import Fluent
import Vapor

/// What Points reads from People: the person whose points they are, found by id within the caller's scope or by a
/// search of the people in scope, masked.
extension PeopleQueries {
    struct PointsPerson: Sendable {
        let id: Int
        let name: String
        /// Where the person is kept (their record's path): the ledger's scope.
        let path: String
        /// Where they live (their home community for an in-service member), for the shops they see.
        let livesAt: String
        /// Masked (138****5678).
        let maskedPhone: String?
        let isPartyMember: Bool
        let archived: Bool
    }

    private static func points(_ p: Person) -> PointsPerson {
        PointsPerson(
            id: p.id!, name: p.name, path: p.path, livesAt: p.homePath ?? p.path,
            maskedPhone: p.phone.map(Masking.phone),
            isPartyMember: p.isPartyMember, archived: p.archived)
    }

    static func pointsPerson(_ id: Int, on db: any Database) async throws -> PointsPerson? {
        try await Person.find(id, on: db).map(points)
    }

    static func pointsPeople(_ ids: [Int], on db: any Database) async throws -> [Int: PointsPerson] {
        var out: [Int: PointsPerson] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            for p in try await Person.query(on: db).filter(\.$id ~~ chunk).all() { out[p.id!] = points(p) }
        }
        return out
    }

    /// A person named by a client, in the caller's scope (read: where kept or their home community; change: where
    /// kept). In the path (`field` nil): a 404, or a logged 404 or 403 outside; in a body: a 422 naming the field.
    static func scopedPointsPerson(_ id: Int, for use: ScopeUse, field: String?, _ caller: Caller) async throws
        -> PointsPerson
    {
        let p = try await caller.scoped(Person.self, id, for: use, field: field)
        return points(p)
    }

    /// People in the scope (not archived) whose name contains the text, or whose phone ends with it (the last four
    /// digits the mask shows), by name, at most `limit`.
    static func searchPointsPeople(_ scope: DataScope, text: String, limit: Int, on db: any Database) async throws
        -> [PointsPerson]
    {
        let q = Person.query(on: db).inScope(scope, \.$path).filter(\.$archived == false)
        let t = text.trimmingWhitespace()
        if !t.isEmpty {
            if t.count == 4, t.allSatisfy(\.isNumber) {
                q.filter(\.$phone, .custom("LIKE"), "%" + t)
            } else {
                q.filter(\.$name, .custom("LIKE"), "%" + t.replacingOccurrences(of: "%", with: "") + "%")
            }
        }
        return try await q.sort(\.$name).sort(\.$id).limit(limit).all().map(points)
    }

    /// People whose records lie in the scope, by id, for the demo and the figures (not archived).
    static func pointsPeople(in scope: DataScope, limit: Int, on db: any Database) async throws -> [PointsPerson] {
        try await Person.query(on: db).inScope(scope, \.$path).filter(\.$archived == false).sort(\.$id).limit(limit)
            .all().map(points)
    }
}

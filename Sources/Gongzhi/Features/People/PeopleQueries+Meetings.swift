import Fluent
import Vapor

/// What Meetings reads from People: a person invited or made a decision's owner.
extension PeopleQueries {
    /// A person the caller may see (their scope, or an in-service member reporting to it) who is not archived,
    /// named in a body or form field; unknown, archived and out of scope alike answer a 422 naming the field.
    static func scopedActive(_ id: Int, field: String, _ caller: Caller) async throws -> Brief {
        let p = try await caller.scoped(Person.self, id, for: .read, field: field)
        guard !p.archived else { throw AppError.invalid(.errorRefUnknown, field: field) }
        return brief(p)
    }

    /// Names of people, archived or not.
    static func names(_ ids: [Int], on db: any Database) async throws -> [Int: String] {
        try await briefs(ids, on: db).mapValues(\.name)
    }

    /// People in a scope who are not archived, by name, for a picker (at most `limit`).
    static func pickable(_ scope: DataScope, limit: Int, on db: any Database) async throws -> [Brief] {
        try await Person.query(on: db).inScope(scope, \.$path).filter(\.$archived == false).sort(\.$name)
            .limit(limit).all().map(brief)
    }
}

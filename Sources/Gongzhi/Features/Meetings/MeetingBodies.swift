import Fluent
import Vapor

/// What Meetings reads from JointBodies, in one place: a body the caller may name, its roster and its member units
/// as of a day (JointBodies' published queries). A meeting without a body has no roster: quorum does not apply,
/// and no host rotates.
enum MeetingBodies {
    typealias Body = JointBodiesQueries.Body
    typealias Seat = JointBodiesQueries.Seat
    typealias MemberUnit = JointBodiesQueries.MemberUnit

    /// A body named in a body or form field: the caller sees it, or a 422 naming the field (unknown and out of
    /// scope alike; the out-of-scope one is logged by JointBodies).
    static func visible(_ id: Int, field: String, _ caller: Caller) async throws -> Body {
        do {
            return try await JointBodiesQueries.visibleBody(id, caller)
        } catch let e as AppError where e.status == .notFound || e.status == .forbidden {
            throw AppError.invalid(.errorRefUnknown, field: field)
        }
    }

    /// A body the caller may see, for a page's or a feed's path: a (logged) 404 otherwise.
    static func visible(_ id: Int, _ caller: Caller) async throws -> Body {
        try await JointBodiesQueries.visibleBody(id, caller)
    }

    static func visibleBodies(_ caller: Caller) async throws -> [Body] {
        guard caller.viewer?.can(.viewTree) == true else { return [] }
        return try await JointBodiesQueries.visibleBodies(caller)
    }

    static func roster(_ bodyID: Int, on day: LocalDate, db: any Database) async throws -> [Seat] {
        try await JointBodiesQueries.roster(bodyID: bodyID, on: day, db: db)
    }

    static func memberUnits(_ bodyID: Int, on day: LocalDate, db: any Database) async throws -> [MemberUnit] {
        try await JointBodiesQueries.memberUnits(bodyID: bodyID, on: day, db: db)
    }
}

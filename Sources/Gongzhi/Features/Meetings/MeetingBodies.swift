import Fluent
import Vapor

/// What Meetings reads from JointBodies, in one place: a body the caller may name, its roster and its member units
/// as of a day. Until JointBodies publishes its queries, no body is known: meetings without a body have no roster
/// (quorum does not apply) and no rotation.
enum MeetingBodies {
    struct Body: Sendable {
        let id: Int
        let name: String
        let nodeID: Int
        let path: String
    }

    struct Seat: Sendable {
        let personID: Int
        let name: String
        let unitID: Int?
    }

    struct MemberUnit: Sendable {
        let unitID: Int
        let name: String
        let since: LocalDate
    }

    /// A body named in a body or form field: the caller sees it, or a 422 naming the field (unknown and out of
    /// scope alike).
    static func visible(_ id: Int, field: String, _ caller: Caller) async throws -> Body {
        throw AppError.invalid(.errorRefUnknown, field: field)
    }

    /// A body the caller may see, for a page's or a feed's path: 404 otherwise.
    static func visible(_ id: Int, _ caller: Caller) async throws -> Body {
        throw AppError.notFound()
    }

    static func visibleBodies(_ caller: Caller) async throws -> [Body] { [] }

    static func roster(_ bodyID: Int, on day: LocalDate, db: any Database) async throws -> [Seat] { [] }

    static func memberUnits(_ bodyID: Int, on day: LocalDate, db: any Database) async throws -> [MemberUnit] { [] }

    static func names(_ ids: [Int], _ caller: Caller) async throws -> [Int: String] { [:] }
}

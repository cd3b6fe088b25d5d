import Fluent
import Vapor

/// What JointBodies reads from People: who may hold a seat, and their names.
extension PeopleQueries {
    /// A person the caller may see, named in a body's field: missing and out of reach alike answer the field's 422.
    static func seatHolder(_ id: Int, _ caller: Caller, field: String) async throws -> Brief {
        do {
            let p = try await PeopleService.find(id, caller)
            guard !p.archived else { throw AppError.invalid(.errorRefUnknown, field: field) }
            return brief(p)
        } catch let e as AppError where [.notFound, .forbidden].contains(e.status) {
            throw AppError.invalid(.errorRefUnknown, field: field)
        }
    }

    /// The people of the caller's scope who are party members, by name: the seat form's choices (at most `limit`).
    static func seatCandidates(_ caller: Caller, limit: Int) async throws -> [Brief] {
        let v = try caller.requireViewer()
        return try await PeopleService.scoped(v, on: caller.db).filter(\.$archived == false)
            .filter(\.$isPartyMember == true).sort(\.$name).limit(limit).all().map(brief)
    }
}

extension PeopleQueries {
    /// Party members kept under a path, by id (the demo's seat holders).
    static func partyMembers(under path: String, limit: Int, on db: any Database) async throws -> [Brief] {
        try await Person.query(on: db).filter(\.$path =~ path).filter(\.$isPartyMember == true)
            .filter(\.$archived == false).sort(\.$id).limit(limit).all().map(brief)
    }
}

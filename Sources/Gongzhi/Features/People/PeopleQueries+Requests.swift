import Fluent
import GongzhiCore
import Vapor

/// What Requests reads from People: how to reach a request's reporter, masked.
extension PeopleQueries {
    struct Contact: Sendable {
        let personID: Int
        let name: String
        /// Masked (138****5678): the digits in clear only through People's logged unmask.
        let maskedPhone: String?
    }

    /// The reporter's name and masked phone, for a viewer who may open the person's record; nil otherwise.
    static func contact(_ personID: Int, for v: Viewer, on db: any Database) async throws -> Contact? {
        guard v.can(.viewPeople), try await openable([personID], for: v, on: db).contains(personID),
            let p = try await Person.find(personID, on: db)
        else { return nil }
        return Contact(personID: personID, name: p.name, maskedPhone: p.phone.map(Masking.phone))
    }
}

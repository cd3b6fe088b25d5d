import Fluent
import Vapor

/// What Visits reads from People: who in a household reports the problem a visit found.
extension PeopleQueries {
    static func firstPersonID(inHousehold householdID: Int, on db: any Database) async throws -> Int? {
        try await Person.query(on: db).filter(\.$householdID == householdID).first()?.id
    }
}

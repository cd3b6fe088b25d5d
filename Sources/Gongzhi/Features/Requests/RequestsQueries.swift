import Fluent
import Vapor

/// Requests' published queries, for Notifications, Open311 and Visits: plain data, not the models.
enum RequestsQueries {
    /// For foreign keys in other capabilities' migrations.
    static let requestsTable = ServiceRequest.schema

    struct CategoryChoice: Sendable {
        let code: String
        let name: String
    }

    /// The categories a resident may choose, in their order, named in a language.
    static func activeCategories(_ lang: Lang, on db: any Database) async throws -> [CategoryChoice] {
        try await RequestCategory.query(on: db).filter(\.$active == true).sort(\.$id).all().map {
            CategoryChoice(code: $0.code, name: $0.name(lang))
        }
    }
}

/// What Notifications reads from Requests: the facts of a step's request and who else follows it.
extension RequestsQueries {
    struct StepFacts: Sendable {
        let id: Int
        let number: String
        let gridID: Int
        let communityNodeID: Int
        let level: Int
        let state: String
        let reporterUserID: Int?

        init(_ r: ServiceRequest) {
            id = r.id!
            number = r.number
            gridID = r.gridID
            communityNodeID = r.communityNodeID
            level = r.level
            state = r.state.rawValue
            reporterUserID = r.reporterUserID
        }
    }

    static func number(for id: Int) -> String { ServiceRequest.number(for: id) }

    /// The reporters of the duplicates merged into a request.
    static func mergedReporterIDs(into id: Int, on db: any Database) async throws -> [Int] {
        try await ServiceRequest.query(on: db).filter(\.$mergedIntoID == id).all().compactMap(\.reporterUserID)
    }

    /// The units a request waits on.
    static func pendingUnitIDs(of id: Int, on db: any Database) async throws -> [Int] {
        try await RequestAssignment.query(on: db).filter(\.$requestID == id).filter(\.$status == .pending).all()
            .map(\.unitID)
    }
}

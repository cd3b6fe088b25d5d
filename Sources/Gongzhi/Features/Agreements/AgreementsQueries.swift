import Fluent
import GongzhiCore
import Vapor

/// Agreements' published queries.
enum AgreementsQueries {
    /// Units party to a signed agreement the viewer sees under a path, with how many (the map's layer).
    static func signedParties(visibleTo v: Viewer, under path: String, db: any Database) async throws -> [Int: Int] {
        let ids = try await AgreementFacts.visibleQuery(v, on: db).filter(\.$path =~ path).filter(\.$state == .signed)
            .all().compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let parties = try await AgreementParty.query(on: db).filter(\.$agreementID ~~ ids).all()
        return Dictionary(grouping: parties, by: \.unitID).mapValues(\.count)
    }
}

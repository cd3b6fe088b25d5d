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

extension AgreementsQueries {
    struct UnitCommitment: Sendable {
        let agreementID: Int
        let agreementTitle: String
        let state: AgreementState
        let category: CommitmentCategory
        let text: String
        /// This year's fulfilment from the records (nil: not measured).
        let fulfilmentPercent: Int?
    }

    /// What the units committed to in their agreements, with this year's fulfilment, for the unit's own desk.
    static func unitCommitments(_ unitIDs: [Int], today: LocalDate, db: any Database) async throws
        -> [UnitCommitment]
    {
        guard !unitIDs.isEmpty else { return [] }
        let commitments = try await Commitment.query(on: db).filter(\.$unitID ~~ unitIDs).all()
        let ids = Array(Set(commitments.map(\.agreementID)))
        guard !ids.isEmpty else { return [] }
        let agreements = Dictionary(
            uniqueKeysWithValues: try await Agreement.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
        let projects = try await AgreementProject.query(on: db).filter(\.$agreementID ~~ ids).all()
        let year = today.year
        let actuals = try await AgreementFacts.actuals(
            commitments, projects: projects, year: year, today: today, db: db)
        let out: [UnitCommitment] = commitments.compactMap { c in
            guard let a = agreements[c.agreementID] else { return nil }
            let actual = actuals[c.id!] ?? nil
            return UnitCommitment(
                agreementID: a.id!, agreementTitle: a.title, state: a.state, category: c.category, text: c.text,
                fulfilmentPercent: AgreementRules.fulfilment(actual: actual, target: c.target))
        }
        return out.sorted { ($0.agreementID, $0.text) < ($1.agreementID, $1.text) }
    }
}

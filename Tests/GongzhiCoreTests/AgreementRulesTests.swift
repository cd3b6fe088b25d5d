import Testing

@testable import GongzhiCore

@Suite("F9 agreements: both sides give, fulfilment from the records")
struct AgreementRulesTests {
    @Test func bothSidesMustCommitBeforeSigning() {
        let org = CommitmentFacts(side: .organisation, unitID: nil)
        #expect(AgreementRules.signingProblem(parties: [], commitments: [org]) == .noParties)
        #expect(
            AgreementRules.signingProblem(parties: [1], commitments: [CommitmentFacts(side: .unit, unitID: 1)])
                == .organisationGivesNothing)
        #expect(
            AgreementRules.signingProblem(
                parties: [1, 2, 3], commitments: [org, CommitmentFacts(side: .unit, unitID: 2)])
                == .unitsGiveNothing([1, 3]))
        #expect(
            AgreementRules.signingProblem(
                parties: [1], commitments: [org, CommitmentFacts(side: .unit, unitID: 1)]) == nil)
        #expect(Pairing(parties: 1) == .oneToOne && Pairing(parties: 3) == .manyToOne)
    }

    @Test func fulfilmentAndTheSuggestedVerdict() {
        #expect(AgreementRules.fulfilment(actual: nil, target: 2) == nil)
        #expect(AgreementRules.fulfilment(actual: 1, target: 2) == 50)
        #expect(AgreementRules.fulfilment(actual: 5, target: 2) == 100)
        #expect(AgreementRules.fulfilment(actual: 0, target: 0) == nil)
        #expect(AgreementRules.suggestedVerdict([nil, nil]) == nil)
        #expect(AgreementRules.suggestedVerdict([100, nil, 100]) == .honoured)
        #expect(AgreementRules.suggestedVerdict([0, 0]) == .notHonoured)
        #expect(AgreementRules.suggestedVerdict([100, 0]) == .partly)
    }
}

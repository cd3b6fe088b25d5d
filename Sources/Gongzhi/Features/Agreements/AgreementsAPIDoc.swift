import GongzhiCore

/// Agreements' part of the API document.
enum AgreementsAPIDoc {
    typealias S = AgreementsService
    static let tag = "agreements"

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "agreements", "Agreements the caller may see, with parties, state and the latest review's verdict",
            tag: tag, parameters: [.query("state", AgreementState.self, "only this state")],
            answer: .page(AgreementSummary.self)),
        APIOperation(
            .post, "agreements", "Draft an agreement between a street or community organisation and units",
            tag: tag, body: .one(S.AgreementInput.self), status: 201, answer: .one(AgreementDetail.self)),
        APIOperation(
            .get, "agreements/{id}",
            "One agreement with each commitment's fulfilment in a year counted from the records, its project list "
                + "and reviews",
            tag: tag,
            parameters: [.query("year", .integer(min: 2000), "the year of the fulfilment (default this year)")],
            answer: .one(AgreementDetail.self)),
        APIOperation(
            .post, "agreements/{id}/commitments", "Add a commitment of one side to a draft", tag: tag,
            body: .one(S.CommitmentInput.self), status: 201, answer: .one(AgreementDetail.self)),
        APIOperation(
            .post, "agreements/{id}/projects", "Add an item to the joint project list", tag: tag,
            body: .one(S.ProjectInput.self), status: 201, answer: .one(AgreementDetail.self)),
        APIOperation(
            .post, "agreements/{id}/projects/{projectId}/deliver", "Mark a joint project delivered on a day", tag: tag,
            body: .one(S.DayInput.self), answer: .one(AgreementDetail.self)),
        APIOperation(
            .post, "agreements/{id}/sign", "Sign a draft: refused unless both sides commit to something", tag: tag,
            body: .one(S.DayInput.self), answer: .one(AgreementDetail.self)),
        APIOperation(
            .post, "agreements/{id}/end", "End a signed agreement on a day", tag: tag, body: .one(S.DayInput.self),
            answer: .one(AgreementDetail.self)),
        APIOperation(
            .post, "agreements/{id}/renew", "Draft the next term with the same parties and commitments", tag: tag,
            status: 201, answer: .one(AgreementDetail.self)),
        APIOperation(
            .post, "agreements/{id}/reviews",
            "Review a year: the fulfilment the records show is kept with the reviewer's verdict", tag: tag,
            body: .one(S.ReviewInput.self), status: 201, answer: .one(AgreementDetail.self)),
    ]
}

extension AgreementsService.AgreementInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["startsOn": ["format": "date"], "endsOn": ["format": "date"]]
}

extension AgreementsService.ProjectInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["due": ["format": "date"]]
}

extension AgreementsService.DayInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["on": ["format": "date"]]
}

extension CommitmentCategory: APIEnum {}
extension CommitmentSide: APIEnum {}
extension CommitmentMeasure: APIEnum {}
extension AgreementState: APIEnum {}
extension AgreementStanding: APIEnum {}
extension Pairing: APIEnum {}
extension Verdict: APIEnum {}

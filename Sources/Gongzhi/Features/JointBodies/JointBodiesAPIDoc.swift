import GongzhiCore

/// JointBodies' part of the API document.
enum JointBodiesAPIDoc {
    static let asOf = APIParameter.query("asOf", .date, "the day the body is seen as of (default today)")
    typealias S = JointBodiesService

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "joint-bodies", "Joint bodies the caller may see, with member units and seats as of a day",
            tag: "joint-bodies", parameters: [.query("kind", JointBodyKind.self, "only this kind"), asOf],
            answer: .page(JointBodySummary.self)),
        APIOperation(
            .post, "joint-bodies", "Set up a joint body on a street, community or area organisation",
            tag: "joint-bodies", body: .one(S.BodyInput.self), status: 201, answer: .one(JointBodyDetail.self)),
        APIOperation(
            .get, "joint-bodies/{id}",
            "One body as of a day: figures (1+N+X, part-time members, cross-appointment rate), triad, members, seats, "
                + "cross seats and documents; past memberships and seats included",
            tag: "joint-bodies", parameters: [asOf], answer: .one(JointBodyDetail.self)),
        APIOperation(
            .post, "joint-bodies/{id}/members",
            "Take in a member unit with its 1+N+X role from a day (a unit in scope or placed above the body)",
            tag: "joint-bodies", body: .one(S.MemberInput.self), status: 201, answer: .one(JointBodyDetail.self)),
        APIOperation(
            .post, "joint-bodies/{id}/members/{memberId}/end", "End a membership on a day (it stays in the history)",
            tag: "joint-bodies", body: .one(S.EndInput.self), answer: .one(JointBodyDetail.self)),
        APIOperation(
            .post, "joint-bodies/{id}/seats",
            "Appoint a person to a seat from a day; one holder per seat and one seat per person at a time",
            tag: "joint-bodies", body: .one(S.SeatInput.self), status: 201, answer: .one(JointBodyDetail.self)),
        APIOperation(
            .post, "joint-bodies/{id}/seats/{seatId}/end", "End a seat on a day (it stays in the history)",
            tag: "joint-bodies", body: .one(S.EndInput.self), answer: .one(JointBodyDetail.self)),
        APIOperation(
            .post, "joint-bodies/{id}/cross-seats",
            "Seat a person of the body in a member unit's organisation (cross appointment the other way)",
            tag: "joint-bodies", body: .one(S.CrossSeatInput.self), status: 201, answer: .one(JointBodyDetail.self)),
        APIOperation(
            .post, "joint-bodies/{id}/documents", "Add a rule or other document with the day it was adopted",
            tag: "joint-bodies", body: .one(S.DocumentInput.self), status: 201, answer: .one(JointBodyDetail.self)),
    ]
}

extension JointBodiesService.BodyInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["establishedOn": ["format": "date"]]
}

extension JointBodiesService.MemberInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["from": ["format": "date"], "to": ["format": "date"]]
}

extension JointBodiesService.SeatInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["from": ["format": "date"], "to": ["format": "date"]]
}

extension JointBodiesService.CrossSeatInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["from": ["format": "date"], "to": ["format": "date"]]
}

extension JointBodiesService.EndInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["on": ["format": "date"]]
}

extension JointBodiesService.DocumentInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["adoptedOn": ["format": "date"]]
}

extension JointBodyKind: APIEnum {}
extension MemberRole: APIEnum {}
extension SeatPosition: APIEnum {}

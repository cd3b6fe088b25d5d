/// Reporting's part of the API document.
enum ReportingAPIDoc {
    static let community: APIParameter = .query("communityId", .integer, "only this community (or street) in scope")

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "reporting/unit-reports",
            "Unit reports (单位报到): a liaison's own units', staff's in scope; liaison phones masked",
            tag: "reporting", parameters: [community], answer: .page(ReportingLists.UnitReportOut.self)),
        APIOperation(
            .post, "reporting/unit-reports",
            "A unit reports to the community where it stands (its liaison, or staff for units in scope); one active "
                + "report per unit (409 for a second)",
            tag: "reporting", body: .one(ReportingService.UnitReportInput.self), status: 201,
            answer: .one(ReportingLists.UnitReportOut.self)),
        APIOperation(
            .post, "reporting/unit-reports/{id}/end", "End a unit's report (dated, with a reason); its posts end too",
            tag: "reporting", body: .one(ReportingService.EndInput.self),
            answer: .one(ReportingLists.UnitReportOut.self)),
        APIOperation(
            .get, "reporting/unit-reports/export.csv",
            "Unit reports as CSV; phones masked unless unmasked=true (permission to unmask, logged)",
            tag: "reporting",
            parameters: [community, .query("unmasked", .boolean, "phones in clear (logged)")],
            answer: .raw(.text, "text/csv")),
        APIOperation(
            .get, "reporting/member-reports",
            "In-service members' reports (在职党员报到): a member's own, staff's in scope; stage narrows to one "
                + "stage "
                + "of the funnel as of today",
            tag: "reporting",
            parameters: [
                community,
                .query("stage", .strings(["reported", "claimed", "served", "active"]), "a funnel stage"),
            ],
            answer: .page(ReportingLists.MemberReportOut.self)),
        APIOperation(
            .post, "reporting/member-reports",
            "Report: a member for themselves to their home community (personId and communityNodeId may be left "
                + "out), staff for a member in scope to a community in scope; one active report per person by ID "
                + "number (409 for a second)",
            tag: "reporting", body: .one(ReportingService.MemberReportInput.self), status: 201,
            answer: .one(ReportingLists.MemberReportOut.self)),
        APIOperation(
            .post, "reporting/member-reports/{id}/end",
            "End a member's report (a transfer out: dated, with a reason); the posts held end too", tag: "reporting",
            body: .one(ReportingService.EndInput.self), answer: .one(ReportingLists.MemberReportOut.self)),
        APIOperation(
            .get, "reporting/member-reports/export.csv",
            "Member reports as CSV; phones masked unless unmasked=true (permission to unmask, logged)",
            tag: "reporting",
            parameters: [community, .query("unmasked", .boolean, "phones in clear (logged)")],
            answer: .raw(.text, "text/csv")),
        APIOperation(
            .get, "reporting/posts",
            "Service posts (党员服务示范岗) with how many hold each: staff's in scope, a member's community's",
            tag: "reporting", parameters: [community], answer: .page(ReportingLists.PostOut.self)),
        APIOperation(
            .post, "reporting/posts", "Define a service post of a community in scope", tag: "reporting",
            body: .one(ReportingService.PostInput.self), status: 201, answer: .one(ReportingLists.PostOut.self)),
        APIOperation(
            .post, "reporting/posts/{id}/claim",
            "Claim a post (认岗位): a reported member for themselves (no body), staff for a member (personId) or a "
                + "unit (unitId) reported to the post's community, a liaison for their unit; never beyond capacity "
                + "(409)",
            tag: "reporting", body: .one(ReportingService.ClaimInput.self), status: 201,
            answer: .one(ReportingLists.ClaimOut.self)),
        APIOperation(
            .get, "reporting/services",
            "Services (作表率): a member's own, staff's in scope; verified=false lists those to verify",
            tag: "reporting",
            parameters: [community, .query("verified", .boolean, "verified (true) or still to verify (false)")],
            answer: .page(ReportingLists.ServiceOut.self)),
        APIOperation(
            .post, "reporting/services",
            "A reported member records a service: more than 0 and at most 24 hours, not in the future, at a post "
                + "they hold if any",
            tag: "reporting", body: .one(ReportingService.ServiceInput.self), status: 201,
            answer: .one(ReportingLists.ServiceOut.self)),
        APIOperation(
            .post, "reporting/services/{id}/verify", "Verify a service in scope (never one's own)", tag: "reporting",
            answer: .one(ReportingLists.ServiceOut.self)),
        APIOperation(
            .post, "reporting/services/{id}/reject",
            "Refuse a service in scope that cannot be confirmed, saying why (never one's own): it never counts and "
                + "the member sees the reason",
            tag: "reporting", body: .one(ReportingAPI.RejectInput.self), answer: .one(ReportingLists.ServiceOut.self)),
        APIOperation(
            .get, "reporting/funnel",
            "Coverage as of today per community and street, from the events: reported → post claimed → verified "
                + "service → a verified service in the last 90 days",
            tag: "reporting", parameters: [.query("nodeId", .integer, "only below this node in scope")],
            answer: .one(ReportingLists.FunnelOut.self)),
    ]
}

extension ReportingService.UnitReportInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["reportedOn": ["format": "date"]]
}

extension ReportingService.MemberReportInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["reportedOn": ["format": "date"]]
}

extension ReportingService.EndInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["endedOn": ["format": "date"]]
}

extension ReportingService.ServiceInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["servedOn": ["format": "date"]]
}

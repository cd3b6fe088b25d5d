/// Visits' part of the API document.
enum VisitsAPIDoc {
    static let operations: [APIOperation] = [
        APIOperation(
            .get, "visit-plans", "Visit plans in scope with how many of their households have been visited",
            tag: "visits", answer: .list(VisitsAPI.PlanOut.self)),
        APIOperation(
            .post, "visit-plans",
            "Plan visits: which households (default all of the grid), who visits, by when",
            tag: "visits", body: .one(VisitsAPI.PlanInput.self), status: 201, answer: .one(VisitsAPI.PlanOut.self)),
        APIOperation(
            .post, "visits",
            "Record a visit and its outcome (met when not given); a problem found becomes a request with channel "
                + "visit in the same step",
            tag: "visits", body: .one(VisitsAPI.VisitInput.self), status: 201, answer: .one(VisitsAPI.VisitOut.self)),
        APIOperation(
            .get, "visits/rates",
            "Visit rate per grid for a period: households with a visit other than nobody at home ÷ households",
            tag: "visits", parameters: [.query("from", .text, "first day"), .query("to", .text, "last day")],
            answer: .list(VisitsAPI.RateOut.self)),
    ]
}

extension VisitsAPI.PlanInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["due": ["format": "date"]]
}

extension VisitsAPI.PlanOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["due": ["format": "date"]]
}

import GongzhiCore

/// Points' part of the API document.
enum PointsAPIDoc {
    static let period: [APIParameter] = [
        .query("from", .text, "from this day (Asia/Shanghai) or ISO 8601 time"),
        .query("to", .text, "to this day, inclusive, or ISO 8601 time"),
    ]
    static let node: APIParameter = .query("nodeId", .integer, "only below this node in scope")

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "points/me",
            "My points (积分): balance (the sum of my movements), points expiring within 90 days, latest movements; "
                + "credits are accrued and expiries recorded first",
            tag: "points", answer: .one(PointsLists.SummaryOut.self)),
        APIOperation(
            .get, "points/people",
            "People in scope by name or the last four digits of the phone, masked, with balances",
            tag: "points", parameters: [.query("q", .text, "a name, or four digits")],
            answer: .list(PointsLists.PersonOut.self)),
        APIOperation(
            .get, "points/people/{id}", "A person's points in scope (as points/me)", tag: "points",
            answer: .one(PointsLists.SummaryOut.self)),
        APIOperation(
            .get, "points/people/{id}/movements", "A person's latest movements (at most 200), newest first",
            tag: "points", answer: .list(PointsLists.MovementOut.self)),
        APIOperation(
            .post, "points/people/{id}/movements",
            "A manual award (+) or a correction (+/−) for a person in scope: a note and an approver (an account in "
                + "scope that keeps points, neither the caller nor the beneficiary) are required; a correction never "
                + "takes the balance below zero (422). It waits for the approver (approvals) and is written as a new "
                + "movement once approved, never an edit",
            tag: "points", body: .one(PointsService.EntryInput.self), status: 202,
            answer: .one(ApprovalOut.self)),
        APIOperation(
            .get, "points/movements",
            "The ledger in scope: by node, figure (issued, spent, expired, deducted: the lists the figures count), "
                + "source and period, newest first, by pages",
            tag: "points",
            parameters: [
                node, .query("figure", PointsFigure.self, "a figure's movements"),
                .query("source", PointsSource.self, "one source"),
            ] + period, answer: .page(PointsLists.MovementOut.self)),
        APIOperation(
            .get, "points/movements/export.csv", "The ledger as CSV (same filters)", tag: "points",
            parameters: [
                node, .query("figure", PointsFigure.self, "a figure's movements"),
                .query("source", PointsSource.self, "one source"),
            ] + period, answer: .raw(.text, "text/csv")),
        APIOperation(
            .get, "points/figures",
            "Points issued, spent (less refunds), expired and deducted in a period (default: this year), per "
                + "community in scope, computed from the movements",
            tag: "points", parameters: [node] + period, answer: .one(PointsLists.FiguresOut.self)),
        APIOperation(
            .get, "points/settings", "The expiry period in months", tag: "points",
            answer: .one(PointsLists.SettingsOut.self)),
        APIOperation(
            .put, "points/settings",
            "Change the expiry period (1–120 months; district administrators; audited). Applies to points not yet "
                + "expired",
            tag: "points", body: .one(PointsService.SettingsInput.self), answer: .one(PointsLists.SettingsOut.self)),
        APIOperation(
            .get, "points/shops",
            "Points shops (党爱超市) with their goods: staff's in scope, a resident's or member's where they live "
                + "(their community's and street's)",
            tag: "points", answer: .list(PointsLists.ShopOut.self)),
        APIOperation(
            .post, "points/shops", "Open a shop of a community or street in scope", tag: "points",
            body: .one(PointsService.ShopInput.self), status: 201, answer: .one(PointsLists.ShopOut.self)),
        APIOperation(
            .get, "points/shops/{id}", "A shop with its goods", tag: "points", answer: .one(PointsLists.ShopOut.self)),
        APIOperation(
            .patch, "points/shops/{id}", "Rename, move the place of, close or reopen a shop (audited)", tag: "points",
            body: .one(PointsService.ShopInput.self), answer: .one(PointsLists.ShopOut.self)),
        APIOperation(
            .post, "points/shops/{id}/goods",
            "A good: price in points, stock, and a per-person limit counted overall or per calendar month or year",
            tag: "points", body: .one(PointsService.GoodInput.self), status: 201,
            answer: .one(PointsLists.GoodOut.self)),
        APIOperation(.get, "points/goods/{id}", "A good", tag: "points", answer: .one(PointsLists.GoodOut.self)),
        APIOperation(
            .patch, "points/goods/{id}", "Change a good (not its stock: restock)", tag: "points",
            body: .one(PointsService.GoodInput.self), answer: .one(PointsLists.GoodOut.self)),
        APIOperation(
            .post, "points/goods/{id}/restock",
            "Add to the stock (or write off, never below zero); audited with the stock before and after",
            tag: "points", body: .one(PointsService.RestockInput.self), answer: .one(PointsLists.GoodOut.self)),
        APIOperation(
            .post, "points/goods/{id}/redeem",
            "Redeem (a resident or member, a shop where they live): stock and points taken in one transaction; "
                + "beyond the balance, the stock or the per-person limit is a 409, nothing saved; answers the "
                + "pick-up code",
            tag: "points", body: .one(PointsService.RedeemInput.self), status: 201,
            answer: .one(PointsLists.RedemptionOut.self)),
        APIOperation(
            .get, "points/redemptions",
            "Redemptions: one's own, or staff's (shops in scope and people kept there)", tag: "points",
            parameters: [.query("state", RedemptionState.self, "one state")],
            answer: .page(PointsLists.RedemptionOut.self)),
        APIOperation(
            .get, "points/redemptions/export.csv", "Redemptions as CSV", tag: "points",
            parameters: [.query("state", RedemptionState.self, "one state")], answer: .raw(.text, "text/csv")),
        APIOperation(
            .post, "points/redemptions/{id}/hand-over",
            "The shop's staff hand a pending redemption over against its pick-up code (422 for a wrong code)",
            tag: "points", body: .one(PointsService.HandOverInput.self), answer: .one(PointsLists.RedemptionOut.self),
            extraResponses: ["429": .ref(response: "TooManyGuesses")]),
        APIOperation(
            .post, "points/redemptions/{id}/cancel",
            "Cancel a pending redemption (the person, or the shop's staff): stock and points come back, the points as "
                + "a new movement",
            tag: "points", body: .one(PointsService.CancelInput.self), answer: .one(PointsLists.RedemptionOut.self)),
    ]
}

extension PointsSource: APIEnum {}
extension PointsFigure: APIEnum {}
extension PointsShopRules.LimitPeriod: APIEnum {}

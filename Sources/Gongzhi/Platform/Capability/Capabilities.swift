extension Capability {
    /// Every capability of the server, one line each. Migrations run in this order (after the platform's own);
    /// menus and home tiles sort by their own `order`.
    /// Visits comes after Accounts: its demo step gives the demo grid workers their plans.
    static let all: [Capability] = [
        .organisation,
        .people,
        .units,
        .places,
        .requests,
        .open311,
        .notifications,
        .accounts,
        .approvals,
        .visits,
        .reporting,
        .jointBodies,
        .meetings,
        .agreements,
        .lists,
        .volunteering,
        .points,
        .records,
        .auditLog,
        .home,
    ]
}

extension Capability {
    /// Every capability of the server, one line each. Migrations run in this order (after the platform's own);
    /// menus and home tiles sort by their own `order`.
    static let all: [Capability] = [
        .organisation,
        .people,
        .units,
        .places,
        .requests,
        .open311,
        .visits,
        .notifications,
        .accounts,
        .auditLog,
        .home,
    ]
}

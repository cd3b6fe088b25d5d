import Fluent
import Vapor

/// Each step of a request tells the next actor, in the app; users may take theirs as a daily digest instead.
/// A district can connect its SMS or WeChat gateway through an outbound webhook (a durable outbox, retried).
final class AppNotification: Model, @unchecked Sendable {
    static let schema = "notifications"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "request_id") var requestID: Int
    @Field(key: "action") var action: RequestAction
    @Field(key: "at") var at: Date
    @Field(key: "read") var read: Bool
    @Field(key: "digested") var digested: Bool
    init() {}
}

final class WebhookDelivery: Model, @unchecked Sendable {
    static let schema = "webhook_outbox"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "payload") var payload: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    init() {}
}

struct CreateNotifications: AsyncMigration {
    var name: String { "012_create_notifications" }
    func prepare(on db: Database) async throws {
        try await db.schema(AppNotification.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, .id)).field("request_id", .int, .required)
            .field("action", .string, .required).field("at", .datetime, .required)
            .field("read", .bool, .required).field("digested", .bool, .required).create()
        try await db.createIndex(table: AppNotification.schema, column: "user_id")
        try await db.schema(WebhookDelivery.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("payload", .sql(unsafeRaw: "TEXT"), .required).field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required).field("delivered_at", .datetime).field(
                "last_error", .string
            ).create()
        try await db.schema(User.schema).field("digest", .bool, .sql(.default(false))).update()
    }
    func revert(on db: Database) async throws {
        try await db.schema(WebhookDelivery.schema).delete()
        try await db.schema(AppNotification.schema).delete()
    }
}

/// Where the webhook goes (GONGZHI_WEBHOOK_URL) and how it is sent; tests give a recording sender.
struct WebhookConfig: Sendable {
    var url: String?
    var send: @Sendable (_ app: Application, _ url: String, _ body: String) async throws -> Void = { app, url, body in
        var headers = HTTPHeaders()
        headers.contentType = .json
        let res = try await app.client.post(URI(string: url), headers: headers) { $0.body = ByteBuffer(string: body) }
        guard (200..<300).contains(res.status.code) else { throw Abort(res.status) }
    }
    static let maxAttempts = 5
}
struct WebhookConfigKey: StorageKey { typealias Value = WebhookConfig }

enum Notify {
    /// The users who act next after this step.
    static func recipients(after action: RequestAction, _ r: RequestsQueries.StepFacts, on db: Database)
        async throws -> [Int]
    {
        func users(_ roles: [Role], at nodeIDs: [Int]) async throws -> [Int] {
            guard !nodeIDs.isEmpty else { return [] }
            return try await User.query(on: db).filter(\.$role ~~ roles).filter(\.$orgNodeID ~~ nodeIDs).filter(
                \.$active == true
            ).all().compactMap(\.id)
        }
        let grid = try await PlacesQueries.gridSummary(r.gridID, on: db)
        let community = try await OrgNode.find(r.communityNodeID, on: db)
        // Everyone who reported it, including reporters of the duplicates merged into it.
        let merged = try await RequestsQueries.mergedReporterIDs(into: r.id, on: db)
        // and the residents who joined it ("me too").
        let supporters = try await RequestsQueries.supporterIDs(of: r.id, on: db)
        let reporter = (r.reporterUserID.map { [$0] } ?? []) + merged + supporters
        switch action {
        case .raise: return try await users([.gridWorker], at: [grid?.branchNodeID].compactMap { $0 })
        case .take, .settle, .accept, .complete, .supervise:
            return reporter
                + (action == .supervise ? try await users([.communitySecretary], at: [r.communityNodeID]) : [])
        case .forward, .returnDispatch, .requestExtension, .rate:
            return try await users([.communitySecretary, .communityWorker], at: [r.communityNodeID])
        case .dispatch, .decide:
            let units = try await RequestsQueries.pendingUnitIDs(of: r.id, on: db)
            let orgs = try await UnitsQueries.partyOrgNodeIDs(ofUnits: units, on: db)
            return try await users([.unitLiaison], at: orgs) + reporter
        case .escalate:
            let level = EscalationLevel(rawValue: r.level) ?? .community
            if level == .street {
                return try await users([.streetStaff, .commandOperator], at: [community?.parentID].compactMap { $0 })
            }
            let root = try await OrgNode.query(on: db).filter(\.$parentID == nil).first()
            return try await users([.orgDepartmentAdmin], at: [root?.id].compactMap { $0 })
        default: return []
        }
    }

    /// Called in the step's transaction: the notifications and, for users without a digest, the webhook events.
    static func step(
        _ action: RequestAction, _ r: RequestsQueries.StepFacts, webhook: WebhookConfig?, at now: Date,
        on db: Database
    )
        async throws
    {
        let ids = Array(Set(try await recipients(after: action, r, on: db)))
        guard !ids.isEmpty else { return }
        let users = try await User.query(on: db).filter(\.$id ~~ ids).all()
        for u in users {
            let n = AppNotification()
            n.userID = u.id!
            n.requestID = r.id
            n.action = action
            n.at = now
            n.read = false
            n.digested = false
            try await n.create(on: db)
            if let url = webhook?.url, !url.isEmpty, !(u.digest ?? false) {
                try await enqueue(
                    [
                        "type": "notification", "userId": u.id!, "username": u.username, "request": r.number,
                        "action": action.rawValue, "state": r.state,
                        "at": ISO8601DateFormatter().string(from: now),
                    ], at: now, on: db)
            }
        }
    }

    static func enqueue(_ payload: [String: Any], at now: Date, on db: Database) async throws {
        let d = WebhookDelivery()
        d.payload = String(
            decoding: try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]), as: UTF8.self)
        d.attempts = 0
        d.nextAttemptAt = now
        try await d.create(on: db)
    }

    /// Sends what is due; a failure is retried later with a growing pause (1, 4, 16, 64 minutes), five tries in all.
    static func deliver(_ app: Application) async throws -> (sent: Int, failed: Int) {
        guard let config = app.storage[WebhookConfigKey.self], let url = config.url, !url.isEmpty else {
            return (0, 0)
        }
        let now = app.clock.now
        let due = try await WebhookDelivery.query(on: app.db).filter(\.$deliveredAt == nil).filter(
            \.$attempts < WebhookConfig.maxAttempts
        )
        .filter(\.$nextAttemptAt <= now).sort(\.$id).limit(100).all()
        var sent = 0
        var failed = 0
        for d in due {
            d.attempts += 1
            do {
                try await config.send(app, url, d.payload)
                d.deliveredAt = app.clock.now
                d.lastError = nil
                sent += 1
            } catch {
                d.lastError = String(describing: error).prefix(200).description
                d.nextAttemptAt = app.clock.now.addingTimeInterval(60 * pow(4, Double(d.attempts - 1)))
                failed += 1
            }
            try await d.save(on: app.db)
        }
        return (sent, failed)
    }

    /// The daily digest: one webhook event per digest user with their unread, not yet digested notifications.
    static func digest(_ app: Application) async throws -> Int {
        let users = try await User.query(on: app.db).filter(\.$digest == true).all()
        var count = 0
        for u in users {
            let ns = try await AppNotification.query(on: app.db).filter(\.$userID == u.id!).filter(
                \.$digested == false
            )
            .filter(\.$read == false).all()
            guard !ns.isEmpty else { continue }
            try await app.db.writing { db in
                if let url = app.storage[WebhookConfigKey.self]?.url, !url.isEmpty {
                    try await enqueue(
                        [
                            "type": "digest", "userId": u.id!, "username": u.username, "count": ns.count,
                            "requests": Array(Set(ns.map(\.requestID))).sorted(),
                        ], at: app.clock.now, on: db)
                }
                try await AppNotification.query(on: db).filter(\.$id ~~ ns.compactMap(\.id)).set(\.$digested, to: true)
                    .update()
            }
            count += 1
        }
        return count
    }
}

enum NotificationsAPI {
    struct Out: Content {
        let id: Int
        let requestID: Int
        let number: String
        let action: RequestAction
        let text: String
        let at: Date
        let read: Bool
    }
    struct Page: Content {
        let unread: Int
        let digest: Bool
        let items: [Out]
    }
    struct Preferences: StrictInput {
        static let fields: Set<String> = ["digest"]
        let digest: Bool
    }

    static func register(_ api: RoutesBuilder) {
        api.get(NotificationsRoute.apiList, use: list)
        api.post(NotificationsRoute.apiRead, use: markRead)
        api.patch(NotificationsRoute.apiPreferences, use: preferences)
    }

    static func page(_ caller: Caller) async throws -> Page {
        let v = try caller.requireViewer()
        let ns = try await AppNotification.query(on: caller.db).filter(\.$userID == v.user.id!).sort(
            \.$id, .descending
        )
        .limit(200).all()
        let items = ns.map { n in
            let number = RequestsQueries.number(for: n.requestID)
            return Out(
                id: n.id!, requestID: n.requestID, number: number, action: n.action,
                text: caller.t(.notifyStep, number, caller.t(key: n.action.labelKey)), at: n.at, read: n.read)
        }
        return Page(unread: ns.filter { !$0.read }.count, digest: v.user.digest ?? false, items: items)
    }

    @Sendable static func list(_ req: Request) async throws -> Page { try await page(req.caller) }

    @Sendable static func markRead(_ req: Request) async throws -> HTTPStatus {
        let v = try req.requireViewer()
        try await AppNotification.query(on: req.db).filter(\.$userID == v.user.id!).filter(\.$read == false).set(
            \.$read, to: true
        ).update()
        return .noContent
    }

    static func setDigest(_ caller: Caller, _ on: Bool) async throws {
        let v = try caller.requireViewer()
        v.user.digest = on
        try await caller.db.writing { db in
            try await v.user.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .user, id: v.user.id!, label: v.user.username,
                scopePath: v.node.path,
                before: nil as String?, after: ["digest": on ? "true" : "false"])
        }
    }

    @Sendable static func preferences(_ req: Request) async throws -> Page {
        try await setDigest(req.caller, try req.decodeStrict(Preferences.self).digest)
        return try await page(req.caller)
    }
}

enum NotificationPages {
    static func register(_ p: RoutesBuilder) {
        p.get(NotificationsRoute.list, use: list)
        p.post(NotificationsRoute.read, use: markRead)
        p.post(NotificationsRoute.digest, use: digest)
    }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let page = try await NotificationsAPI.page(req.caller)
        let csrf = CSRF.hiddenField(req)
        let items: [HTML] = page.items.map { n in
            """
            <li class="\(n.read ? "muted" : "")"><a href="\(RequestsRoute.request(.value(n.requestID)))">\
            \(n.text)</a> · \(RequestPages.time(n.at))</li>
            """
        }
        return Layout.page(
            req, title: req.t(.navNotifications),
            body: """
                <h1>\(req.t(.navNotifications)) <span \
                class="muted">(\(req.t(.notifyUnread, String(page.unread))))</span></h1>
                <form method="post" action="\(NotificationsRoute.read)" class="inline">\(csrf)<button type="submit" \
                class="secondary">\(req.t(.notifyMarkRead))</button></form>
                <form method="post" action="\(NotificationsRoute.digest)" class="inline">\(csrf)<input type="hidden" \
                name="digest" value="\(page.digest ? "false" : "true")">
                <button type="submit" \
                class="secondary">\(req.t(key: page.digest ? "notify.digestOff" : "notify.digestOn"))</button></form>
                <ul id="notifications">\(items)</ul>
                """, active: NotificationsRoute.list.path)
    }

    @Sendable static func markRead(_ req: Request) async throws -> Response {
        _ = try await NotificationsAPI.markRead(req)
        return req.redirect(to: NotificationsRoute.list)
    }

    struct DigestForm: Content { var digest: String? }

    @Sendable static func digest(_ req: Request) async throws -> Response {
        try await NotificationsAPI.setDigest(req.caller, try req.content.decode(DigestForm.self).digest == "true")
        Layout.flash(req, .flashSaved)
        return req.redirect(to: NotificationsRoute.list)
    }
}

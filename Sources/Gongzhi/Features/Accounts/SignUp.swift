import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// A resident's own sign-up (居民自助注册) with a mainland mobile number, confirmed by a one-time code that the
/// district's SMS gateway delivers through the outbound webhook. Only hashes of the ticket and the code are kept;
/// a code lasts ten minutes and takes five tries. See DECISIONS.md, "Residents sign up with a code by SMS".
final class SignUpRequest: Model, @unchecked Sendable {
    static let schema = "signup_requests"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "ticket_hash") var ticketHash: String
    @Field(key: "phone") var phone: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "community_node_id") var communityNodeID: Int
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "ip") var ip: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "user_id") var userID: Int?
    init() {}
}

struct CreateSignUpRequests: AsyncMigration {
    var name: String { "015_create_signup_requests" }
    func prepare(on db: Database) async throws {
        try await db.schema(SignUpRequest.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("ticket_hash", .string, .required).field("phone", .string, .required)
            .field("display_name", .string, .required)
            .field("community_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("password_hash", .string, .required).field("code_hash", .string, .required)
            .field("attempts", .int, .required).field("expires_at", .datetime, .required)
            .field("ip", .string, .required).field("created_at", .datetime, .required)
            .field("user_id", .int, .references(User.schema, .id))
            .unique(on: "ticket_hash").create()
        try await db.createIndex(table: SignUpRequest.schema, column: "phone")
        try await db.createIndex(table: SignUpRequest.schema, column: "ip")
    }
    func revert(on db: Database) async throws { try await db.schema(SignUpRequest.schema).delete() }
}

extension AuditKind {
    static let signUp = AuditKind("sign_up")
}

enum SignUpService {
    static let codeLifetime: TimeInterval = 10 * 60
    static let maxAttempts = 5
    /// Codes asked for one number, and from one address, within an hour.
    static let perNumberPerHour = 3
    static let perAddressPerHour = 10

    struct Input: Sendable {
        var phone: String
        var name: String
        var communityID: Int?
        var password: String
    }

    struct Community: Sendable {
        let id: Int
        let name: String
    }

    static func communities(on db: any Database) async throws -> [Community] {
        try await OrgNode.query(on: db).filter(\.$kind == .communityCommittee).filter(\.$archived == false)
            .sort(\.$code).all().map { Community(id: $0.id!, name: $0.name) }
    }

    static func sha256(_ s: String) -> String {
        SHA256.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func codeHash(ticket: String, code: String) -> String { sha256("\(ticket):\(code)") }

    /// Step one: checks the form, keeps the sign-up and sends a code to the number. Answers the ticket that the
    /// confirmation carries. The answer is the same whether the number already has an account or not: for such a
    /// number no code is sent (the gateway is told to say the number already has an account), so the confirmation
    /// can never succeed.
    static func start(_ caller: Caller, _ input: Input, ip: String) async throws -> String {
        var problems: [String: String] = [:]
        var phone = ""
        do throws(MobileNumber.Invalid) { phone = try MobileNumber(input.phone).value } catch {
            problems["phone"] = error.messageKey
        }
        let name = input.name.trimmingWhitespace()
        if name.isEmpty || name.count > 50 { problems["name"] = Text.errorSignUpName.key }
        var community: OrgNode?
        if let id = input.communityID {
            community = try await OrgNode.find(id, on: caller.db)
        }
        if community?.kind != .communityCommittee || community?.archived != false {
            community = nil
            problems["communityId"] = Text.errorSignUpCommunity.key
        }
        do { try PasswordPolicy.check(input.password) } catch { problems["password"] = error.messageKey }
        if let e = AppError.fields(problems) { throw e }
        let number = phone
        guard let url = caller.application.storage[WebhookConfigKey.self]?.url, !url.isEmpty else {
            throw AppError(status: .serviceUnavailable, code: "unavailable", messageKey: Text.errorSignUpNoGateway.key)
        }
        let hourAgo = caller.now.addingTimeInterval(-3600)
        let byNumber = try await SignUpRequest.query(on: caller.db).filter(\.$phone == number)
            .filter(\.$createdAt > hourAgo).count()
        let byAddress = try await SignUpRequest.query(on: caller.db).filter(\.$ip == ip)
            .filter(\.$createdAt > hourAgo).count()
        if byNumber >= perNumberPerHour || byAddress >= perAddressPerHour {
            await AccessLog.write(
                caller, .forbiddenChange, detail: "sign-up rate limit \(Masking.phone(number)) from \(ip)")
            throw AppError(status: .tooManyRequests, code: "too_many", messageKey: Text.errorSignUpTooMany.key)
        }
        let existing = try await User.query(on: caller.db).group(.or) {
            $0.filter(\.$phone == number).filter(\.$username == number)
        }.first()
        let ticket = [UInt8].random(count: 24).map { String(format: "%02x", $0) }.joined()
        let code = String(format: "%06d", Int.random(in: 0..<1_000_000))
        let hash = try await caller.application.password.async.hash(input.password)
        let now = caller.now
        let node = community!
        try await caller.db.writing { db in
            let s = SignUpRequest()
            s.ticketHash = sha256(ticket)
            s.phone = number
            s.displayName = name
            s.communityNodeID = node.id!
            s.passwordHash = hash
            // A number with an account gets no code: its row holds the hash of a code nobody was told.
            s.codeHash = codeHash(ticket: ticket, code: existing == nil ? code : UUID().uuidString)
            s.attempts = 0
            s.expiresAt = now.addingTimeInterval(codeLifetime)
            s.ip = ip
            s.createdAt = now
            try await s.create(on: db)
            let at = ISO8601DateFormatter().string(from: s.expiresAt)
            if existing == nil {
                try await Notify.enqueue(
                    ["type": "signupCode", "phone": number, "code": code, "expiresAt": at], at: now, on: db)
            } else {
                try await Notify.enqueue(["type": "signupExistingAccount", "phone": number], at: now, on: db)
            }
            try await Audit.record(
                on: db, by: nil, at: caller.now, .create, entity: .signUp, id: s.id!, label: Masking.phone(number),
                scopePath: node.path, before: nil as String?,
                after: ["phone": Masking.phone(number), "community": node.name, "ip": ip])
        }
        return ticket
    }

    /// Step two: the code. A wrong, expired or used code, or a ticket that names nothing, all answer the same 422;
    /// the fifth wrong try ends the ticket. Answers the new account.
    static func confirm(_ caller: Caller, ticket: String, code: String) async throws -> User {
        let wrong = AppError.invalid(.errorSignUpCode, field: "code")
        guard !ticket.isEmpty,
            let s = try await SignUpRequest.query(on: caller.db).filter(\.$ticketHash == sha256(ticket)).first(),
            s.userID == nil, s.expiresAt > caller.now
        else { throw wrong }
        // One statement counts the try, so simultaneous guesses cannot get past five.
        guard let sql = caller.db as? SQLDatabase,
            try await sql.raw(
                """
                UPDATE signup_requests SET attempts = attempts + 1 WHERE id = \(bind: s.id!) \
                AND attempts < \(bind: maxAttempts) AND user_id IS NULL RETURNING id
                """
            ).all().count == 1
        else {
            await AccessLog.write(caller, .forbiddenChange, detail: "sign-up code tries used up", userName: "-")
            throw wrong
        }
        guard codeHash(ticket: ticket, code: code.trimmingWhitespace()) == s.codeHash else {
            await AccessLog.write(
                caller, .loginFailed, detail: "wrong sign-up code for \(Masking.phone(s.phone))", userName: "-")
            throw wrong
        }
        let node = try await OrgNode.find(s.communityNodeID, on: caller.db)
        return try await caller.db.writing { db in
            let taken = try await User.query(on: db).group(.or) {
                $0.filter(\.$phone == s.phone).filter(\.$username == s.phone)
            }.first()
            guard taken == nil, let node else { throw wrong }
            let u = User(
                username: s.phone, phone: s.phone, displayName: s.displayName, passwordHash: s.passwordHash,
                role: .resident, orgNodeID: node.id!)
            try await u.create(on: db)
            s.userID = u.id
            try await s.save(on: db)
            try await Audit.record(
                on: db, by: nil, at: caller.now, .create, entity: .user, id: u.id!, label: u.username,
                scopePath: node.path,
                before: nil as String?,
                after: ["role": Role.resident.rawValue, "node": node.name, "via": "sign-up \(s.id!)"])
            return u
        }
    }
}

enum SignUpPages {
    static func register(_ r: RoutesBuilder) {
        r.get(AccountsRoute.signup, use: form)
        r.post(AccountsRoute.signup, use: start)
        r.post(AccountsRoute.signupConfirm, use: confirm)
    }

    struct StartForm: Content {
        var phone: String?
        var name: String?
        var communityId: String?
        var password: String?
    }

    struct ConfirmForm: Content {
        var ticket: String?
        var code: String?
    }

    static func formView(
        _ communities: [SignUpService.Community], _ f: StartForm, error: AppError?, lang: Lang, csrf: HTML
    ) -> HTML {
        let options: [HTML] = communities.map {
            "<option value=\"\($0.id)\"\(f.communityId == String($0.id) ? " selected" : "")>\($0.name)</option>"
        }
        return """
            <section class="card"><h1>\(lang.t(.signUpTitle))</h1>\(Widgets.errorSummary(error, lang: lang))
            <p class="muted">\(lang.t(.signUpHint))</p>
            <form method="post" action="\(AccountsRoute.signup)" id="signup-form">\(csrf)
            <label for="phone">\(lang.t(.signUpPhone))</label>
            <input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel" required \
            value="\(f.phone ?? "")">
            <label for="name">\(lang.t(.signUpName))</label>
            <input id="name" name="name" autocomplete="name" required maxlength="50" value="\(f.name ?? "")">
            <label for="communityId">\(lang.t(.signUpCommunity))</label>
            <select id="communityId" name="communityId" required>\(options)</select>
            <label for="password">\(lang.t(.loginPassword))</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8">
            <p class="muted">\(lang.t(.accountPasswordRule))</p>
            <p><button type="submit" id="signup-submit">\(lang.t(.signUpSend))</button></p>
            </form></section>
            """
    }

    static func codeView(ticket: String, error: AppError?, lang: Lang, csrf: HTML) -> HTML {
        """
        <section class="card"><h1>\(lang.t(.signUpTitle))</h1>\(Widgets.errorSummary(error, lang: lang))
        <p id="signup-sent">\(lang.t(.signUpSent))</p>
        <form method="post" action="\(AccountsRoute.signupConfirm)" id="signup-confirm">\(csrf)
        <input type="hidden" name="ticket" value="\(ticket)">
        <label for="code">\(lang.t(.signUpCode))</label>
        <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="6">
        <p><button type="submit">\(lang.t(.signUpConfirm))</button></p>
        </form></section>
        """
    }

    static func formPage(_ req: Request, _ f: StartForm, error: AppError?) async throws -> HTML {
        let communities = try await SignUpService.communities(on: req.db)
        return Layout.page(
            req, title: req.t(.signUpTitle),
            body: formView(communities, f, error: error, lang: req.lang, csrf: CSRF.hiddenField(req)))
    }

    @Sendable static func form(_ req: Request) async throws -> Response {
        if req.viewer != nil { return req.redirect(to: PlatformRoute.home) }
        return try await formPage(req, StartForm(), error: nil).encodeResponse(for: req)
    }

    @Sendable static func start(_ req: Request) async throws -> Response {
        let f = try req.content.decode(StartForm.self)
        let input = SignUpService.Input(
            phone: f.phone ?? "", name: f.name ?? "", communityID: f.communityId.flatMap { Int($0) },
            password: f.password ?? "")
        do {
            let ticket = try await SignUpService.start(req.caller, input, ip: req.clientAddress)
            return try await Layout.page(
                req, title: req.t(.signUpTitle),
                body: codeView(ticket: ticket, error: nil, lang: req.lang, csrf: CSRF.hiddenField(req))
            ).encodeResponse(for: req)
        } catch let e as AppError {
            var kept = f
            kept.password = nil
            return try await formPage(req, kept, error: e).encodeResponse(status: e.status, for: req)
        }
    }

    @Sendable static func confirm(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ConfirmForm.self)
        let ticket = f.ticket ?? ""
        do {
            _ = try await SignUpService.confirm(req.caller, ticket: ticket, code: f.code ?? "")
        } catch let e as AppError {
            return try await Layout.page(
                req, title: req.t(.signUpTitle),
                body: codeView(ticket: ticket, error: e, lang: req.lang, csrf: CSRF.hiddenField(req))
            ).encodeResponse(status: e.status, for: req)
        }
        Layout.flash(req, .flashSignedUp)
        return req.redirect(to: PlatformRoute.login)
    }
}

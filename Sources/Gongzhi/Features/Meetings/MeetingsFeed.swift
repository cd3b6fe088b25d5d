import Fluent
import Vapor

/// Calendar feeds (RFC 5545) that calendar apps fetch without a session: a person's meetings (those they are
/// invited to, and their units' and their decisions' meetings) and a body's meetings. The address carries a random
/// token; only its SHA-256 is kept, so the token is shown once, when it is made, and a new one replaces the old.
enum MeetingsFeed {
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The server's address as the caller reached it ("https://host"), for absolute feed URLs.
    static func base(_ req: Request) -> String { req.siteBase }

    static func urls(token: String, base: String, bodies: [MeetingBodies.Body]) -> MeetingsAPI.FeedOut {
        MeetingsAPI.FeedOut(
            token: token, personFeed: base + MeetingsRoute.personFeed(.value(token)).path,
            bodyFeeds: bodies.map {
                MeetingsAPI.BodyFeedOut(
                    bodyID: $0.id, url: base + MeetingsRoute.bodyFeed(.value(token), body: .value($0.id)).path)
            })
    }

    /// A new feed token for the caller; the old address stops working.
    static func regenerate(_ caller: Caller, base: String) async throws -> MeetingsAPI.FeedOut {
        let v = try caller.requireViewer()
        var bytes = [UInt8](repeating: 0, count: 24)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        let token = bytes.map { String(format: "%02x", $0) }.joined()
        let userID = v.user.id!
        try await caller.db.writing { db in
            let existing = try await MeetingFeedToken.query(on: db).filter(\.$userID == userID).first()
            let t = existing ?? MeetingFeedToken()
            t.userID = userID
            t.tokenHash = hash(token)
            try await t.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, existing == nil ? .create : .update, entity: .meetingFeed, id: t.id!,
                label: v.user.username, scopePath: v.node.path, before: nil as String?, after: ["token": "new"])
        }
        return urls(token: token, base: base, bodies: try await MeetingBodies.visibleBodies(caller))
    }

    static func hasToken(_ v: Viewer, on db: any Database) async throws -> Date? {
        try await MeetingFeedToken.query(on: db).filter(\.$userID == v.user.id!).first()?.createdAt ?? nil
    }

    /// The feed's owner as a caller, or a 404 (an unknown token tells nothing).
    static func feedCaller(_ req: Request, token: String) async throws -> Caller {
        guard token.count == 48,
            let t = try await MeetingFeedToken.query(on: req.db).filter(\.$tokenHash == hash(token)).first(),
            let v = try await Viewer.load(userID: t.userID, on: req.db)
        else { throw AppError.notFound() }
        var c = req.caller
        c.viewer = v
        return c
    }

    @Sendable static func person(_ req: Request) async throws -> Response {
        let caller = try await feedCaller(req, token: req.parameters.get("token") ?? "")
        let v = try caller.requireViewer()
        let access = try await MeetingAccess.of(v, on: req.db)
        // A person's own meetings: those naming them or their units; staff also get the meetings they run.
        var ids = try await access.involved(nil, on: req.db)
        if MeetingAccess.managers.contains(v.role) {
            let since = req.clock.today.adding(days: -400).description
            ids.formUnion(
                try await Meeting.query(on: req.db).inScope(v.scope, \.$path).filter(\.$day >= since).all()
                    .compactMap(\.id))
        }
        var meetings: [Meeting] = []
        for chunk in Array(ids).chunked(500) {
            meetings += try await Meeting.query(on: req.db).filter(\.$id ~~ chunk).all()
        }
        return respond(
            document(
                name: caller.t(.meetingFeedPersonName, v.user.displayName), meetings, now: caller.now, caller.lang))
    }

    @Sendable static func body(_ req: Request) async throws -> Response {
        let caller = try await feedCaller(req, token: req.parameters.get("token") ?? "")
        let body = try await MeetingBodies.visible(try req.intParameter("body"), caller)
        let meetings = try await Meeting.query(on: req.db).filter(\.$bodyID == body.id).all()
        return respond(document(name: body.name, meetings, now: caller.now, caller.lang))
    }

    static func document(name: String, _ meetings: [Meeting], now: Date, _ lang: Lang) -> String {
        let events = meetings.sorted { ($0.startsAt, $0.id!) < ($1.startsAt, $1.id!) }.map { m in
            ICalendar.Event(
                uid: ICalendar.uid(meetingID: m.id!), sequence: m.sequence,
                stamp: (m.updatedAt ?? m.createdAt ?? now).timeIntervalSince1970,
                start: m.startsAt.timeIntervalSince1970, end: m.endsAt.timeIntervalSince1970,
                summary: MeetingFacts.label(m, lang), location: m.place,
                description: "\(lang.t(.meetingHost))：\(m.host)",
                status: m.state == .cancelled ? .cancelled : .confirmed)
        }
        return ICalendar.document(name: name, events: events)
    }

    static func respond(_ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

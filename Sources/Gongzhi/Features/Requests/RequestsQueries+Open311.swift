import Fluent
import Vapor

/// What Open311 reads from and writes to Requests: the requests an Open311 client may read, as plain records,
/// the categories as services, and raising a request for a client's key.
extension RequestsQueries {
    struct Service: Sendable {
        let code: String
        let name: String
        let nameEn: String
    }

    struct PublicRecord: Sendable {
        let id: Int
        let state: RequestState
        let category: String
        let text: String
        let raisedAt: Date
        let updatedAt: Date
        let stepDeadline: Date?
        let lat: Double?
        let lng: Double?

        init(_ r: ServiceRequest) {
            id = r.id!
            state = r.state
            category = r.category
            text = r.text
            raisedAt = r.raisedAt
            updatedAt = r.closedAt ?? r.resolvedAt ?? r.takenAt ?? r.raisedAt
            stepDeadline = r.stepDeadline
            lat = r.lat
            lng = r.lng
        }
    }

    /// What a client asks for; nil is no condition.
    struct PublicFilter: Sendable {
        var ids: [Int]?
        var codes: [String]?
        /// true: not closed (nor merged); false: closed.
        var open: Bool?
        var from: Date?
        var to: Date?
    }

    /// The active categories, in their order.
    static func services(_ lang: Lang, on db: any Database) async throws -> [Service] {
        try await RequestCategory.query(on: db).filter(\.$active == true).sort(\.$id).all().map {
            Service(code: $0.code, name: $0.name(lang), nameEn: $0.nameEn)
        }
    }

    static func isActiveService(_ code: String, on db: any Database) async throws -> Bool {
        try await RequestCategory.query(on: db).filter(\.$code == code).filter(\.$active == true).first() != nil
    }

    /// Every category's name by code, inactive ones included (old requests name them).
    static func categoryNames(_ lang: Lang, on db: any Database) async throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try await RequestCategory.query(on: db).all().map { ($0.code, $0.name(lang)) })
    }

    /// Requests an Open311 client may read: public ones and those raised through Open311, never a resident's
    /// private one; newest first.
    static func publicRecords(_ f: PublicFilter, limit: Int, on db: any Database) async throws -> [PublicRecord] {
        let q = ServiceRequest.query(on: db).group(.or) {
            $0.filter(\.$isPublic == true).filter(\.$channel == .open311)
        }
        .filter(\.$state != .merged)
        if let ids = f.ids { q.filter(\.$id ~~ ids) }
        if let codes = f.codes { q.filter(\.$category ~~ codes) }
        switch f.open {
        case true?: q.filter(\.$state !~ [.closed, .merged])
        case false?: q.filter(\.$state == .closed)
        case nil: break
        }
        if let from = f.from { q.filter(\.$raisedAt >= from) }
        if let to = f.to { q.filter(\.$raisedAt <= to) }
        return try await q.sort(\.$raisedAt, .descending).limit(limit).all().map(PublicRecord.init)
    }

    /// The id of a request raised through Open311, or nil.
    static func open311RequestID(_ id: Int, on db: any Database) async throws -> Int? {
        guard let r = try await ServiceRequest.find(id, on: db), r.channel == .open311 else { return nil }
        return r.id
    }

    /// Raises a public request for an Open311 client; nil when the category is not an active one.
    static func raiseFromOpen311(
        _ caller: Caller, category code: String, text: String, lat: Double, lng: Double, grid: GridSummary,
        keyName: String
    ) async throws -> (id: Int, number: String)? {
        guard
            let category = try await RequestCategory.query(on: caller.db).filter(\.$code == code)
                .filter(\.$active == true).first()
        else { return nil }
        let r = try await RequestService.create(
            .init(caller), kind: .report, category: category, text: text, lat: lat, lng: lng, householdID: nil,
            grid: grid, reporterUserID: nil, reporterPersonID: nil, channel: .open311, isPublic: true,
            actor: nil, actorName: "Open311 · \(keyName)")
        return (r.id!, r.number)
    }
}

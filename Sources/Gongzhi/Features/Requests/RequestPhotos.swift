import Fluent
import Vapor

/// Photos of a request: the resident's (up to nine) and the evidence staff attach to a step.
/// Kept in the database, so every server process serves them; location metadata stripped unless kept on purpose.
final class RequestPhoto: Model, @unchecked Sendable {
    static let schema = "request_photos"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "request_id") var requestID: Int
    @OptionalField(key: "event_id") var eventID: Int?
    @Field(key: "content_type") var contentType: String
    @Field(key: "bytes") var bytes: Data
    @Field(key: "uploaded_by") var uploadedBy: Int?
    @Field(key: "at") var at: Date
    init() {}
}

struct CreateRequestPhotos: AsyncMigration {
    var name: String { "011_create_request_photos" }
    func prepare(on db: Database) async throws {
        try await db.schema(RequestPhoto.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("request_id", .int, .required, .references(ServiceRequest.schema, .id)).field("event_id", .int)
            .field("content_type", .string, .required).field("bytes", .data, .required).field("uploaded_by", .int)
            .field("at", .datetime, .required).create()
        try await db.createIndex(table: RequestPhoto.schema, column: "request_id")
    }
    func revert(on db: Database) async throws { try await db.schema(RequestPhoto.schema).delete() }
}

enum RequestPhotos {
    static let perRequest = 9
    static let perStep = 9

    /// Checks and stores photos. The resident's go with the request (at most nine in all); staff's go with the
    /// latest event (evidence of a step).
    static func add(_ caller: Caller, to r: ServiceRequest, photos cleaned: [Photos.Cleaned], asEvidence: Bool)
        async throws
        -> [RequestPhoto]
    {
        guard !cleaned.isEmpty else { return [] }
        let v = try caller.requireViewer()
        let eventID =
            asEvidence
            ? try await RequestEvent.query(on: caller.db).filter(\.$requestID == r.id!).sort(\.$id, .descending)
                .first()?
                .id : nil
        let existing = try await RequestPhoto.query(on: caller.db).filter(\.$requestID == r.id!).filter(
            \.$eventID == eventID
        ).count()
        let limit = asEvidence ? perStep : perRequest
        if existing + cleaned.count > limit {
            throw AppError.invalid(.errorPhotoCount, args: [String(limit)], field: "photos")
        }
        let photos = cleaned.map { c -> RequestPhoto in
            let p = RequestPhoto()
            p.requestID = r.id!
            p.eventID = eventID
            p.contentType = c.kind.contentType
            p.bytes = Data(c.bytes)
            p.uploadedBy = v.user.id
            p.at = caller.now
            return p
        }
        try await caller.db.writing { db in
            for p in photos { try await p.create(on: db) }
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .requestPhoto, id: r.id!, label: r.number,
                scopePath: r.path,
                before: nil as String?,
                after: ["photos": String(photos.count), "evidence": asEvidence ? "true" : "false"])
        }
        return photos
    }

    struct PhotoRef: Content {
        let id: Int
        let eventID: Int?
        let url: String
    }

    static func refs(_ requestID: Int, on db: Database) async throws -> [PhotoRef] {
        try await RequestPhoto.query(on: db).filter(\.$requestID == requestID).field(\.$id).field(\.$eventID).sort(
            \.$id
        ).all()
            .map {
                PhotoRef(
                    id: $0.id!, eventID: $0.eventID,
                    url: RequestsRoute.apiPhoto(.value(requestID), photo: .value($0.id!)).path)
            }
    }

    /// Upload: the body is one JPEG or PNG. The reporter adds while the request waits for the grid; staff add
    /// evidence.
    @Sendable static func upload(_ req: Request) async throws -> Response {
        let r = try await RequestAccess.find(try req.intParameter("id"), req.caller)
        let v = try req.requireViewer()
        guard let body = req.body.data else { throw AppError.invalid(.errorPhotoType, field: "photos") }
        let reporter = r.reporterUserID == v.user.id
        if reporter && r.state != .raised { throw AppError.conflict(.errorPhotoLate) }
        let keep = try req.flag("keepLocation") == true && reporter
        let cleaned = try await Photos.clean([Array(body.readableBytesView)], keepLocation: keep, limit: 1, req.caller)
        let stored = try await add(req.caller, to: r, photos: cleaned, asEvidence: !reporter)
        return try await PhotoRef(
            id: stored[0].id!, eventID: stored[0].eventID,
            url: RequestsRoute.apiPhoto(.value(r.id!), photo: .value(stored[0].id!)).path
        )
        .encodeResponse(status: .created, for: req)
    }

    @Sendable static func serve(_ req: Request) async throws -> Response {
        let r = try await RequestAccess.find(try req.intParameter("id"), req.caller)
        guard
            let p = try await RequestPhoto.query(on: req.db).filter(\.$id == (try req.intParameter("photo"))).filter(
                \.$requestID == r.id!
            ).first()
        else {
            throw AppError.notFound()
        }
        if p.eventID == nil, RequestAccess.isAnotherResidents(r, for: try req.requireViewer()) {
            throw await req.outOfScope("photo \(p.id ?? 0) of another resident", scopePath: r.path)
        }
        return Photos.response(p.bytes, contentType: p.contentType)
    }
}

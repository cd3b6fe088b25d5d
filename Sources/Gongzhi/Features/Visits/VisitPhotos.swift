import Fluent
import Vapor

/// Photos taken on a visit (a door notice left, a broken handrail seen): cleaned of their metadata like a request's,
/// stored with the visit in its transaction and shown on the household's visit history to those who may see it.
final class VisitPhoto: Model, @unchecked Sendable {
    static let schema = "visit_photos"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "content_type") var contentType: String
    @Field(key: "bytes") var bytes: Data
    /// The visit's grid branch path, so the photo is scoped (and moved) like the visit.
    @Field(key: "path") var path: String
    @Field(key: "grid_id") var gridID: Int
    init() {}
}

struct CreateVisitPhotos: AsyncMigration {
    var name: String { "013_visit_photos" }
    func prepare(on db: Database) async throws {
        try await db.schema(VisitPhoto.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("visit_id", .int, .required, .references(Visit.schema, .id))
            .field("content_type", .string, .required).field("bytes", .data, .required)
            .field("path", .string, .required).field("grid_id", .int, .required).create()
        try await db.createIndex(table: VisitPhoto.schema, column: "visit_id")
    }
    func revert(on db: Database) async throws { try await db.schema(VisitPhoto.schema).delete() }
}

extension VisitPhoto: ScopedRecord {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], gridColumn: "grid_id")
}

enum VisitPhotos {
    /// Enough for what a visit shows; a request raised on the visit takes its own.
    static let perVisit = 3

    /// Checks and cleans the files before anything is stored (a bad photo leaves no visit half-written): the same
    /// cleaning as a request's photos, location data dropped.
    static func clean(_ files: [[UInt8]], _ caller: Caller) async throws -> [(bytes: [UInt8], type: String)] {
        try await Photos.clean(files, limit: perVisit, caller).map {
            ($0.bytes, $0.kind.contentType)
        }
    }

    /// The photo ids of each visit.
    static func ids(ofVisits visitIDs: [Int], on db: any Database) async throws -> [Int: [Int]] {
        guard !visitIDs.isEmpty else { return [:] }
        var out: [Int: [Int]] = [:]
        for p in try await VisitPhoto.query(on: db).filter(\.$visitID ~~ visitIDs).field(\.$id).field(\.$visitID)
            .sort(\.$id).all()
        {
            out[p.visitID, default: []].append(p.id!)
        }
        return out
    }

    /// One photo, for a viewer who may see people in the visit's grid.
    static func serve(_ caller: Caller, id: Int) async throws -> Response {
        try await caller.require(.viewPeople)
        let p = try await caller.scoped(VisitPhoto.self, id)
        return Photos.response(p.bytes, contentType: p.contentType)
    }
}

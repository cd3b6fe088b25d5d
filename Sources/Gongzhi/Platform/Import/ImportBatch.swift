import Fluent
import Vapor

final class ImportBatch: Model, @unchecked Sendable {
    static let schema = "import_batches"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "encoding") var encoding: String
    @Field(key: "content") var content: String
    @Field(key: "status") var status: String
    @Field(key: "row_count") var rowCount: Int
    @Field(key: "error_count") var errorCount: Int
    @Field(key: "created_by") var createdBy: Int
    @Field(key: "scope_path") var scopePath: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

struct CreateImportBatches: AsyncMigration {
    var name: String { "006_create_import_batches" }
    func prepare(on db: Database) async throws {
        try await db.schema(ImportBatch.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("encoding", .string, .required)
            .field("content", .sql(unsafeRaw: "TEXT"), .required)
            .field("status", .string, .required)
            .field("row_count", .int, .required)
            .field("error_count", .int, .required)
            .field("created_by", .int, .required)
            .field("scope_path", .string, .required)
            .field("created_at", .datetime)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(ImportBatch.schema).delete() }
}

struct ImportProblemOut: Content {
    let column: String?
    let message: String
}
struct ImportRowOut: Content {
    let line: Int
    let name: String
    let orgCode: String
    let problems: [ImportProblemOut]
}
struct ImportPreview: Content {
    let batchId: Int
    let fileName: String
    let encoding: String
    let rowCount: Int
    let errorCount: Int
    let rows: [ImportRowOut]
    let canCommit: Bool
}
struct ImportCommitResult: Content {
    let batchId: Int
    let created: Int
}

/// The platform's preview-and-commit: a CSV upload is checked and kept as a batch, shown row by row, and
/// committed all or nothing by the capability that owns its kind (`Capability.importers`).
struct Importer: Sendable {
    let kind: String
    let commit: @Sendable (Caller, ImportBatch) async throws -> ImportCommitResult

    static var all: [Importer] { Capability.all.flatMap(\.importers) }
}

enum ImportBatches {
    /// Keeps an upload as a batch between its preview and its commit, and answers the preview.
    static func keep(
        _ caller: Caller, kind: String, fileName: String, encoding: String, content: String, rows: [ImportRowOut]
    )
        async throws -> ImportPreview
    {
        let v = try caller.requireViewer()
        let batch = ImportBatch()
        batch.kind = kind
        batch.fileName = String(fileName.prefix(200))
        batch.encoding = encoding
        batch.content = content
        batch.status = "previewed"
        batch.rowCount = rows.count
        batch.errorCount = rows.filter { !$0.problems.isEmpty }.count
        batch.createdBy = v.user.id!
        batch.scopePath = v.node.path
        try await batch.create(on: caller.db)
        return ImportPreview(
            batchId: batch.id!, fileName: batch.fileName, encoding: encoding, rowCount: rows.count,
            errorCount: batch.errorCount, rows: rows, canCommit: batch.errorCount == 0)
    }

    /// A batch the viewer previewed and has not committed; `kind`, when given, is the only kind the route commits
    /// (a units batch is not committed through the people route).
    static func previewed(_ caller: Caller, batchID: Int, kind: String?) async throws -> ImportBatch {
        let v = try caller.requireViewer()
        guard let batch = try await ImportBatch.find(batchID, on: caller.db) else { throw AppError.notFound() }
        guard batch.createdBy == v.user.id else { throw await caller.outOfScope("import batch \(batchID)") }
        if let kind, batch.kind != kind { throw AppError.notFound() }
        guard batch.status == "previewed" else { throw AppError.conflict(.errorImportDone) }
        return batch
    }
}

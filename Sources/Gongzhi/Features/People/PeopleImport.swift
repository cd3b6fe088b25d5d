import Fluent
import Vapor

/// A CSV upload kept between its preview and its commit, so the clerk commits exactly what they saw.
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

enum PeopleImport {
    struct ProblemOut: Content {
        let column: String?
        let message: String
    }
    struct RowOut: Content {
        let line: Int
        let name: String
        let orgCode: String
        let problems: [ProblemOut]
    }
    struct Preview: Content {
        let batchId: Int
        let fileName: String
        let encoding: String
        let rowCount: Int
        let errorCount: Int
        let rows: [RowOut]
        let canCommit: Bool
    }
    struct CommitResult: Content {
        let batchId: Int
        let created: Int
    }

    /// Reads the file and checks every row against the rules and the database (organisation codes in
    /// the importer's scope, ID numbers not yet registered).
    static func check(_ text: String, _ req: Request) async throws -> (
        rows: [PersonImport.Row], nodes: [String: OrgNode]
    ) {
        let v = try await req.require(.importPeople)
        var rows = try await req.offload { try PersonImport.read(try CSV.parse(text)) }
        let codes = Array(Set(rows.map(\.orgCode).filter { !$0.isEmpty }))
        var nodes: [String: OrgNode] = [:]
        for chunk in codes.chunked(500) {
            for n in try await OrgNode.query(on: req.db).filter(\.$code ~~ chunk).all() { nodes[n.code] = n }
        }
        let verdicts = try await DuplicateCheck.idNumbers(rows.compactMap(\.idNumber), req)
        for i in rows.indices where !rows[i].orgCode.isEmpty {
            if let node = nodes[rows[i].orgCode] {
                if node.archived {
                    rows[i].problems.append(.init(.orgCode, "error.tree.archived"))
                } else if !v.scope.includes(node.treePath) {
                    rows[i].problems.append(.init(.orgCode, "error.import.orgOutOfScope"))
                }
            } else {
                rows[i].problems.append(.init(.orgCode, "error.import.orgUnknown", [rows[i].orgCode]))
            }
            if let idn = rows[i].idNumber, let key = verdicts[idn].flatMap(DuplicateCheck.messageKey) {
                rows[i].problems.append(.init(.idNumber, key))
            }
        }
        return (rows, nodes)
    }

    static func preview(_ req: Request, bytes: [UInt8], fileName: String) async throws -> Preview {
        let v = try await req.require(.importPeople)
        if bytes.isEmpty { throw AppError.invalid("error.import.empty", field: "file") }
        let decoded = try TextDecoding.decode(bytes)
        let (rows, _) = try await check(decoded.text, req)
        return try await keep(
            req, kind: "people", fileName: fileName, encoding: decoded.encoding.rawValue, content: decoded.text,
            rows: rows.map { out($0, req.lang) })
    }

    /// Keeps an upload as a batch between its preview and its commit, and answers the preview.
    static func keep(_ req: Request, kind: String, fileName: String, encoding: String, content: String, rows: [RowOut])
        async throws -> Preview
    {
        let v = try req.requireViewer()
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
        try await batch.create(on: req.db)
        return Preview(
            batchId: batch.id!, fileName: batch.fileName, encoding: encoding, rowCount: rows.count,
            errorCount: batch.errorCount, rows: rows, canCommit: batch.errorCount == 0)
    }

    static func out(_ r: PersonImport.Row, _ lang: Lang) -> RowOut {
        RowOut(
            line: r.line, name: r.name, orgCode: r.orgCode,
            problems: r.problems.map {
                ProblemOut(column: $0.column?.rawValue, message: lang.format($0.messageKey, $0.args))
            })
    }

    /// All or nothing: checks again (the database may have changed since the preview), then one transaction.
    /// Commits a previewed batch; `kind`, when given, is the only kind this route commits (a units batch is not
    /// committed through the people route).
    static func commit(_ req: Request, batchID: Int, kind: String? = nil) async throws -> CommitResult {
        let v = try await req.require(.importPeople)
        guard let batch = try await ImportBatch.find(batchID, on: req.db) else { throw AppError.notFound() }
        guard batch.createdBy == v.user.id else { throw await req.outOfScope("import batch \(batchID)") }
        if let kind, batch.kind != kind { throw AppError.notFound() }
        guard batch.status == "previewed" else { throw AppError.conflict("error.import.done") }
        if batch.kind == "units" { return try await UnitsImport.commit(req, batch: batch) }
        if batch.kind == "grids" { return try await GridImport.commit(req, batch: batch) }
        let (rows, nodes) = try await check(batch.content, req)
        let bad = rows.filter { !$0.problems.isEmpty }
        if !bad.isEmpty {
            var e = AppError.invalid("error.import.hasErrors", args: [String(bad.count)])
            e.fields = ["line\(bad[0].line)": bad[0].problems[0].messageKey]
            throw e
        }
        try await req.db.writing { db in
            var entries: [AuditEntry] = []
            for r in rows {
                let p = Person()
                p.name = r.name
                p.idNumber = r.idNumber
                p.phone = r.phone
                p.address = r.address
                p.gender = r.idNumber.flatMap { try? IDNumber($0) }.map { $0.isMale ? "male" : "female" }
                p.setFacets(r.facets)
                p.inService = r.inService
                p.employer = r.employer
                p.joinedOn = r.joinedOn
                p.workerLevel = r.workerGrade?.level
                p.workerStep = r.workerGrade?.step
                p.memberStatus = r.facets.contains(.partyMember) ? .full : nil
                let node = nodes[r.orgCode]!
                p.orgNodeID = node.id!
                p.path = node.path
                p.archived = false
                p.shownToNeighbours = false
                try await p.create(on: db)
                let e = AuditEntry()
                e.at = Date()
                e.actorID = v.user.id
                e.actorName = "\(v.user.displayName) (\(v.user.username))"
                e.action = AuditAction.create.rawValue
                e.entityType = "person"
                e.entityID = p.id!
                e.entityLabel = p.name
                e.scopePath = p.path
                e.afterJSON = String(decoding: try Audit.encoder.encode(p.snapshot), as: UTF8.self)
                entries.append(e)
            }
            try await entries.create(on: db)
            batch.status = "committed"
            try await batch.save(on: db)
            try await Audit.record(
                on: db, by: v, .importCommit, entity: "import_batch", id: batch.id!, label: batch.fileName,
                scopePath: v.node.path, before: nil as String?, after: ["rows": rows.count])
        }
        return CommitResult(batchId: batch.id!, created: rows.count)
    }

    @Sendable static func previewAPI(_ req: Request) async throws -> Preview {
        guard let buffer = req.body.data else { throw AppError.invalid("error.import.empty", field: "file") }
        let name = req.query[String.self, at: "fileName"] ?? "upload.csv"
        return try await preview(req, bytes: Array(buffer.readableBytesView), fileName: name)
    }

    @Sendable static func commitAPI(_ req: Request) async throws -> CommitResult {
        try await commit(req, batchID: try req.intParameter("batch"), kind: "people")
    }

    @Sendable static func commitUnitsAPI(_ req: Request) async throws -> CommitResult {
        try await commit(req, batchID: try req.intParameter("batch"), kind: "units")
    }
}

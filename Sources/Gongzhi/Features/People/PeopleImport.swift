import Fluent
import Vapor

/// A CSV upload kept between its preview and its commit, so the clerk commits exactly what they saw.
enum PeopleImport {
    /// Reads the file and checks every row against the rules and the database (organisation codes in
    /// the importer's scope, ID numbers not yet registered).
    static func check(_ text: String, _ caller: Caller) async throws -> (
        rows: [PersonImport.Row], nodes: [String: OrgNode]
    ) {
        let v = try await caller.require(.importPeople)
        var rows = try await caller.offload { try PersonImport.read(try CSV.parse(text)) }
        let codes = Array(Set(rows.map(\.orgCode).filter { !$0.isEmpty }))
        var nodes: [String: OrgNode] = [:]
        for chunk in codes.chunked(500) {
            for n in try await OrgNode.query(on: caller.db).filter(\.$code ~~ chunk).all() { nodes[n.code] = n }
        }
        let verdicts = try await DuplicateCheck.idNumbers(rows.compactMap(\.idNumber), caller)
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

    static func preview(_ caller: Caller, bytes: [UInt8], fileName: String) async throws -> ImportPreview {
        let v = try await caller.require(.importPeople)
        if bytes.isEmpty { throw AppError.invalid(.errorImportEmpty, field: "file") }
        let decoded = try TextDecoding.decode(bytes)
        let (rows, _) = try await check(decoded.text, caller)
        return try await ImportBatches.keep(
            caller, kind: "people", fileName: fileName, encoding: decoded.encoding.rawValue, content: decoded.text,
            rows: rows.map { out($0, caller.lang) })
    }

    static func out(_ r: PersonImport.Row, _ lang: Lang) -> ImportRowOut {
        ImportRowOut(
            line: r.line, name: r.name, orgCode: r.orgCode,
            problems: r.problems.map {
                ImportProblemOut(column: $0.column?.rawValue, message: lang.format($0.messageKey, $0.args))
            })
    }

    /// All or nothing: checks again (the database may have changed since the preview), then one transaction.
    /// Commits a previewed batch; `kind`, when given, is the only kind this route commits (a units batch is not
    /// committed through the people route).
    static func commit(_ caller: Caller, batchID: Int, kind: String? = nil) async throws -> ImportCommitResult {
        let v = try await caller.require(.importPeople)
        let batch = try await ImportBatches.previewed(caller, batchID: batchID, kind: kind)
        if let importer = Importer.all.first(where: { $0.kind == batch.kind }), batch.kind != "people" {
            return try await importer.commit(caller, batch)
        }
        let (rows, nodes) = try await check(batch.content, caller)
        let bad = rows.filter { !$0.problems.isEmpty }
        if !bad.isEmpty {
            var e = AppError.invalid(.errorImportHasErrors, args: [String(bad.count)])
            e.fields = ["line\(bad[0].line)": bad[0].problems[0].messageKey]
            throw e
        }
        try await caller.db.writing { db in
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
                e.at = caller.now
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
                on: db, by: v, at: caller.now, .importCommit, entity: .importBatch, id: batch.id!,
                label: batch.fileName,
                scopePath: v.node.path, before: nil as String?, after: ["rows": rows.count])
        }
        return ImportCommitResult(batchId: batch.id!, created: rows.count)
    }

    @Sendable static func previewAPI(_ req: Request) async throws -> ImportPreview {
        guard let buffer = req.body.data else { throw AppError.invalid(.errorImportEmpty, field: "file") }
        let name = req.query[String.self, at: "fileName"] ?? "upload.csv"
        return try await preview(req.caller, bytes: Array(buffer.readableBytesView), fileName: name)
    }

    @Sendable static func commitAPI(_ req: Request) async throws -> ImportCommitResult {
        try await commit(req.caller, batchID: try req.intParameter("batch"), kind: "people")
    }

    @Sendable static func commitUnitsAPI(_ req: Request) async throws -> ImportCommitResult {
        try await commit(req.caller, batchID: try req.intParameter("batch"), kind: "units")
    }
}

import Fluent
import Vapor

/// Units from CSV: the same preview-then-commit as people, kept in the same batches.
enum UnitsImport {
    static func check(_ text: String, _ caller: Caller) async throws -> (
        rows: [UnitImport.Row], nodes: [String: OrgNode]
    ) {
        let v = try await caller.require(.importPeople)
        var rows = try await caller.offload { try UnitImport.read(try CSV.parse(text)) }
        let codes = Array(Set(rows.map(\.locationCode) + rows.compactMap(\.partyOrgCode)).filter { !$0.isEmpty })
        var nodes: [String: OrgNode] = [:]
        for chunk in codes.chunked(500) {
            for n in try await OrgNode.query(on: caller.db).filter(\.$code ~~ chunk).all() { nodes[n.code] = n }
        }
        for i in rows.indices {
            for (column, code, territorial) in [
                (UnitImport.Column.locationCode, rows[i].locationCode, true),
                (.partyOrgCode, rows[i].partyOrgCode ?? "", false),
            ] where !code.isEmpty {
                guard let node = nodes[code] else {
                    rows[i].problems.append((column, "error.import.orgUnknown", [code]))
                    continue
                }
                if node.archived {
                    rows[i].problems.append((column, "error.tree.archived", []))
                } else if !v.scope.includes(node.treePath) {
                    rows[i].problems.append((column, "error.import.orgOutOfScope", []))
                } else if node.kind.isTerritorial != territorial {
                    rows[i].problems.append((column, territorial ? "error.unit.location" : "error.unit.partyOrg", []))
                }
            }
        }
        return (rows, nodes)
    }

    static func preview(_ caller: Caller, bytes: [UInt8], fileName: String) async throws -> ImportPreview {
        let v = try await caller.require(.importPeople)
        if bytes.isEmpty { throw AppError.invalid(.errorImportEmpty, field: "file") }
        let decoded = try TextDecoding.decode(bytes)
        let (rows, _) = try await check(decoded.text, caller)
        let out = rows.map { r in
            ImportRowOut(
                line: r.line, name: r.name, orgCode: r.locationCode,
                problems: r.problems.map {
                    ImportProblemOut(
                        column: $0.column?.rawValue, message: caller.lang.format($0.messageKey, $0.args))
                })
        }
        return try await ImportBatches.keep(
            caller, kind: "units", fileName: fileName, encoding: decoded.encoding.rawValue, content: decoded.text,
            rows: out)
    }

    static func commit(_ caller: Caller, batch: ImportBatch) async throws -> ImportCommitResult {
        let v = try caller.requireViewer()
        let (rows, nodes) = try await check(batch.content, caller)
        let bad = rows.filter { !$0.problems.isEmpty }
        if !bad.isEmpty { throw AppError.invalid(.errorImportHasErrors, args: [String(bad.count)]) }
        try await caller.db.writing { db in
            for r in rows {
                let u = ResidentUnit()
                let location = nodes[r.locationCode]!
                u.name = r.name
                u.kind = r.kind!
                u.address = r.address
                u.contactName = r.contactName
                u.contactPhone = r.contactPhone
                u.locationNodeID = location.id!
                u.path = location.path
                u.archived = false
                u.partyOrgNodeID = r.partyOrgCode.flatMap { nodes[$0]?.id }
                try await u.create(on: db)
                try await Audit.record(
                    on: db, by: v, at: caller.now, .create, entity: .residentUnit, id: u.id!, label: u.name,
                    scopePath: u.path, before: nil as ResidentUnit.Snapshot?, after: u.snapshot)
            }
            batch.status = "committed"
            try await batch.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .importCommit, entity: .importBatch, id: batch.id!,
                label: batch.fileName,
                scopePath: v.node.path, before: nil as String?, after: ["rows": rows.count])
        }
        return .init(batchId: batch.id!, created: rows.count)
    }

    @Sendable static func previewAPI(_ req: Request) async throws -> ImportPreview {
        guard let buffer = req.body.data else { throw AppError.invalid(.errorImportEmpty, field: "file") }
        return try await preview(
            req.caller, bytes: Array(buffer.readableBytesView),
            fileName: req.query[String.self, at: "fileName"] ?? "units.csv"
        )
    }
}

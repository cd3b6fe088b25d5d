import Fluent
import Vapor

/// Boundaries of every level as GeoJSON (WGS84), with the figures of each area as properties.
enum PlacesExport {
    enum Level: String { case district, street, community, grid }

    @Sendable static func geojson(_ req: Request) async throws -> Response {
        let v = try await req.require(.exportData)
        let raw = req.query[String.self, at: "level"] ?? "grid"
        guard let level = Level(rawValue: raw) else { throw AppError.badRequest(.errorEnum, args: ["level", raw]) }
        let grids = try await PlacesQueries.gridsInScope(v.scope, on: req.db)
        let figures = try await PlacesQueries.figures(for: grids.compactMap(\.id), on: req.db)
        var features: [(shape: MultiPolygon, properties: [String: Any])] = []
        func props(_ code: String, _ name: String, _ f: GridFigures, extra: [String: Any] = [:]) -> [String: Any] {
            [
                "code": code, "name": name, "level": level.rawValue, "households": f.households,
                "population": f.population,
                "partyMembers": f.partyMembers, "memberHouseholds": f.memberHouseholds,
            ].merging(extra) { a, _ in a }
        }
        if level == .grid {
            let communities = Dictionary(
                uniqueKeysWithValues: try await OrgNode.query(on: req.db).filter(
                    \.$id ~~ Array(Set(grids.map(\.communityNodeID)))
                ).all().map { ($0.id!, $0.code) })
            for g in grids {
                features.append(
                    (
                        g.shape,
                        props(
                            g.code, g.name, figures[g.id!] ?? .init(),
                            extra: ["community": communities[g.communityNodeID] ?? ""])
                    ))
            }
        } else {
            let kind: OrgNodeKind =
                level == .district ? .districtCommittee : level == .street ? .streetCommittee : .communityCommittee
            let nodes = try await OrgQueries.nodesInScope(v.scope, on: req.db).filter { $0.kind == kind }
            let areas = try await PlacesQueries.areas(for: nodes.compactMap(\.id), on: req.db)
            for n in nodes {
                guard let a = areas[n.id!] else { continue }
                let total = grids.filter { TreePath(n.path).contains(TreePath($0.path)) }.reduce(GridFigures()) {
                    $0 + (figures[$1.id!] ?? .init())
                }
                features.append((a.shape, props(n.code, n.name, total)))
            }
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/geo+json; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(level.rawValue)s.geojson\"")
        return Response(status: .ok, headers: headers, body: .init(string: GeoJSON.featureCollection(features)))
    }
}

/// Grid boundaries from a GeoJSON FeatureCollection: every feature needs `code` and `community` (the community's
/// organisation code) and may carry `name`. Existing grids with the same code get the new boundary. The preview
/// lists bad rings, overlaps between grids of one community and gaps between them; the commit is all or nothing.
enum GridImport {
    struct Checked {
        var rows: [ImportRowOut] = []
        var features: [GeoJSON.Feature] = []
        var communities: [String: OrgNode] = [:]
        var errorCount: Int { rows.filter { !$0.problems.isEmpty }.count }
    }

    static func check(_ bytes: [UInt8], _ caller: Caller) async throws -> (Checked, Bool) {
        let v = try await caller.require(.editTree)
        let parsed: (features: [GeoJSON.Feature], gcj02: Bool)
        let outcome: Result<(features: [GeoJSON.Feature], gcj02: Bool), GeoJSON.Problem> = try await caller.offload {
            do throws(GeoJSON.Problem) { return .success(try GeoJSON.parse(bytes)) } catch { return .failure(error) }
        }
        switch outcome {
        case .success(let p): parsed = p
        case .failure(let error): throw AppError.invalid(key: error.messageKey, args: error.args)
        }
        let shapeProblems = try await caller.offload { parsed.features.map { ShapeChecks.check($0.shape) } }
        if parsed.features.isEmpty { throw AppError.invalid(.errorImportEmpty) }
        var c = Checked(features: parsed.features)
        let codes = Array(Set(parsed.features.compactMap { $0.properties["community"] }))
        for n in codes.isEmpty ? [] : try await OrgNode.query(on: caller.db).filter(\.$code ~~ codes).all() {
            c.communities[n.code] = n
        }
        var problems: [[(String?, String, [String])]] = Array(repeating: [], count: parsed.features.count)
        // A code names an existing grid: that grid must be the viewer's to change, not just the file's community.
        var existingByCode: [String: Grid] = [:]
        let fileGridCodes = Array(Set(parsed.features.compactMap { $0.properties["code"]?.trimmingWhitespace() }))
        for chunk in fileGridCodes.chunked(500) {
            for g in try await Grid.query(on: caller.db).filter(\.$code ~~ chunk).all() { existingByCode[g.code] = g }
        }
        var seen: [String: Int] = [:]
        for (i, f) in parsed.features.enumerated() {
            let code = f.properties["code"]?.trimmingWhitespace() ?? ""
            if code.isEmpty {
                problems[i].append(("code", "error.geo.noCode", []))
            } else if let first = seen[code] {
                problems[i].append(("code", "error.geo.duplicateCode", [String(first + 1)]))
            } else {
                seen[code] = i
            }
            if let g = existingByCode[code], !v.scope.includes(TreePath(g.path)) {
                let detail = "grid import over grid \(g.id ?? 0)"
                await AccessLog.write(caller, .forbiddenChange, detail: detail, scopePath: g.path)
                problems[i].append(("code", "error.geo.codeOutOfScope", [code]))
            }
            let community = f.properties["community"] ?? ""
            if community.isEmpty {
                problems[i].append(("community", "error.geo.noCommunity", []))
            } else if let node = c.communities[community] {
                if node.kind != .communityCommittee {
                    problems[i].append(("community", "error.geo.notCommunity", [community]))
                } else if !v.scope.includes(node.treePath) {
                    problems[i].append(("community", "error.import.orgOutOfScope", []))
                }
            } else {
                problems[i].append(("community", "error.import.orgUnknown", [community]))
            }
            for p in shapeProblems[i] { problems[i].append(("geometry", p.messageKey, p.args)) }
        }
        // Overlaps and gaps per community, against the grids already there that the file does not replace.
        let fileCodes = Set(seen.keys)
        let valid = parsed.features.indices.filter { problems[$0].isEmpty }
        for (communityCode, idx) in Dictionary(grouping: valid, by: { parsed.features[$0].properties["community"]! }) {
            guard let node = c.communities[communityCode] else { continue }
            let existing = try await Grid.query(on: caller.db).filter(\.$communityNodeID == node.id!).filter(
                \.$archived == false
            ).all()
                .filter { !fileCodes.contains($0.code) }
            let shapes =
                idx.map { (code: parsed.features[$0].properties["code"]!, shape: parsed.features[$0].shape) }
                + existing.map { (code: $0.code, shape: $0.shape) }
            let (overlaps, gaps) = try await caller.offload {
                (ShapeChecks.overlaps(shapes), ShapeChecks.gaps(shapes.map(\.shape)))
            }
            for (a, b) in overlaps {
                if let i = idx.first(where: { parsed.features[$0].properties["code"] == a }) {
                    problems[i].append(("geometry", "error.geo.overlap", [b]))
                } else if let i = idx.first(where: { parsed.features[$0].properties["code"] == b }) {
                    problems[i].append(("geometry", "error.geo.overlap", [a]))
                }
            }
            for gap in gaps { problems[idx[0]].append(("geometry", gap.messageKey, gap.args)) }
        }
        c.rows = parsed.features.enumerated().map { i, f in
            ImportRowOut(
                line: i + 1, name: f.properties["name"] ?? f.properties["code"] ?? "",
                orgCode: f.properties["community"] ?? "",
                problems: problems[i].map {
                    ImportProblemOut(column: $0.0, message: caller.lang.format($0.1, $0.2))
                })
        }
        return (c, parsed.gcj02)
    }

    static func preview(_ caller: Caller, bytes: [UInt8], fileName: String) async throws -> ImportPreview {
        let v = try await caller.require(.editTree)
        let (c, gcj) = try await check(bytes, caller)
        return try await ImportBatches.keep(
            caller, kind: "grids", fileName: fileName, encoding: gcj ? "gcj02" : "wgs84",
            content: String(decoding: bytes, as: UTF8.self), rows: c.rows)
    }

    static func commit(_ caller: Caller, batch: ImportBatch) async throws -> ImportCommitResult {
        let v = try caller.requireViewer()
        let (c, _) = try await check(Array(batch.content.utf8), caller)
        if c.errorCount > 0 { throw AppError.invalid(.errorImportHasErrors, args: [String(c.errorCount)]) }
        try await caller.db.writing { db in
            for f in c.features {
                let code = f.properties["code"]!.trimmingWhitespace()
                let community = c.communities[f.properties["community"]!]!
                let grid = try await Grid.query(on: db).filter(\.$code == code).first() ?? Grid()
                if let id = grid.id, !v.scope.includes(TreePath(grid.path)) {
                    throw await caller.forbidden("grid import over grid \(id)", scopePath: grid.path)
                }
                let before = grid.id == nil ? nil : grid.snapshot
                if grid.id == nil {
                    grid.code = code
                    grid.archived = false
                    grid.branchNodeID = nil
                    grid.path = community.path
                    grid.name = f.properties["name"] ?? code
                } else if let name = f.properties["name"] {
                    grid.name = name
                }
                let movesCommunity = grid.id != nil && grid.communityNodeID != community.id
                if movesCommunity || grid.id == nil {
                    // A branch belongs to the old community; the grid hangs on the new community until it gets one.
                    grid.communityNodeID = community.id!
                    grid.branchNodeID = nil
                    grid.path = community.path
                }
                grid.set(f.shape)
                try await grid.save(on: db)
                if movesCommunity {
                    try await TreePaths.moveGrid(grid.id!, toPath: grid.path, community: community.id!, on: db)
                }
                try await Audit.record(
                    on: db, by: v, at: caller.now, before == nil ? .create : .update, entity: .grid, id: grid.id!,
                    label: grid.name,
                    scopePath: grid.path, before: before, after: grid.snapshot)
            }
            batch.status = "committed"
            try await batch.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .importCommit, entity: .importBatch, id: batch.id!,
                label: batch.fileName,
                scopePath: v.node.path, before: nil as String?, after: ["grids": c.features.count])
        }
        return .init(batchId: batch.id!, created: c.features.count)
    }

    @Sendable static func previewAPI(_ req: Request) async throws -> ImportPreview {
        guard let buffer = req.body.data else { throw AppError.invalid(.errorImportEmpty) }
        return try await preview(
            req.caller, bytes: Array(buffer.readableBytesView),
            fileName: req.query[String.self, at: "fileName"] ?? "grids.geojson")
    }

    @Sendable static func commitAPI(_ req: Request) async throws -> ImportCommitResult {
        try await PeopleImport.commit(req.caller, batchID: try req.intParameter("batch"), kind: "grids")
    }
}

import Fluent
import Vapor

enum OrgAPI {
    struct NodeOut: Content {
        let id: Int
        let kind: OrgNodeKind
        let name: String
        let code: String
        let parentID: Int?
        let path: String
        let depth: Int
        let archived: Bool
        let mergedIntoID: Int?
        let memberCount: Int?

        init(_ n: OrgNode, lang: Lang, memberCount: Int? = nil) {
            id = n.id!
            kind = n.kind
            name = n.name
            code = n.code
            parentID = n.parentID
            path = n.path
            depth = n.treePath.depth
            archived = n.archived
            mergedIntoID = n.mergedIntoID
            self.memberCount = memberCount
        }
    }
    struct NodeDetail: Content {
        let node: NodeOut
        let ancestors: [NodeOut]
        let children: [NodeOut]
        let peopleCount: Int
        let unitCount: Int
    }
    struct CreateInput: StrictInput {
        static let fields: Set<String> = ["kind", "name", "code", "parentID"]
        let kind: OrgNodeKind
        let name: String
        let code: String?
        let parentID: Int
    }
    struct UpdateInput: StrictInput {
        static let fields: Set<String> = ["name", "code"]
        let name: String?
        let code: String?
    }
    struct MoveInput: StrictInput {
        static let fields: Set<String> = ["parentID"]
        let parentID: Int
    }
    struct MergeInput: StrictInput {
        static let fields: Set<String> = ["targetID"]
        let targetID: Int
    }

    static func register(_ api: RoutesBuilder) {
        api.get(OrganisationRoute.apiNodes, use: list)
        api.post(OrganisationRoute.apiNodes, use: create)
        api.get(OrganisationRoute.apiExport, use: export)
        api.get(OrganisationRoute.apiNode(.key), use: show)
        api.patch(OrganisationRoute.apiNode(.key), use: update)
        api.post(OrganisationRoute.apiMove(.key), use: move)
        api.post(OrganisationRoute.apiMerge(.key), use: merge)
        api.post(OrganisationRoute.apiArchive(.key), use: archive)
        api.get(OrganisationRoute.apiHistory(.key), use: history)
    }

    @Sendable static func list(_ req: Request) async throws -> [NodeOut] {
        let v = try await req.require(.viewTree)
        let includeArchived = try req.flag("includeArchived") ?? false
        var nodes = try await OrgQueries.nodesInScope(v.scope, includeArchived: includeArchived, on: req.db)
        if let raw = req.query[String.self, at: "kind"] {
            guard let kind = OrgNodeKind(rawValue: raw) else {
                throw AppError.badRequest(.errorEnum, args: ["kind", raw])
            }
            nodes = nodes.filter { $0.kind == kind }
        }
        if let raw = req.query[String.self, at: "parentId"] {
            guard let pid = Int(raw) else { throw AppError.badRequest(.errorBadID, args: [raw]) }
            nodes = nodes.filter { $0.parentID == pid }
        }
        let counts = try await OrgQueries.memberCounts(for: nodes, on: req.db)
        return nodes.map { NodeOut($0, lang: req.lang, memberCount: counts[$0.id!] ?? 0) }
    }

    /// The tree in scope as CSV: code, parent code, kind, name, member count.
    @Sendable static func export(_ req: Request) async throws -> Response {
        let v = try await req.require(.exportData)
        let nodes = try await OrgQueries.nodesInScope(v.scope, includeArchived: true, on: req.db)
        let counts = try await OrgQueries.memberCounts(for: nodes, on: req.db)
        let codeOf = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id!, $0.code) })
        let lang = req.lang
        let header = ["field.code", "org.parentCode", "field.kind", "field.name", "facet.partyMember", "org.archived"]
            .map { lang.t(key: $0) }
        let rows = nodes.map { n in
            [
                n.code, n.parentID.flatMap { codeOf[$0] } ?? "", lang.t(key: n.kind.labelKey), n.name,
                String(counts[n.id!] ?? 0),
                n.archived ? lang.t(.commonYes) : lang.t(.commonNo),
            ]
        }
        return CSVResponse.make(fileName: "org-nodes.csv", header: header, rows: rows)
    }

    @Sendable static func show(_ req: Request) async throws -> NodeDetail {
        try await req.require(.viewTree)
        let node = try await OrgQueries.findInScope(try req.intParameter("id"), req.caller)
        let v = try req.requireViewer()
        let ancestors = try await OrgQueries.ancestors(of: node, on: req.db).filter { v.scope.includes($0.treePath) }
        let children = try await OrgNode.query(on: req.db).filter(\.$parentID == node.id!).sort(\.$name).all()
        let counts = try await OrgQueries.memberCounts(for: [node] + children, on: req.db)
        let people = try await PeopleQueries.memberCount(ofNode: node.id!, on: req.db)
        let units = try await UnitsQueries.locatedCount(atNode: node.id!, on: req.db)
        return NodeDetail(
            node: NodeOut(node, lang: req.lang, memberCount: counts[node.id!] ?? 0),
            ancestors: ancestors.map { NodeOut($0, lang: req.lang) },
            children: children.map { NodeOut($0, lang: req.lang, memberCount: counts[$0.id!] ?? 0) },
            peopleCount: people, unitCount: units)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let input = try req.decodeStrict(CreateInput.self)
        let node = try await OrgCommands.create(
            req.caller, kind: input.kind, name: input.name, code: input.code, parentID: input.parentID)
        return try await NodeOut(node, lang: req.lang).encodeResponse(status: .created, for: req)
    }

    @Sendable static func update(_ req: Request) async throws -> NodeOut {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(UpdateInput.self)
        return NodeOut(
            try await OrgCommands.rename(req.caller, id: id, name: input.name, code: input.code), lang: req.lang)
    }

    @Sendable static func move(_ req: Request) async throws -> NodeOut {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(MoveInput.self)
        return NodeOut(try await OrgCommands.move(req.caller, id: id, newParentID: input.parentID), lang: req.lang)
    }

    @Sendable static func merge(_ req: Request) async throws -> NodeOut {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(MergeInput.self)
        return NodeOut(try await OrgCommands.merge(req.caller, id: id, targetID: input.targetID), lang: req.lang)
    }

    @Sendable static func archive(_ req: Request) async throws -> NodeOut {
        NodeOut(try await OrgCommands.archive(req.caller, id: try req.intParameter("id")), lang: req.lang)
    }

    @Sendable static func history(_ req: Request) async throws -> [AuditLogAPI.EntryOut] {
        try await req.require(.viewTree)
        let node = try await OrgQueries.findInScope(try req.intParameter("id"), req.caller)
        let entries = try await AuditHistory.entries(.orgNode, id: node.id!, limit: 200, on: req.db)
        return entries.map { AuditLogAPI.EntryOut($0, lang: req.lang) }
    }
}

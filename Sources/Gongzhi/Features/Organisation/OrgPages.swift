import Fluent
import Vapor

enum OrgPages {
    static func register(_ p: RoutesBuilder) {
        p.get("org", use: tree)
        p.get("org", "list", use: listByKind)
        p.get("org", "export.csv", use: OrgAPI.export)
        p.get("org", ":id", use: node)
        p.post("org", ":id", "children", use: createChild)
        p.post("org", ":id", "rename", use: rename)
        p.post("org", ":id", "move", use: move)
        p.post("org", ":id", "merge", use: merge)
        p.post("org", ":id", "archive", use: archive)
    }

    @Sendable static func tree(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let nodes = try await OrgQueries.nodesInScope(v.scope, on: req.db)
        let counts = try await OrgQueries.memberCounts(for: nodes, on: req.db)
        let byParent = Dictionary(grouping: nodes, by: { $0.parentID ?? 0 })
        let ids = Set(nodes.compactMap(\.id))
        let roots = nodes.filter { $0.parentID.map { !ids.contains($0) } ?? true }
        func branch(_ n: OrgNode, depth: Int) -> HTML {
            let kids = (byParent[n.id!] ?? []).sorted {
                ($0.kind.isTerritorial ? 0 : 1, $0.name) < ($1.kind.isTerritorial ? 0 : 1, $1.name)
            }
            let label: HTML =
                "<a href=\"/org/\(n.id!)\">\(n.name)</a> <span class=\"tag\">\(req.t(n.kind.labelKey))</span> <span class=\"muted\">\(req.t("org.members", String(counts[n.id!] ?? 0)))</span>"
            if kids.isEmpty { return "<li>\(label)</li>" }
            return
                "<li><details\(HTML(raw: depth < 2 ? " open" : ""))><summary>\(label)</summary><ul class=\"tree\">\(kids.map { branch($0, depth: depth + 1) })</ul></details></li>"
        }
        return Layout.page(
            req, title: req.t("org.title"),
            body: """
                <h1>\(req.t("org.title"))</h1>
                <p class="muted">\(req.t("org.treeHint"))</p>
                \(v.can(.exportData) ? "<p><a class=\"button secondary\" href=\"/org/export.csv\">\(req.t("action.exportCSV"))</a></p>" as HTML : HTML.empty)
                <section class="card"><ul class="tree" \
                id="org-tree">\(roots.map { branch($0, depth: 0) })</ul></section>
                """, active: "/org")
    }

    @Sendable static func listByKind(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let raw = req.query[String.self, at: "kind"] ?? ""
        let kind = OrgNodeKind(rawValue: raw)
        guard kind != nil || raw == "unit" else { throw AppError.badRequest("error.enum", args: ["kind", raw]) }
        let nodes = try await OrgQueries.nodesInScope(v.scope, on: req.db).filter { n in
            kind.map { n.kind == $0 } ?? !n.kind.isTerritorial
        }
        let counts = try await OrgQueries.memberCounts(for: nodes, on: req.db)
        let title = kind.map { req.t($0.labelKey) } ?? req.t("home.unitOrganizations")
        return Layout.page(
            req, title: title,
            body: """
                <h1>\(title) <span class="muted">(\(nodes.count))</span></h1>
                <table><thead><tr><th>\(req.t("field.name"))</th><th>\(req.t("field.code"))</th><th>\(req.t("field.kind"))</th><th \
                \
                \
                class="num">\(req.t("facet.partyMember"))</th></tr></thead>
                <tbody>\(nodes.map { "<tr><td><a href=\"/org/\($0.id!)\">\($0.name)</a></td><td>\($0.code)</td><td>\(req.t($0.kind.labelKey))</td><td class=\"num\">\(counts[$0.id!] ?? 0)</td></tr>" as HTML })</tbody></table>
                """, active: "/org")
    }

    static func nodePage(_ req: Request, id: Int, error: AppError? = nil) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let node = try await OrgQueries.findInScope(id, req)
        let ancestors = try await OrgQueries.ancestors(of: node, on: req.db)
        let children = try await OrgNode.query(on: req.db).filter(\.$parentID == id).sort(\.$name).all()
        let counts = try await OrgQueries.memberCounts(for: [node] + children, on: req.db)
        let people = try await Person.query(on: req.db).filter(\.$orgNodeID == id).filter(\.$archived == false).sort(
            \.$name
        ).limit(50).all()
        let peopleTotal = try await Person.query(on: req.db).filter(\.$orgNodeID == id).filter(\.$archived == false)
            .count()
        let units = try await ResidentUnit.query(on: req.db).filter(\.$locationNodeID == id).filter(
            \.$archived == false
        ).sort(\.$name).all()
        let history = try await AuditEntry.query(on: req.db).filter(\.$entityType == "org_node").filter(
            \.$entityID == id
        )
        .sort(\.$at, .descending).sort(\.$id, .descending).limit(50).all()
        let merged = try await node.mergedIntoID.asyncMap { try await OrgNode.find($0, on: req.db) } ?? nil
        let contacts =
            node.kind == .communityCommittee
            ? try await ContactsAPI.refs(
                try await ContactAssignment.query(on: req.db).filter(\.$communityNodeID == id).filter(\.$active == true)
                    .all(), on: req.db)
            : []

        let crumbs: [HTML] = ancestors.map { a in
            v.scope.includes(a.treePath) ? "<a href=\"/org/\(a.id!)\">\(a.name)</a> › " : "<span>\(a.name)</span> › "
        }
        let err: HTML =
            error.map {
                "<p class=\"flash error\" role=\"alert\" id=\"form-error\">\(req.lang.format($0.messageKey, $0.args))</p>"
            } ?? ""
        var forms: [HTML] = []
        if v.can(.editTree) && !node.archived {
            let csrf = CSRF.hiddenField(req)
            forms.append(
                """
                <form method="post" action="/org/\(id)/rename" id="rename-form">\(csrf)
                <label for="name">\(req.t("org.rename"))</label>
                <div class="row"><input id="name" name="name" value="\(node.name)" required maxlength="100">
                <button type="submit">\(req.t("action.save"))</button></div></form>
                """)
            let childKinds = OrgNodeKind.allCases.filter { $0.canBePlaced(under: node.kind) }
            if !childKinds.isEmpty {
                forms.append(
                    """
                    <form method="post" action="/org/\(id)/children">\(csrf)
                    <label for="child-name">\(req.t("org.addChild"))</label>
                    <div class="row"><select name="kind" \
                    aria-label="\(req.t("field.kind"))">\(childKinds.map { "<option value=\"\($0.rawValue)\">\(req.t($0.labelKey))</option>" as HTML })</select>
                    <input id="child-name" name="name" required maxlength="100" placeholder="\(req.t("field.name"))">
                    <button type="submit">\(req.t("action.create"))</button></div></form>
                    """)
            }
            if !v.scope.paths.contains(node.treePath) {
                let all = try await OrgQueries.nodesInScope(v.scope, on: req.db)
                let parents = all.filter {
                    node.kind.canBePlaced(under: $0.kind) && !node.treePath.contains($0.treePath)
                        && $0.id != node.parentID
                }
                let twins = all.filter {
                    $0.kind == node.kind && $0.id != node.id && !node.treePath.contains($0.treePath)
                }
                if !parents.isEmpty {
                    forms.append(
                        """
                        <form method="post" action="/org/\(id)/move">\(csrf)<label \
                        for="move-parent">\(req.t("org.move"))</label>
                        <div class="row"><select id="move-parent" \
                        name="parentId">\(parents.map { "<option value=\"\($0.id!)\">\($0.name)</option>" as HTML })</select>
                        <button type="submit" class="secondary">\(req.t("action.move"))</button></div></form>
                        """)
                }
                if !twins.isEmpty {
                    forms.append(
                        """
                        <form method="post" action="/org/\(id)/merge">\(csrf)<label \
                        for="merge-target">\(req.t("org.merge"))</label>
                        <div class="row"><select id="merge-target" \
                        name="targetId">\(twins.map { "<option value=\"\($0.id!)\">\($0.name)</option>" as HTML })</select>
                        <button type="submit" class="secondary">\(req.t("action.merge"))</button></div>
                        <p class="muted">\(req.t("org.mergeHint"))</p></form>
                        """)
                }
                forms.append(
                    """
                    <form method="post" action="/org/\(id)/archive">\(csrf)<p><button type="submit" \
                    class="secondary">\(req.t("action.archive"))</button>
                    <span class="muted">\(req.t("org.archiveHint"))</span></p></form>
                    """)
            }
        }
        let status: HTML =
            node.archived
            ? "<p class=\"flash error\">\(req.t("org.archived"))\(merged.map { " → <a href=\"/org/\($0.id!)\">\($0.name)</a>" as HTML } ?? "")</p>"
            : ""
        return Layout.page(
            req, title: node.name,
            body: """
                <p class="crumbs">\(crumbs)<strong>\(node.name)</strong></p>
                <h1 id="node-name">\(node.name)</h1>\(status)\(err)
                <p><span class="tag">\(req.t(node.kind.labelKey))</span> <span class="tag">\(req.t("field.code")): \
                \(node.code)</span>
                <span class="tag">\(req.t("org.members", String(counts[id] ?? 0)))</span></p>
                <div class="grid2">
                <section class="card"><h2>\(req.t("org.children")) (\(children.count))</h2>
                <ul>\(children.map { "<li><a href=\"/org/\($0.id!)\" class=\"\($0.archived ? "tag archived" : "")\">\($0.name)</a> <span class=\"muted\">\(req.t($0.kind.labelKey)) · \(req.t("org.members", String(counts[$0.id!] ?? 0)))</span></li>" as HTML })</ul></section>
                \(forms.isEmpty ? HTML.empty : "<section class=\"card\"><h2>\(req.t("org.manage"))</h2>\(forms)</section>")
                <section class="card"><h2>\(req.t("org.people")) (\(peopleTotal))</h2>
                <ul>\(people.map { "<li><a href=\"/people/\($0.id!)\">\($0.name)</a> <span class=\"muted\">\($0.facets.map { req.t($0.labelKey) }.joined(separator: "、"))</span></li>" as HTML })</ul>
                \(peopleTotal > people.count ? "<p><a href=\"/people?orgId=\(id)\">\(req.t("action.more"))</a></p>" as HTML : HTML.empty)</section>
                <section class="card"><h2>\(req.t("nav.units")) (\(units.count))</h2>
                <ul>\(units.map { "<li><a href=\"/units/\($0.id!)\">\($0.name)</a> <span class=\"muted\">\(req.t($0.kind.labelKey))</span></li>" as HTML })</ul></section>
                </div>
                \(contacts.isEmpty ? HTML.empty : "<section class=\"card\" id=\"contacts\"><h2>\(req.t("grid.contacts"))</h2><ul>\(contacts.map { "<li>\($0.title) <a href=\"/people/\($0.leaderPersonID)\">\($0.leaderName)</a>（\($0.since)）</li>" as HTML })</ul></section>" as HTML)
                <section class="card"><h2>\(req.t("org.history"))</h2>\(AuditLogPages.table(req, history))</section>
                """, active: "/org")
    }

    @Sendable static func node(_ req: Request) async throws -> HTML {
        try await nodePage(req, id: try req.intParameter("id"))
    }

    /// Runs a change; on a rule error shows the node page again with the message, status kept.
    static func change(_ req: Request, _ action: (Int) async throws -> OrgNode) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req, { "/org/\(try await action(id).id!)" }, page: { try await nodePage(req, id: id, error: $0) })
    }

    struct ChildForm: Content {
        var kind: String?
        var name: String?
        var code: String?
    }
    struct NameForm: Content {
        var name: String?
        var code: String?
    }
    struct MoveForm: Content { var parentId: Int? }
    struct MergeForm: Content { var targetId: Int? }

    @Sendable static func createChild(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ChildForm.self)
        return try await change(req) { id in
            guard let kind = OrgNodeKind(rawValue: form.kind ?? "") else {
                throw AppError.invalid("error.kind.invalid", field: "kind")
            }
            let child = try await OrgCommands.create(
                req, kind: kind, name: form.name ?? "", code: form.code, parentID: id)
            return child
        }
    }

    @Sendable static func rename(_ req: Request) async throws -> Response {
        let form = try req.content.decode(NameForm.self)
        return try await change(req) {
            try await OrgCommands.rename(req, id: $0, name: form.name ?? "", code: form.code)
        }
    }

    @Sendable static func move(_ req: Request) async throws -> Response {
        let form = try req.content.decode(MoveForm.self)
        return try await change(req) { id in
            guard let p = form.parentId else { throw AppError.invalid("error.parent.required", field: "parentId") }
            return try await OrgCommands.move(req, id: id, newParentID: p)
        }
    }

    @Sendable static func merge(_ req: Request) async throws -> Response {
        let form = try req.content.decode(MergeForm.self)
        return try await change(req) { id in
            guard let t = form.targetId else { throw AppError.invalid("error.target.required", field: "targetId") }
            return try await OrgCommands.merge(req, id: id, targetID: t)
        }
    }

    @Sendable static func archive(_ req: Request) async throws -> Response {
        try await change(req) { try await OrgCommands.archive(req, id: $0) }
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}

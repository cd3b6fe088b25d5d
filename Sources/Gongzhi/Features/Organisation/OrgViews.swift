import Vapor

/// The organisation tree's views: pure functions of a model and the language.
enum OrgViews {
    static func tree(_ m: OrgTreeModel, _ lang: Lang) -> HTML {
        func branch(_ n: OrgNodeRow, depth: Int) -> HTML {
            let kids = m.children[n.id] ?? []
            let label: HTML = """
                <a href="\(OrganisationRoute.node(.value(n.id)))">\(n.name)</a> \
                <span class="tag">\(lang.t(key: n.kind.labelKey))</span> \
                <span class="muted">\(lang.t(.orgMembers, String(n.members)))</span>
                """
            if kids.isEmpty { return "<li>\(label)</li>" }
            // The node's link and the fold of its children are apart: a link inside a summary is two controls
            // in one, which screen readers cannot reach separately.
            let open = HTML(raw: depth < 2 ? " open" : "")
            let list = kids.map { branch($0, depth: depth + 1) }
            return """
                <li>\(label)<details\(open)><summary>\(lang.t(.orgChildCount, String(kids.count)))</summary>\
                <ul class="tree">\(list)</ul></details></li>
                """
        }
        let export: HTML =
            m.canExport
            ? """
            <p><a class="button secondary" href="\(OrganisationRoute.export)">\(lang.t(.actionExportCSV))</a></p>
            """ : ""
        return """
            <h1>\(lang.t(.orgTitle))</h1>
            <p class="muted">\(lang.t(.orgTreeHint))</p>
            \(export)
            <section class="card"><ul class="tree" \
            id="org-tree">\(m.roots.map { branch($0, depth: 0) })</ul></section>
            """
    }

    static func list(_ m: OrgListModel, _ lang: Lang) -> HTML {
        let rows: [HTML] = m.nodes.rows.map { n in
            """
            <tr><td><a href="\(OrganisationRoute.node(.value(n.id)))">\(n.name)</a></td><td>\(n.code)</td>\
            <td>\(lang.t(key: n.kind.labelKey))</td><td class="num">\(n.members)</td></tr>
            """
        }
        return """
            <h1>\(m.title(lang)) <span class="muted">(\(m.nodes.total))</span></h1>
            <table><thead><tr><th>\(lang.t(.fieldName))</th><th>\(lang.t(.fieldCode))</th>\
            <th>\(lang.t(.fieldKind))</th><th class="num">\(lang.t(.facetPartyMember))</th></tr></thead>
            <tbody>\(rows)</tbody></table>\(Widgets.pager(url: m.url, lang: lang, m.nodes))
            """
    }

    static func link(_ r: OrgNodeModel.Ref) -> HTML {
        "<a href=\"\(OrganisationRoute.node(.value(r.id)))\">\(r.name)</a>"
    }

    static func forms(_ m: OrgNodeModel, csrf: HTML, _ lang: Lang) -> [HTML] {
        guard m.canEdit else { return [] }
        let id = m.node.id
        var forms: [HTML] = [
            """
            <form method="post" action="\(OrganisationRoute.rename(.value(id)))" id="rename-form">\(csrf)
            <label for="name">\(lang.t(.orgRename))</label>
            <div class="row"><input id="name" name="name" value="\(m.name)" required maxlength="100">
            <button type="submit">\(lang.t(.actionSave))</button></div></form>
            """
        ]
        if !m.childKinds.isEmpty {
            let kinds = Widgets.options(m.childKinds.map { ($0.rawValue, lang.t(key: $0.labelKey)) })
            forms.append(
                """
                <form method="post" action="\(OrganisationRoute.children(.value(id)))">\(csrf)
                <label for="child-name">\(lang.t(.orgAddChild))</label>
                <div class="row"><select name="kind" \
                aria-label="\(lang.t(.fieldKind))">\(kinds)</select>
                <input id="child-name" name="name" required maxlength="100" placeholder="\(lang.t(.fieldName))">
                <button type="submit">\(lang.t(.actionCreate))</button></div></form>
                """)
        }
        guard m.canRestructure else { return forms }
        if !m.parents.isEmpty {
            let parents = Widgets.options(m.parents.map { (String($0.id), $0.name) })
            forms.append(
                """
                <form method="post" action="\(OrganisationRoute.move(.value(id)))">\(csrf)<label \
                for="move-parent">\(lang.t(.orgMove))</label>
                <div class="row"><select id="move-parent" \
                name="parentId">\(parents)</select>
                <button type="submit" class="secondary">\(lang.t(.actionMove))</button></div></form>
                """)
        }
        if !m.twins.isEmpty {
            let twins = Widgets.options(m.twins.map { (String($0.id), $0.name) })
            forms.append(
                """
                <form method="post" action="\(OrganisationRoute.merge(.value(id)))">\(csrf)<label \
                for="merge-target">\(lang.t(.orgMerge))</label>
                <div class="row"><select id="merge-target" \
                name="targetId">\(twins)</select>
                <button type="submit" class="secondary">\(lang.t(.actionMerge))</button></div>
                <p class="muted">\(lang.t(.orgMergeHint))</p></form>
                """)
        }
        forms.append(
            """
            <form method="post" action="\(OrganisationRoute.archive(.value(id)))">\(csrf)<p><button type="submit" \
            class="secondary">\(lang.t(.actionArchive))</button>
            <span class="muted">\(lang.t(.orgArchiveHint))</span></p></form>
            """)
        return forms
    }

    /// A person's name, linked when the viewer may open their page (a plain name otherwise, never a dead link).
    static func personName(_ id: Int, _ name: String, _ m: OrgNodeModel) -> HTML {
        m.openPeople.contains(id) ? "<a href=\"\(PeopleRoute.person(.value(id)))\">\(name)</a> " : "\(name) "
    }

    static func unitName(_ id: Int, _ name: String, _ m: OrgNodeModel) -> HTML {
        m.openUnits.contains(id) ? "<a href=\"\(UnitsRoute.unit(.value(id)))\">\(name)</a>" : "\(name)"
    }

    static func node(_ m: OrgNodeModel, csrf: HTML, _ lang: Lang) -> HTML {
        let n = m.node
        let crumbs: [HTML] = m.crumbs.map { c in
            c.linked ? "\(link(c.ref)) › " : "<span>\(c.ref.name)</span> › "
        }
        let status: HTML =
            n.archived
            ? "<p class=\"flash error\">\(lang.t(.orgArchived))\(m.mergedInto.map { " → \(link($0))" } ?? "")</p>"
            : ""
        let forms = forms(m, csrf: csrf, lang)
        let manage: HTML =
            forms.isEmpty ? "" : "<section class=\"card\"><h2>\(lang.t(.orgManage))</h2>\(forms)</section>"
        let children: [HTML] = m.children.map { c in
            """
            <li><a href="\(OrganisationRoute.node(.value(c.id)))" class="\(c.archived ? "tag archived" : "")">\
            \(c.name)</a> <span class="muted">\(lang.t(key: c.kind.labelKey)) · \
            \(lang.t(.orgMembers, String(c.members)))</span></li>
            """
        }
        let people: [HTML] = m.people.map { p in
            let facets = p.facets.map { lang.t(key: $0.labelKey) }.joined(separator: "、")
            return """
                <li>\(personName(p.id, p.name, m))<span class="muted">\(facets)</span></li>
                """
        }
        let more: HTML =
            m.peopleTotal > m.people.count
            ? "<p><a href=\"\(PeopleRoute.list.query([("orgId", String(n.id))]))\">\(lang.t(.actionMore))</a></p>"
            : ""
        let units: [HTML] = m.units.map { u in
            """
            <li>\(unitName(u.id, u.name, m)) \
            <span class="muted">\(lang.t(key: u.kindLabelKey))</span></li>
            """
        }
        let contacts: [HTML] = m.contacts.map { c in
            """
            <li>\(c.title) \(personName(c.leaderPersonID, c.leaderName, m))（\(c.since)）</li>
            """
        }
        let contactSection: HTML =
            m.contacts.isEmpty
            ? ""
            : """
            <section class="card" id="contacts"><h2>\(lang.t(.gridContacts))</h2><ul>\(contacts)</ul></section>
            """
        return """
            <p class="crumbs">\(crumbs)<strong>\(n.name)</strong></p>
            <h1 id="node-name">\(n.name)</h1>\(status)\(Widgets.errorSummary(m.error, lang: lang, id: "form-error"))
            <p><span class="tag">\(lang.t(key: n.kind.labelKey))</span> <span class="tag">\(lang.t(.fieldCode)): \
            \(n.code)</span>
            <span class="tag">\(lang.t(.orgMembers, String(n.members)))</span></p>
            <div class="grid2">
            <section class="card"><h2>\(lang.t(.orgChildren)) (\(m.children.count))</h2>
            <ul>\(children)</ul></section>
            \(manage)
            <section class="card"><h2>\(lang.t(.orgPeople)) (\(m.peopleTotal))</h2>
            <ul>\(people)</ul>
            \(more)</section>
            <section class="card"><h2>\(lang.t(.navUnits)) (\(m.units.count))</h2>
            <ul>\(units)</ul></section>
            </div>
            \(contactSection)
            <section class="card"><h2>\(lang.t(.orgHistory))</h2>\
            \(AuditHistory.table(m.history, lang: lang))</section>
            """
    }
}

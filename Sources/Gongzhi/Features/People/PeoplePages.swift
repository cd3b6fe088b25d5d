import Fluent
import Vapor

enum PeoplePages {
    static func register(_ p: RoutesBuilder) {
        p.get("people", use: list)
        p.get("people", "new", use: newForm)
        p.post("people", use: create)
        p.get("people", "export.csv", use: PeopleExport.csv)
        p.get("people", ":id", use: detail)
        p.get("people", ":id", "edit", use: editForm)
        p.post("people", ":id", use: update)
        p.post("people", ":id", "unmask", use: unmask)
        p.post("people", ":id", "archive", use: archive)
        p.get("import", use: ImportPages.form)
        p.post("import", "preview", use: ImportPages.preview)
        p.post("import", ":batch", "commit", use: ImportPages.commit)
    }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewPeople)
        let f = try PeopleService.ListFilter.parse(req)
        let (people, total) = try await PeopleService.list(req, f)
        let out = try await PeopleAPI.out(people, req)
        let q = { (k: String) in req.query[String.self, at: k] ?? "" }
        let facetOptions: [HTML] = PersonFacet.allCases.map {
            "<option value=\"\($0.rawValue)\"\(HTML(raw: q("facet") == $0.rawValue ? " selected" : ""))>\(req.t($0.labelKey))</option>"
        }
        var exportQuery = URLComponents()
        exportQuery.queryItems = ["q", "facet", "orgId", "inService"].compactMap { k in
            req.query[String.self, at: k].map { URLQueryItem(name: k, value: $0) }
        }
        let actions: HTML =
            v.can(.editPeople) ? "<a class=\"button\" href=\"/people/new\">\(req.t("people.new"))</a> " : ""
        let export: HTML =
            v.can(.exportData)
            ? "<a class=\"button secondary\" href=\"/people/export.csv\(exportQuery.string ?? "")\">\(req.t("action.exportCSV"))</a>"
            : ""
        return Layout.page(
            req, title: req.t("nav.people"),
            body: """
                <h1>\(req.t("nav.people")) <span class="muted">(\(total))</span></h1>
                <form method="get" action="/people" class="card row" role="search">
                <input type="hidden" name="orgId" value="\(q("orgId"))">
                <div><label for="q">\(req.t("people.search"))</label><input id="q" name="q" value="\(q("q"))" \
                placeholder="\(req.t("people.searchHint"))"></div>
                <div><label for="facet">\(req.t("field.facets"))</label><select id="facet" name="facet"><option \
                value="">\(req.t("audit.any"))</option>\(facetOptions)</select></div>
                <div><button type="submit">\(req.t("action.search"))</button></div></form>
                <p>\(actions)\(export)</p>
                <table \
                id="people-table"><thead><tr><th>\(req.t("field.name"))</th><th>\(req.t("field.phone"))</th><th>\(req.t("field.idNumber"))</th>
                <th>\(req.t("field.facets"))</th><th>\(req.t("field.org"))</th></tr></thead><tbody>
                \(out.map { "<tr><td><a href=\"/people/\($0.id)\">\($0.name)</a></td><td>\($0.phone ?? "")</td><td>\($0.idNumber ?? "")</td><td>\($0.facetLabels.joined(separator: "、"))</td><td>\($0.orgNodeName ?? "")</td></tr>" as HTML })
                </tbody></table>\(AuditLogPages.pager(req, hasNext: f.page * PeopleService.pageSize < total, page: f.page))
                """, active: "/people")
    }

    static func detailTable(_ req: Request, _ o: PersonOut) -> HTML {
        func row(_ key: String, _ value: String?) -> HTML {
            guard let value, !value.isEmpty else { return "" }
            return "<tr><th>\(req.t(key))</th><td>\(value)</td></tr>"
        }
        return """
            <table class="detail" id="person-detail">
            \(row("field.name", o.name))\(row("field.gender", o.gender.map { req.t("gender.\($0)") }))
            \(row("field.idNumber", o.idNumber))\(row("field.birthDate", o.birthDate))\(row("field.phone", o.phone))\(row("field.address", o.address))
            \(row("field.facets", o.facetLabels.joined(separator: "、")))\(row("field.org", o.orgNodeName))
            \(o.facets.contains(.partyMember) ? row("field.inService", o.inService ? req.t("common.yes") : req.t("common.no")) : HTML.empty)
            \(row("field.employer", o.employer))\(row("field.joinedOn", o.joinedOn))
            \(row("field.memberStatus", o.memberStatus.map { req.t($0.labelKey) }))\(row("field.workerGrade", o.workerGradeLabel))
            </table>
            """
    }

    static func detailPage(_ req: Request, _ p: Person, masked: Bool) async throws -> HTML {
        let v = try req.requireViewer()
        let out = try await PeopleAPI.out([p], req, masked: masked)[0]
        let history = try await AuditEntry.query(on: req.db).filter(\.$entityType == "person").filter(
            \.$entityID == p.id!
        )
        .sort(\.$at, .descending).sort(\.$id, .descending).limit(50).all()
        let csrf = CSRF.hiddenField(req)
        var actions: [HTML] = []
        if masked && v.can(.unmaskPersonalData) {
            actions.append(
                "<form method=\"post\" action=\"/people/\(p.id!)/unmask\" class=\"inline\">\(csrf)<button type=\"submit\" class=\"secondary\" id=\"unmask\">\(req.t("people.unmask"))</button></form> "
            )
        }
        let canEdit = v.can(.editPeople) && v.scope.includes(TreePath(p.path)) && !p.archived
        if canEdit {
            actions.append("<a class=\"button\" href=\"/people/\(p.id!)/edit\">\(req.t("action.edit"))</a> ")
            actions.append(
                "<form method=\"post\" action=\"/people/\(p.id!)/archive\" class=\"inline\">\(csrf)<button type=\"submit\" class=\"secondary\">\(req.t("action.archive"))</button></form>"
            )
        }
        let contacts = try await ContactsAPI.refs(
            try await ContactAssignment.query(on: req.db).filter(\.$leaderPersonID == p.id!).filter(\.$active == true)
                .all(), on: req.db)
        let targets = try await contactTargets(contacts, on: req.db)
        let contactHTML: HTML =
            contacts.isEmpty
            ? ""
            : "<section class=\"card\" id=\"contacts\"><h2>\(req.t("grid.contacts"))</h2><ul>\(contacts.map { c in "<li>\(c.title) · \(targets[c.id] ?? "")（\(c.since)）</li>" as HTML })</ul></section>"
        let note: HTML =
            masked
            ? "<p class=\"muted\">\(req.t("people.maskedNote"))</p>"
            : "<p class=\"flash\">\(req.t("people.unmaskedNote"))</p>"
        return Layout.page(
            req, title: p.name,
            body: """
                <h1>\(p.name)\(p.archived ? " · " + req.t("org.archived") : "")</h1>\(note)
                <section class="card">\(detailTable(req, out))<p>\(actions)</p></section>\(contactHTML)
                \(v.can(.viewAudit) ? "<section class=\"card\"><h2>\(req.t("org.history"))</h2>\(AuditLogPages.table(req, history))</section>" as HTML : HTML.empty)
                """, active: "/people")
    }

    /// Names of the communities and compounds a leader is assigned to.
    static func contactTargets(_ cs: [PlacesAPI.ContactRef], on db: Database) async throws -> [Int: String] {
        var out: [Int: String] = [:]
        for c in cs {
            if let n = c.communityNodeID { out[c.id] = try await OrgNode.find(n, on: db)?.name }
            if let g = c.gridID { out[c.id] = try await Grid.find(g, on: db)?.name }
        }
        return out
    }

    @Sendable static func detail(_ req: Request) async throws -> HTML {
        try await detailPage(req, try await PeopleService.find(try req.intParameter("id"), req), masked: true)
    }

    @Sendable static func unmask(_ req: Request) async throws -> HTML {
        try await detailPage(req, try await PeopleService.unmasked(req, id: try req.intParameter("id")), masked: false)
    }

    /// The form for a new or existing person; values typed are kept when the form comes back with errors.
    static func formPage(_ req: Request, person: Person?, input: PersonInput?, error: AppError?) async throws -> HTML {
        let v = try await req.require(.editPeople)
        let nodes = try await OrgQueries.nodesInScope(v.scope, on: req.db)
        let communities = try await OrgNode.query(on: req.db).filter(\.$kind == .communityCommittee).filter(
            \.$archived == false
        ).sort(\.$name).all()
        let facets = Set(input?.facets ?? person?.facets ?? [])
        let orgID = input?.orgNodeID ?? person?.orgNodeID
        let homeID = input?.homeNodeID ?? person?.homeNodeID
        let grade = input?.workerGrade ?? person?.workerGrade
        func val(_ a: String?, _ b: String?) -> String { a ?? b ?? "" }
        func fieldError(_ f: String) -> HTML {
            guard let key = error?.fields[f] else { return "" }
            return "<span class=\"field-error\" id=\"error-\(f)\">\(req.t(key))</span>"
        }
        let summary: HTML =
            error.map { "<p class=\"flash error\" role=\"alert\">\(req.lang.format($0.messageKey, $0.args))</p>" } ?? ""
        let action = person.map { "/people/\($0.id!)" } ?? "/people"
        return Layout.page(
            req, title: person?.name ?? req.t("people.new"),
            body: """
                <h1>\(person?.name ?? req.t("people.new"))</h1>\(summary)
                <form method="post" action="\(action)" class="card" id="person-form">\(CSRF.hiddenField(req))
                <label for="name">\(req.t("field.name"))</label><input id="name" name="name" \
                value="\(val(input?.name, person?.name))" required maxlength="50">\(fieldError("name"))
                <fieldset><legend>\(req.t("field.facets"))</legend>\(PersonFacet.allCases.map { "<label><input type=\"checkbox\" name=\"facets[]\" value=\"\($0.rawValue)\"\(HTML(raw: facets.contains($0) ? " checked" : ""))> \(req.t($0.labelKey))</label>" as HTML })</fieldset>\(fieldError("facets"))
                <label for="orgNodeId">\(req.t("field.org"))</label><select id="orgNodeId" \
                name="orgNodeId">\(nodes.map { "<option value=\"\($0.id!)\"\(HTML(raw: $0.id == orgID ? " selected" : ""))>\($0.name) · \(req.t($0.kind.labelKey))</option>" as HTML })</select>\(fieldError("orgNodeId"))
                <label for="idNumber">\(req.t("field.idNumber"))</label><input id="idNumber" name="idNumber" \
                value="\(input?.idNumber ?? "")" placeholder="\(person?.idNumber.map(Masking.idNumber) ?? "")" \
                maxlength="18" autocomplete="off">\(fieldError("idNumber"))
                <label for="phone">\(req.t("field.phone"))</label><input id="phone" name="phone" \
                value="\(input?.phone ?? "")" placeholder="\(person?.phone.map(Masking.phone) ?? "")" inputmode="tel" \
                maxlength="20">\(fieldError("phone"))
                <label for="address">\(req.t("field.address"))</label><input id="address" name="address" \
                value="\(input?.address ?? "")" placeholder="\(person?.address.map(Masking.address) ?? "")" \
                maxlength="200">\(fieldError("address"))
                <p class="muted">\(person == nil ? "" : req.t("people.keepHint"))</p>
                <label><input type="checkbox" name="inService" \
                value="true"\(HTML(raw: (input?.inService ?? person?.inService ?? false) ? " checked" : ""))> \
                \(req.t("field.inService"))</label>
                <label for="employer">\(req.t("field.employer"))</label><input id="employer" name="employer" \
                value="\(val(input?.employer, person?.employer))" maxlength="100">\(fieldError("employer"))
                <label for="homeNodeId">\(req.t("field.homeCommunity"))</label><select id="homeNodeId" \
                name="homeNodeId"><option \
                value="">—</option>\(communities.map { "<option value=\"\($0.id!)\"\(HTML(raw: $0.id == homeID ? " selected" : ""))>\($0.name)</option>" as HTML })</select>\(fieldError("homeNodeId"))
                <label for="joinedOn">\(req.t("field.joinedOn"))</label><input id="joinedOn" name="joinedOn" \
                type="date" value="\(val(input?.joinedOn, person?.joinedOn))">\(fieldError("joinedOn"))
                <label for="workerGrade">\(req.t("field.workerGrade"))</label><select id="workerGrade" \
                name="workerGrade"><option \
                value="">—</option>\(WorkerGrade.all.map { "<option value=\"\($0.level)-\($0.step)\"\(HTML(raw: $0 == grade ? " selected" : ""))>\(req.lang == .zhHans ? $0.chineseLabel : $0.englishLabel)</option>" as HTML })</select>\(fieldError("workerGrade"))
                <p><button type="submit">\(req.t("action.save"))</button></p></form>
                """, active: "/people")
    }

    /// Browser forms post flat fields; the same PersonInput as the API checks them.
    struct Form: Content {
        var name: String?
        var facets: [String]?
        var orgNodeId: String?
        var idNumber: String?
        var phone: String?
        var address: String?
        var inService: String?
        var employer: String?
        var homeNodeId: String?
        var joinedOn: String?
        var workerGrade: String?

        func input(isNew: Bool) throws -> PersonInput {
            var i = PersonInput()
            i.name = name
            var fs: [PersonFacet] = []
            for raw in facets ?? [] {
                guard let f = PersonFacet(rawValue: raw) else {
                    throw AppError.invalid("error.import.unknownFacet", field: "facets")
                }
                fs.append(f)
            }
            i.facets = fs
            i.orgNodeID = orgNodeId.flatMap { Int($0) }
            // Masked fields show a placeholder: an empty box keeps the stored value.
            i.idNumber = isNew ? idNumber : idNumber.flatMap { $0.isEmpty ? nil : $0 }
            i.phone = isNew ? phone : phone.flatMap { $0.isEmpty ? nil : $0 }
            i.address = isNew ? address : address.flatMap { $0.isEmpty ? nil : $0 }
            i.inService = inService == "true"
            i.employer = employer
            i.homeNodeID = homeNodeId.flatMap { Int($0) }
            i.joinedOn = joinedOn
            if let g = workerGrade, !g.isEmpty {
                guard let grade = PersonImport.grade(g) else {
                    throw AppError.invalid("error.grade.text", field: "workerGrade")
                }
                i.workerGrade = grade
            }
            return i
        }
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        try await formPage(req, person: nil, input: nil, error: nil)
    }

    @Sendable static func editForm(_ req: Request) async throws -> HTML {
        let p = try await PeopleService.findForChange(try req.intParameter("id"), req)
        return try await formPage(req, person: p, input: nil, error: nil)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var input = PersonInput()
        do {
            input = try form.input(isNew: true)
            let p = try await PeopleService.create(req, input)
            Layout.flash(req, "flash.saved")
            return req.redirect(to: "/people/\(p.id!)")
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await formPage(req, person: nil, input: input, error: e).encodeResponse(
                status: e.status, for: req)
        }
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let form = try req.content.decode(Form.self)
        var input = PersonInput()
        do {
            input = try form.input(isNew: false)
            _ = try await PeopleService.update(req, id: id, input)
            Layout.flash(req, "flash.saved")
            return req.redirect(to: "/people/\(id)")
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let p = try await PeopleService.findForChange(id, req)
            return try await formPage(req, person: p, input: input, error: e).encodeResponse(status: e.status, for: req)
        }
    }

    @Sendable static func archive(_ req: Request) async throws -> Response {
        let p = try await PeopleService.archive(req, id: try req.intParameter("id"))
        Layout.flash(req, "flash.archived")
        return req.redirect(to: "/people/\(p.id!)")
    }
}

import Vapor

/// People's views: pure functions of a model and the language.
enum PeopleViews {
    static func list(_ m: PeopleListModel, _ lang: Lang) -> HTML {
        let facets = Widgets.options(
            PersonFacet.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) }, selected: m.facet)
        let create: HTML =
            m.canCreate ? "<a class=\"button\" href=\"\(PeopleRoute.new)\">\(lang.t(.peopleNew))</a> " : ""
        let masked: HTML =
            m.export.map { "<a class=\"button secondary\" href=\"\($0)\" download>\(lang.t(.actionExportCSV))</a> " }
            ?? ""
        let clear: HTML =
            m.exportForImport.map {
                "<a class=\"button secondary\" href=\"\($0)\" download>\(lang.t(.peopleExportForImport))</a>"
            } ?? ""
        let export: HTML = "\(masked)\(clear)"
        let rows: [HTML] = m.people.map { p in
            let facets = p.facets.map { lang.t(key: $0.labelKey) }.joined(separator: "、")
            return """
                <tr><td data-label="\(lang.t(.fieldName))">\
                <a href="\(PeopleRoute.person(.value(p.id)))">\(p.name)</a></td>\
                <td data-label="\(lang.t(.fieldPhone))">\(p.phone ?? "")</td>\
                <td data-label="\(lang.t(.fieldIdNumber))">\(p.idNumber ?? "")</td>\
                <td data-label="\(lang.t(.fieldFacets))">\(facets)</td>\
                <td data-label="\(lang.t(.fieldOrg))">\(p.orgNodeName ?? "")</td></tr>
                """
        }
        return """
            <h1>\(lang.t(.navPeople)) <span class="muted">(\(m.total))</span></h1>
            <form method="get" action="\(PeopleRoute.list)" class="card row" role="search">
            <input type="hidden" name="orgId" value="\(m.orgID)">
            <div><label for="q">\(lang.t(.peopleSearch))</label><input id="q" name="q" value="\(m.q)" \
            placeholder="\(lang.t(.peopleSearchHint))"></div>
            <div><label for="facet">\(lang.t(.fieldFacets))</label><select id="facet" name="facet"><option \
            value="">\(lang.t(.auditAny))</option>\(facets)</select></div>
            <div><button type="submit">\(lang.t(.actionSearch))</button></div></form>
            <p>\(create)\(export)</p>
            <table id="people-table" class="list"><thead><tr><th>\(lang.t(.fieldName))</th>\
            <th>\(lang.t(.fieldPhone))</th>\
            <th>\(lang.t(.fieldIdNumber))</th>
            <th>\(lang.t(.fieldFacets))</th><th>\(lang.t(.fieldOrg))</th></tr></thead><tbody>
            \(rows)
            </tbody></table>\(Widgets.pager(url: m.url, lang: lang, m.paged))
            """
    }

    static func detailTable(_ o: PersonRecord, _ lang: Lang) -> HTML {
        func row(_ key: String, _ value: String?) -> HTML {
            guard let value, !value.isEmpty else { return "" }
            return "<tr><th>\(lang.t(key: key))</th><td>\(value)</td></tr>"
        }
        let inService: HTML =
            o.facets.contains(.partyMember)
            ? row("field.inService", o.inService ? lang.t(.commonYes) : lang.t(.commonNo)) : ""
        let grade = o.workerGrade.map { lang == .zhHans ? $0.chineseLabel : $0.englishLabel }
        return """
            <table class="detail" id="person-detail">
            \(row("field.name", o.name))\(row("field.gender", o.gender.map { lang.t(key: "gender.\($0)") }))
            \(row("field.idNumber", o.idNumber))\(row("field.birthDate", o.birthDate))\(row("field.phone", o.phone))\
            \(row("field.address", o.address))
            \(row("field.facets", o.facets.map { lang.t(key: $0.labelKey) }.joined(separator: "、")))\
            \(row("field.org", o.orgNodeName))
            \(inService)
            \(row("field.employer", o.employer))\(row("field.joinedOn", o.joinedOn))
            \(row("field.memberStatus", o.memberStatus.map { lang.t(key: $0.labelKey) }))\
            \(row("field.workerGrade", grade))
            </table>
            """
    }

    static func person(_ m: PersonPageModel, csrf: HTML, _ lang: Lang) -> HTML {
        let p = m.person
        var actions: [HTML] = []
        if m.canUnmask {
            let unmask = PeopleRoute.unmask(.value(p.id))
            actions.append("<form method=\"post\" action=\"\(unmask)\" class=\"inline\">\(csrf)")
            actions.append(
                "<button type=\"submit\" class=\"secondary\" id=\"unmask\">\(lang.t(.peopleUnmask))</button></form> ")
        }
        if m.canEdit {
            actions.append(
                "<a class=\"button\" href=\"\(PeopleRoute.edit(.value(p.id)))\">\(lang.t(.actionEdit))</a> ")
            actions.append(
                """
                <form method="post" action="\(PeopleRoute.archive(.value(p.id)))" class="inline">\(csrf)\
                <button type="submit" class="secondary">\(lang.t(.actionArchive))</button></form>
                """)
        }
        let contacts: [HTML] = m.contacts.map { c in "<li>\(c.title) · \(c.target)（\(c.since)）</li>" }
        let contactHTML: HTML =
            m.contacts.isEmpty
            ? ""
            : """
            <section class="card" id="contacts"><h2>\(lang.t(.gridContacts))</h2><ul>\(contacts)</ul></section>
            """
        let note: HTML =
            m.masked
            ? "<p class=\"muted\">\(lang.t(.peopleMaskedNote))</p>"
            : "<p class=\"flash\">\(lang.t(.peopleUnmaskedNote))</p>"
        let history: HTML =
            m.history.map {
                """
                <section class="card"><h2>\(lang.t(.orgHistory))</h2>\(AuditHistory.table($0, lang: lang))</section>
                """
            } ?? ""
        return """
            <h1>\(p.name)\(p.archived ? " · " + lang.t(.orgArchived) : "")</h1>\(note)
            <section class="card">\(detailTable(p, lang))<p>\(actions)</p></section>\(contactHTML)
            \(history)
            """
    }

    static func form(_ m: PersonFormModel, csrf: HTML, _ lang: Lang) -> HTML {
        let person = m.person
        let input = m.input
        let facets = Set(input?.facets ?? person?.facets ?? [])
        let orgID = input?.orgNodeID ?? person?.orgNodeID
        let homeID = input?.homeNodeID ?? person?.homeNodeID
        let grade = input?.workerGrade ?? person?.workerGrade
        func val(_ a: String?, _ b: String?) -> String { a ?? b ?? "" }
        func fieldError(_ f: String) -> HTML {
            Widgets.fieldProblem(m.error, f, lang)
        }
        let action = person.map { PeopleRoute.person(.value($0.id)).path } ?? PeopleRoute.list.path
        let facetBoxes: [HTML] = PersonFacet.allCases.map {
            let checked = HTML(raw: facets.contains($0) ? " checked" : "")
            return """
                <label><input type="checkbox" name="facets[]" value="\($0.rawValue)"\(checked)> \
                \(lang.t(key: $0.labelKey))</label>
                """
        }
        let nodes = Widgets.options(
            m.nodes.map { (String($0.id), "\($0.name) · \(lang.t(key: $0.kindLabelKey))") },
            selected: orgID.map(String.init)
        )
        let communities = Widgets.options(
            m.communities.map { (String($0.id), $0.name) }, selected: homeID.map(String.init))
        let grades = Widgets.options(
            WorkerGrade.all.map { ("\($0.level)-\($0.step)", lang == .zhHans ? $0.chineseLabel : $0.englishLabel) },
            selected: grade.map { "\($0.level)-\($0.step)" })
        let inService = HTML(raw: (input?.inService ?? person?.inService ?? false) ? " checked" : "")
        return """
            <h1>\(person?.name ?? lang.t(.peopleNew))</h1>\(Widgets.errorSummary(m.error, lang: lang))
            <form method="post" action="\(action)" class="card" id="person-form">\(csrf)
            <label for="name">\(lang.t(.fieldName))</label><input id="name" name="name" \
            value="\(val(input?.name, person?.name))" required maxlength="50">\(fieldError("name"))
            <fieldset><legend>\(lang.t(.fieldFacets))</legend>\(facetBoxes)</fieldset>\(fieldError("facets"))
            \(Widgets.filter(for: "orgNodeId", label: lang.t(.fieldOrgFind)))
            <label for="orgNodeId">\(lang.t(.fieldOrg))</label><select id="orgNodeId" \
            name="orgNodeId">\(nodes)</select>\(fieldError("orgNodeId"))
            <label for="idNumber">\(lang.t(.fieldIdNumber))</label><input id="idNumber" name="idNumber" \
            value="\(input?.idNumber ?? "")" placeholder="\(person?.idNumber ?? "")" \
            maxlength="18" autocomplete="off">\(fieldError("idNumber"))
            <label for="phone">\(lang.t(.fieldPhone))</label><input id="phone" name="phone" \
            value="\(input?.phone ?? "")" placeholder="\(person?.phone ?? "")" inputmode="tel" \
            maxlength="20">\(fieldError("phone"))
            <label for="address">\(lang.t(.fieldAddress))</label><input id="address" name="address" \
            value="\(input?.address ?? "")" placeholder="\(person?.address ?? "")" \
            maxlength="200">\(fieldError("address"))
            <p class="muted">\(person == nil ? "" : lang.t(.peopleKeepHint))</p>
            <label><input type="checkbox" name="inService" \
            value="true"\(inService)> \
            \(lang.t(.fieldInService))</label>
            <label for="employer">\(lang.t(.fieldEmployer))</label><input id="employer" name="employer" \
            value="\(val(input?.employer, person?.employer))" maxlength="100">\(fieldError("employer"))
            <label for="homeNodeId">\(lang.t(.fieldHomeCommunity))</label><select id="homeNodeId" \
            name="homeNodeId"><option \
            value="">—</option>\(communities)</select>\(fieldError("homeNodeId"))
            <label for="joinedOn">\(lang.t(.fieldJoinedOn))</label><input id="joinedOn" name="joinedOn" \
            type="date" value="\(val(input?.joinedOn, person?.joinedOn))">\(fieldError("joinedOn"))
            <label for="workerGrade">\(lang.t(.fieldWorkerGrade))</label><select id="workerGrade" \
            name="workerGrade"><option \
            value="">—</option>\(grades)</select>\(fieldError("workerGrade"))
            <p><button type="submit">\(lang.t(.actionSave))</button></p></form>
            """
    }
}

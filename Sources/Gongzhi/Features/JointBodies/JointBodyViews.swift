import GongzhiCore
import Vapor

/// The desk's list of bodies with the new body form, and one body's page with its forms. Pure functions of the
/// model and the language.
enum JointBodyViews {
    struct ListModel: Sendable {
        let bodies: Paged<JointBodySummary>
        let url: String
        let kind: JointBodyKind?
        /// Organisations a new body may hang on; empty when the viewer may not make one.
        let nodes: [(id: Int, name: String)]
        let mayExport: Bool
    }

    struct BodyModel: Sendable {
        let detail: JointBodyDetail
        /// The form's choices, only when the viewer may change the body.
        let units: [UnitsQueries.BodyUnit]
        let people: [PeopleQueries.Brief]
    }

    static func label(_ k: JointBodyKind, _ lang: Lang) -> String { lang.t(key: k.labelKey) }

    static func list(_ m: ListModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let kinds =
            [(value: "", label: lang.t(.jointBodyAllKinds))]
            + JointBodyKind.allCases.map { (value: $0.rawValue, label: label($0, lang)) }
        let rows: [HTML] = m.bodies.rows.map { b in
            let triad: String =
                switch b.triadComplete {
                case true?: lang.t(.jointBodyTriadComplete)
                case false?: lang.t(.jointBodyTriadIncomplete)
                case nil: "—"
                }
            return """
                <tr><td><a href="\(JointBodiesRoute.body(.value(b.id)))">\(b.name)</a></td>\
                <td>\(label(b.kind, lang))</td><td>\(b.nodeName)</td><td class="num">\(b.memberUnits)</td>\
                <td class="num">\(b.seats)</td><td class="num">\(b.partTimeMembers)</td><td>\(triad)</td></tr>
                """
        }
        let create: HTML =
            m.nodes.isEmpty
            ? ""
            : """
            <form method="post" action="\(JointBodiesRoute.page)" class="card" id="new-body">\(csrf)
            <h2>\(lang.t(.jointBodyNew))</h2>\(Widgets.errorSummary(error, lang: lang))
            <label for="name">\(lang.t(.jointBodyName))</label>\
            <input id="name" name="name" required maxlength="100">
            <label for="kind">\(lang.t(.jointBodyKind))</label>\
            <select id="kind" name="kind">\(Widgets.options(Array(kinds.dropFirst())))</select>
            <label for="nodeId">\(lang.t(.jointBodyNode))</label>\
            <select id="nodeId" name="nodeId">\(Widgets.options(m.nodes.map { (String($0.id), $0.name) }))</select>
            <label for="establishedOn">\(lang.t(.jointBodyEstablished))</label>\
            <input id="establishedOn" name="establishedOn" type="date">
            <button>\(lang.t(.jointBodyCreate))</button></form>
            """
        return """
            <h1>\(lang.t(.navJointBodies))</h1>
            <p class="muted">\(lang.t(.jointBodyIntro))</p>
            <form method="get" action="\(JointBodiesRoute.page)" class="filters">\
            <label for="kind-filter">\(lang.t(.jointBodyKind))</label>\
            <select id="kind-filter" name="kind">\(Widgets.options(kinds, selected: m.kind?.rawValue ?? ""))</select>\
            <button>\(lang.t(.actionFilter))</button> \
            \(m.mayExport ? "<a href=\"\(JointBodiesRoute.export)\">\(lang.t(.actionExportCSV))</a>" as HTML : "")\
            </form>
            <table id="bodies"><thead><tr><th>\(lang.t(.jointBodyName))</th><th>\(lang.t(.jointBodyKind))</th>\
            <th>\(lang.t(.jointBodyNode))</th><th>\(lang.t(.jointBodyMemberUnits))</th>\
            <th>\(lang.t(.jointBodySeats))</th><th>\(lang.t(.jointBodyPartTime))</th>\
            <th>\(lang.t(.jointBodyTriad))</th></tr></thead><tbody>\(rows)</tbody></table>\
            \(Widgets.pager(url: m.url, lang: lang, m.bodies))
            \(create)
            """
    }

    static func body(_ m: BodyModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let d = m.detail
        let f = d.figures
        let percent = f.crossAppointmentPercent.map { "\($0)%" } ?? "—"
        let triad: HTML =
            d.triad.map { t in
                let missing = t.missing.map { lang.t(key: $0.labelKey) }.joined(separator: "、")
                let doubled = t.doubled.map { lang.t(key: $0.labelKey) }.joined(separator: "、")
                let state: HTML =
                    t.complete
                    ? "<p class=\"ok\">\(lang.t(.jointBodyTriadComplete))</p>"
                    : """
                    <p class="flash error">\(lang.t(.jointBodyTriadIncomplete))\
                    \(missing.isEmpty ? "" : " · " + lang.t(.jointBodyTriadMissing, missing))\
                    \(doubled.isEmpty ? "" : " · " + lang.t(.jointBodyTriadDoubled, doubled))</p>
                    """
                return """
                    <section class="card" id="triad"><h2>\(lang.t(.jointBodyTriad))</h2>\
                    <p class="muted">\(lang.t(.jointBodyTriadRule))</p>\(state)</section>
                    """
            } ?? ""
        return """
            <h1>\(d.name)</h1>
            <p>\(label(d.kind, lang)) · \(d.nodeName) · \(lang.t(.jointBodyEstablished)) \(d.establishedOn)</p>
            <form method="get" action="\(JointBodiesRoute.body(.value(d.id)))" class="filters">\
            <label for="asOf">\(lang.t(.jointBodyAsOf))</label>\
            <input id="asOf" name="asOf" type="date" value="\(d.asOf)"><button>\(lang.t(.actionFilter))</button></form>
            \(Widgets.errorSummary(error, lang: lang))
            <dl class="figures" id="figures">\
            <dt>\(lang.t(.jointBodyMemberUnits))</dt><dd>\(f.memberUnits) \
            (\(lang.t(.jointBodyShape, String(f.lead), String(f.inner), String(f.outer))))</dd>\
            <dt>\(lang.t(.jointBodyPartTime))</dt><dd>\(f.partTimeMembers)</dd>\
            <dt>\(lang.t(.jointBodyCrossRate))</dt><dd>\(percent) (\(f.crossAppointedUnits)/\(f.memberUnits))</dd>\
            </dl><p class="muted">\(lang.t(.jointBodyFiguresRule))</p>
            \(triad)
            \(members(m, csrf: csrf, lang))
            \(seats(m, csrf: csrf, lang))
            \(crossSeats(m, csrf: csrf, lang))
            \(documents(m, csrf: csrf, lang))
            """
    }

    private static func dates(_ from: String, _ to: String?) -> String { "\(from) – \(to ?? "")" }

    private static func endForm(_ action: some AppRoute, csrf: HTML, _ lang: Lang, id: String) -> HTML {
        """
        <form method="post" action="\(action)" class="inline">\(csrf)\
        <label for="\(id)" class="visually-hidden">\(lang.t(.jointBodyEndOn))</label>\
        <input id="\(id)" name="on" type="date" required><button>\(lang.t(.jointBodyEnd))</button></form>
        """
    }

    private static func members(_ m: BodyModel, csrf: HTML, _ lang: Lang) -> HTML {
        let d = m.detail
        let rows: [HTML] = d.members.map { x in
            let end: HTML =
                d.mayChange && x.to == nil
                ? endForm(JointBodiesRoute.endMember(.value(d.id), .value(x.id)), csrf: csrf, lang, id: "end-m\(x.id)")
                : ""
            return """
                <tr class="\(x.active ? "" : "muted")"><td>\(x.unitName)</td>\
                <td>\(lang.t(key: x.unitKind.labelKey))</td>\
                <td>\(lang.t(key: x.role.labelKey))</td><td>\(dates(x.from, x.to))</td><td>\(end)</td></tr>
                """
        }
        let form: HTML =
            d.mayChange
            ? """
            <form method="post" action="\(JointBodiesRoute.members(.value(d.id)))" id="add-member">\(csrf)
            <label for="m-unit">\(lang.t(.jointBodyUnit))</label><select id="m-unit" name="unitId">\
            \(Widgets.options(m.units.map { (String($0.id), "\($0.name)（\(lang.t(key: $0.kind.labelKey))）") }))\
            </select>
            <label for="m-role">\(lang.t(.jointBodyRole))</label><select id="m-role" name="role">\
            \(Widgets.options(MemberRole.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) }, selected: "inner"))\
            </select>
            <label for="m-from">\(lang.t(.jointBodyFrom))</label><input id="m-from" name="from" type="date" required>
            <label for="m-to">\(lang.t(.jointBodyTo))</label><input id="m-to" name="to" type="date">
            <button>\(lang.t(.jointBodyAddMember))</button></form>
            """ : ""
        return """
            <section class="card"><h2>\(lang.t(.jointBodyMembers))</h2>\
            <p class="muted">\(lang.t(.jointBodyRoleRule))</p>
            <table id="members"><thead><tr><th>\(lang.t(.jointBodyUnit))</th><th>\(lang.t(.jointBodyUnitKind))</th>\
            <th>\(lang.t(.jointBodyRole))</th><th>\(lang.t(.jointBodyDays))</th><th></th></tr></thead>\
            <tbody>\(rows)</tbody></table>\(form)</section>
            """
    }

    private static func seatRows(
        _ list: [JointBodyDetail.Seat], route: (Int) -> JointBodiesRoute, mayChange: Bool,
        csrf: HTML, _ lang: Lang
    ) -> [HTML] {
        list.map { s in
            let end: HTML =
                mayChange && s.to == nil ? endForm(route(s.id), csrf: csrf, lang, id: "end-s\(s.id)") : ""
            return """
                <tr class="\(s.active ? "" : "muted")"><td>\(s.personName)</td>\
                <td>\(lang.t(key: s.position.labelKey))</td><td>\(s.hostUnitName ?? s.unitName ?? "")</td>\
                <td>\(dates(s.from, s.to))</td><td>\(end)</td></tr>
                """
        }
    }

    private static func personOptions(_ m: BodyModel) -> HTML {
        Widgets.options(m.people.map { (String($0.id), $0.name) })
    }

    private static func seats(_ m: BodyModel, csrf: HTML, _ lang: Lang) -> HTML {
        let d = m.detail
        let rows = seatRows(
            d.seats, route: { JointBodiesRoute.endSeat(.value(d.id), .value($0)) }, mayChange: d.mayChange,
            csrf: csrf, lang)
        let positions = SeatPosition.allCases.filter { d.kind.hasTriad || !$0.isTriad }
        let form: HTML =
            d.mayChange
            ? """
            <form method="post" action="\(JointBodiesRoute.seats(.value(d.id)))" id="add-seat">\(csrf)
            <label for="s-person">\(lang.t(.jointBodyPerson))</label>\
            \(Widgets.filter(for: "s-person", label: lang.t(.fieldPersonFind)))\
            <select id="s-person" name="personId">\(personOptions(m))</select>
            <label for="s-position">\(lang.t(.jointBodyPosition))</label><select id="s-position" name="position">\
            \(Widgets.options(positions.map { ($0.rawValue, lang.t(key: $0.labelKey)) }, selected: "partTimeMember"))\
            </select>
            <label for="s-unit">\(lang.t(.jointBodySitsFor))</label><select id="s-unit" name="unitId">\
            <option value="">—</option>\(Widgets.options(m.units.map { (String($0.id), $0.name) }))</select>
            <label for="s-from">\(lang.t(.jointBodyFrom))</label><input id="s-from" name="from" type="date" required>
            <label for="s-to">\(lang.t(.jointBodyTo))</label><input id="s-to" name="to" type="date">
            <button>\(lang.t(.jointBodyAddSeat))</button></form>
            """ : ""
        return """
            <section class="card"><h2>\(lang.t(.jointBodySeats))</h2>\
            <p class="muted">\(lang.t(.jointBodySeatRule))</p>
            <table id="seats"><thead><tr><th>\(lang.t(.jointBodyPerson))</th><th>\(lang.t(.jointBodyPosition))</th>\
            <th>\(lang.t(.jointBodySitsFor))</th><th>\(lang.t(.jointBodyDays))</th><th></th></tr></thead>\
            <tbody>\(rows)</tbody></table>\(form)</section>
            """
    }

    private static func crossSeats(_ m: BodyModel, csrf: HTML, _ lang: Lang) -> HTML {
        let d = m.detail
        let rows = seatRows(
            d.crossSeats, route: { JointBodiesRoute.endSeat(.value(d.id), .value($0)) }, mayChange: d.mayChange,
            csrf: csrf, lang)
        let hosts = d.members.filter(\.active)
        let form: HTML =
            d.mayChange && !hosts.isEmpty
            ? """
            <form method="post" action="\(JointBodiesRoute.crossSeats(.value(d.id)))" id="add-cross-seat">\(csrf)
            <label for="c-person">\(lang.t(.jointBodyPerson))</label>\
            \(Widgets.filter(for: "c-person", label: lang.t(.fieldPersonFind)))\
            <select id="c-person" name="personId">\(personOptions(m))</select>
            <label for="c-unit">\(lang.t(.jointBodyHostUnit))</label><select id="c-unit" name="hostUnitId">\
            \(Widgets.options(hosts.map { (String($0.unitID), $0.unitName) }))</select>
            <label for="c-position">\(lang.t(.jointBodyPosition))</label><select id="c-position" name="position">\
            \(Widgets.options([SeatPosition.deputyChair, .member].map { ($0.rawValue, lang.t(key: $0.labelKey)) }))\
            </select>
            <label for="c-from">\(lang.t(.jointBodyFrom))</label><input id="c-from" name="from" type="date" required>
            <button>\(lang.t(.jointBodyAddSeat))</button></form>
            """ : ""
        return """
            <section class="card"><h2>\(lang.t(.jointBodyCrossSeats))</h2>\
            <p class="muted">\(lang.t(.jointBodyCrossRule))</p>
            <table id="cross-seats"><thead><tr><th>\(lang.t(.jointBodyPerson))</th>\
            <th>\(lang.t(.jointBodyPosition))</th><th>\(lang.t(.jointBodyHostUnit))</th>\
            <th>\(lang.t(.jointBodyDays))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>\(form)</section>
            """
    }

    private static func documents(_ m: BodyModel, csrf: HTML, _ lang: Lang) -> HTML {
        let d = m.detail
        let items: [HTML] = d.documents.map { x in
            "<details><summary>\(x.title) · \(x.adoptedOn)</summary><p class=\"pre\">\(x.text)</p></details>"
        }
        let form: HTML =
            d.mayChange
            ? """
            <form method="post" action="\(JointBodiesRoute.documents(.value(d.id)))" id="add-document">\(csrf)
            <label for="d-title">\(lang.t(.jointBodyDocumentTitle))</label>\
            <input id="d-title" name="title" required maxlength="100">
            <label for="d-text">\(lang.t(.jointBodyDocumentBody))</label>\
            <textarea id="d-text" name="text" required maxlength="20000" rows="6"></textarea>
            <label for="d-adopted">\(lang.t(.jointBodyAdopted))</label>\
            <input id="d-adopted" name="adoptedOn" type="date" required>
            <button>\(lang.t(.jointBodyAddDocument))</button></form>
            """ : ""
        return """
            <section class="card" id="documents"><h2>\(lang.t(.jointBodyDocuments))</h2>\(items)\(form)</section>
            """
    }
}

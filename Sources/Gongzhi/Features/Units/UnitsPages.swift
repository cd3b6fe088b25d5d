import Fluent
import Vapor

/// A unit as the pages show it: contact phone masked, names of the nodes it sits at.
struct UnitRow: Sendable {
    let id: Int
    let name: String
    let kind: UnitKind
    let address: String?
    let locationNodeID: Int
    let locationName: String?
    let partyOrg: (id: Int, name: String)?
    let contactName: String?
    let contactPhone: String?

    static func query(_ units: [ResidentUnit], on db: any Database) async throws -> [UnitRow] {
        let ids = Array(Set(units.flatMap { [$0.locationNodeID, $0.partyOrgNodeID].compactMap { $0 } }))
        let names =
            ids.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await OrgNode.query(on: db).filter(\.$id ~~ ids).all().map {
                    ($0.id!, $0.name)
                })
        return units.map { u in
            UnitRow(
                id: u.id!, name: u.name, kind: u.kind, address: u.address, locationNodeID: u.locationNodeID,
                locationName: names[u.locationNodeID],
                partyOrg: u.partyOrgNodeID.flatMap { id in names[id].map { (id, $0) } },
                contactName: u.contactName, contactPhone: u.contactPhone.map(Masking.phone))
        }
    }
}

/// The units' pages: query → model → view.
enum UnitsPages {
    static func register(_ p: RoutesBuilder) {
        p.get(UnitsRoute.list, use: list)
        p.get(UnitsRoute.mine, use: UnitDeskModel.page)
        p.get(UnitsRoute.export, use: UnitsAPI.export)
        p.get(UnitsRoute.unit(.key), use: detail)
    }

    struct ListModel {
        let units: Paged<UnitRow>
        let url: String
        let q: String
        let kind: String
        let canExport: Bool
    }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let page = try await UnitsService.list(req)
        let units = Paged(rows: try await UnitRow.query(page.rows, on: req.db), total: page.total, asked: page.asked)
        let m = ListModel(
            units: units, url: req.url.string, q: req.query[String.self, at: "q"] ?? "",
            kind: req.query[String.self, at: "kind"] ?? "",
            canExport: req.viewer?.can(.exportData) == true)
        return Layout.page(req, title: req.t(.navUnits), body: listView(m, req.lang), active: UnitsRoute.list.path)
    }

    @Sendable static func detail(_ req: Request) async throws -> HTML {
        let unit = try await UnitsService.find(try req.intParameter("id"), req.caller)
        let o = try await UnitRow.query([unit], on: req.db)[0]
        let sections = PageSection.view(try await PageSection.unit(unit.id!, req.caller), req.lang)
        return Layout.page(
            req, title: o.name, body: "\(detailView(o, req.lang))\(sections)", active: UnitsRoute.list.path)
    }

    static func listView(_ m: ListModel, _ lang: Lang) -> HTML {
        let kinds = Widgets.options(
            UnitKind.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) }, selected: m.kind)
        let export: HTML =
            m.canExport
            ? "<p><a class=\"button secondary\" href=\"\(UnitsRoute.export)\">\(lang.t(.actionExportCSV))</a></p>"
            : ""
        let rows: [HTML] = m.units.rows.map { u in
            """
            <tr><td><a href="\(UnitsRoute.unit(.value(u.id)))">\(u.name)</a></td>\
            <td>\(lang.t(key: u.kind.labelKey))</td>\
            <td>\(u.locationName ?? "")</td><td>\(u.contactName ?? "") \(u.contactPhone ?? "")</td></tr>
            """
        }
        return """
            <h1>\(lang.t(.navUnits)) <span class="muted">(\(m.units.total))</span></h1>
            <form method="get" action="\(UnitsRoute.list)" class="card row"><div><label \
            for="q">\(lang.t(.fieldName))</label><input id="q" name="q" \
            value="\(m.q)"></div>
            <div><label for="kind">\(lang.t(.fieldKind))</label><select id="kind" name="kind"><option \
            value="">\(lang.t(.auditAny))</option>\(kinds)</select></div>
            <div><button type="submit">\(lang.t(.actionSearch))</button></div></form>
            \(export)
            <table><thead><tr><th>\(lang.t(.fieldName))</th><th>\(lang.t(.fieldKind))</th>\
            <th>\(lang.t(.fieldLocation))</th><th>\(lang.t(.fieldContact))</th></tr></thead>
            <tbody>\(rows)</tbody></table>\(Widgets.pager(url: m.url, lang: lang, m.units))
            """
    }

    static func detailView(_ o: UnitRow, _ lang: Lang) -> HTML {
        let org: HTML =
            o.partyOrg.map { "<a href=\"\(OrganisationRoute.node(.value($0.id)))\">\($0.name)</a>" }
            ?? HTML(raw: lang.t(.unitNoPartyOrg))
        return """
            <h1>\(o.name)</h1><section class="card"><table class="detail">
            <tr><th>\(lang.t(.fieldKind))</th><td>\(lang.t(key: o.kind.labelKey))</td></tr>
            <tr><th>\(lang.t(.fieldLocation))</th><td><a \
            href="\(OrganisationRoute.node(.value(o.locationNodeID)))">\(o.locationName ?? "")</a></td></tr>
            <tr><th>\(lang.t(.fieldAddress))</th><td>\(o.address ?? "")</td></tr>
            <tr><th>\(lang.t(.fieldPartyOrg))</th><td>\(org)</td></tr>
            <tr><th>\(lang.t(.fieldContact))</th><td>\(o.contactName ?? "") \
            \(o.contactPhone ?? "")</td></tr></table></section>
            """
    }
}

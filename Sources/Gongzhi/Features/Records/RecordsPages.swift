import Fluent
import GongzhiCore
import Vapor

/// The service records' pages and API: read who asks, build the record, show it or write it as CSV.
enum RecordsPages {
    static func register(_ p: RoutesBuilder) {
        p.get(RecordsRoute.mine, use: mine)
        p.get(RecordsRoute.mineExport, use: mineExport)
        p.get(RecordsRoute.person(.key), use: person)
        p.get(RecordsRoute.personExport(.key), use: personExport)
        p.get(RecordsRoute.unit(.key), use: unit)
        p.get(RecordsRoute.unitExport(.key), use: unitExport)
    }

    static func registerAPI(_ api: RoutesBuilder) {
        api.get(RecordsRoute.apiMine) { req in try await Records.mine(req.caller) }
        api.get(RecordsRoute.apiPerson(.key)) { req in try await Records.person(try req.intParameter("id"), req.caller)
        }
        api.get(RecordsRoute.apiUnit(.key)) { req in try await Records.unit(try req.intParameter("id"), req.caller) }
    }

    static func page(_ req: Request, _ r: ServiceRecord, export: Link?) -> HTML {
        Layout.page(
            req, title: req.t(.recordsTitle, r.subject),
            body: RecordsView.record(r, export: export, today: req.clock.today, req.lang),
            active: RecordsRoute.mine.path)
    }

    @Sendable static func mine(_ req: Request) async throws -> HTML {
        page(req, try await Records.mine(req.caller), export: RecordsRoute.mineExport.link)
    }

    @Sendable static func person(_ req: Request) async throws -> HTML {
        let id = try req.intParameter("id")
        let r = try await Records.person(id, req.caller)
        let export = try req.requireViewer().can(.exportData) ? RecordsRoute.personExport(.value(id)).link : nil
        return page(req, r, export: export)
    }

    @Sendable static func unit(_ req: Request) async throws -> HTML {
        let id = try req.intParameter("id")
        let r = try await Records.unit(id, req.caller)
        let export = try await Records.mayExportUnit(id, req.caller) ? RecordsRoute.unitExport(.value(id)).link : nil
        return page(req, r, export: export)
    }

    @Sendable static func personExport(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        return csv(try await Records.person(try req.intParameter("id"), req.caller), req.lang)
    }

    @Sendable static func mineExport(_ req: Request) async throws -> Response {
        csv(try await Records.mine(req.caller), req.lang)
    }

    @Sendable static func unitExport(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        guard try await Records.mayExportUnit(id, req.caller) else {
            throw await req.caller.forbidden("unit record CSV")
        }
        return csv(try await Records.unit(id, req.caller), req.lang)
    }

    static func csv(_ r: ServiceRecord, _ lang: Lang) -> Response {
        let rows = r.entries.map { e in
            [
                e.day, lang.t(e.kind.label), e.title, e.hours.map { String(format: "%.1f", $0) } ?? "",
                e.points.map(String.init) ?? "",
            ]
        }
        let header = [
            lang.t(.recordsDay), lang.t(.recordsKind), lang.t(.recordsWhat), lang.t(.recordsHours),
            lang.t(.recordsPoints),
        ]
        return CSVResponse.make(fileName: "service-record-\(r.of)-\(r.id).csv", header: header, rows: rows)
    }
}

enum RecordsView {
    static func record(_ r: ServiceRecord, export: Link?, today: LocalDate, _ lang: Lang) -> HTML {
        let t = r.totals
        let rows: HTML = r.entries.map { e in
            """
            <tr><td>\(e.day)</td><td>\(lang.t(e.kind.label))</td><td>\(e.title)</td>\
            <td class="num">\(e.hours.map { String(format: "%.1f", $0) } ?? "")</td>\
            <td class="num">\(e.points.map { $0 > 0 ? "+\($0)" : String($0) } ?? "")</td></tr>
            """ as HTML
        }.joined()
        let totals = lang.t(
            .recordsTotals, String(t.services), String(format: "%.1f", t.hours), String(t.activities),
            String(t.posts), String(t.projects))
        let balance = t.pointsBalance.map { " · " + lang.t(.recordsBalance, String($0)) } ?? ""
        let asOf = lang.t(.recordsAsOf, today.description)
        let download: HTML = export.map { "<p><a href=\"\($0)\">\(lang.t(.actionExportCSV))</a></p>" } ?? ""
        return """
            <h1>\(lang.t(.recordsTitle, r.subject))</h1>
            <p id="record-totals">\(totals)\(balance)</p>
            <p class="muted">\(lang.t(.recordsRule)) \(asOf)</p>\(download)
            <table id="record"><thead><tr><th>\(lang.t(.recordsDay))</th><th>\(lang.t(.recordsKind))</th>\
            <th>\(lang.t(.recordsWhat))</th><th>\(lang.t(.recordsHours))</th><th>\(lang.t(.recordsPoints))</th></tr>\
            </thead><tbody>\(rows)</tbody></table>
            """
    }
}

/// On a unit's pages: a link to its service record, for those who may open it.
enum RecordsSections {
    static func unit(_ id: Int, _ caller: Caller) async throws -> PageSection? {
        guard let v = caller.viewer else { return nil }
        let own = try await UnitsQueries.liaisonUnitIDs(v, on: caller.db).contains(id)
        guard own || v.can(.viewTree) else { return nil }
        return PageSection(
            id: "unit-record", title: caller.lang.t(.navRecords),
            items: [
                .init(
                    link: RecordsRoute.unit(.value(id)).link, label: caller.lang.t(.recordsOpen),
                    detail: caller.lang.t(.recordsRule))
            ])
    }
}

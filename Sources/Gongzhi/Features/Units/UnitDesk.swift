import Fluent
import GongzhiCore
import Vapor

/// A unit liaison's desk (本单位共建): what the unit takes part in across the joint bodies and agreements, each
/// part from the owning capability's published query.
struct UnitDeskModel: Sendable {
    let units: [String]
    let seats: [JointBodiesQueries.UnitSeat]
    let commitments: [AgreementsQueries.UnitCommitment]
    /// What other capabilities show for the units (`PageSection`).
    var sections: [PageSection] = []

    static func query(_ v: Viewer, today: LocalDate, on db: any Database) async throws -> UnitDeskModel {
        let ids = try await UnitsQueries.liaisonUnitIDs(v, on: db)
        let names = try await UnitsQueries.names(ids, on: db)
        return UnitDeskModel(
            units: names.values.sorted(), seats: try await JointBodiesQueries.unitSeats(ids, db: db),
            commitments: try await AgreementsQueries.unitCommitments(ids, today: today, db: db))
    }

    static func view(_ m: UnitDeskModel, _ lang: Lang) -> HTML {
        let seats: [HTML] = m.seats.map { s in
            let what = s.role.map { lang.t(key: $0.labelKey) } ?? s.position.map { lang.t(key: $0.labelKey) } ?? ""
            return """
                <tr class="\(s.to == nil ? "" : "muted")">\
                <td><a href="\(JointBodiesRoute.body(.value(s.bodyID)))">\(s.bodyName)</a></td>\
                <td>\(what)</td><td>\(s.personName ?? "")</td><td>\(s.from) – \(s.to ?? "")</td></tr>
                """
        }
        let commitments: [HTML] = m.commitments.map { c in
            """
            <tr><td><a href="\(AgreementsRoute.agreement(.value(c.agreementID)))">\(c.agreementTitle)</a></td>\
            <td>\(lang.t(key: c.state.labelKey))</td><td>\(lang.t(key: c.category.labelKey))</td><td>\(c.text)</td>\
            <td class="num">\(c.fulfilmentPercent.map { "\($0)%" } ?? "—")</td></tr>
            """
        }
        return """
            <h1>\(lang.t(.navMyUnit))</h1><p id="my-units">\(m.units.joined(separator: "、"))</p>
            <section class="card"><h2>\(lang.t(.unitDeskSeats))</h2>
            <table id="unit-seats"><thead><tr><th>\(lang.t(.unitDeskBody))</th><th>\(lang.t(.unitDeskRole))</th>\
            <th>\(lang.t(.unitDeskPerson))</th><th>\(lang.t(.unitDeskDays))</th></tr></thead>\
            <tbody>\(seats)</tbody></table></section>
            <section class="card"><h2>\(lang.t(.unitDeskCommitments))</h2>
            <table id="unit-commitments"><thead><tr><th>\(lang.t(.unitDeskAgreement))</th>\
            <th>\(lang.t(.unitDeskState))</th><th>\(lang.t(.unitDeskCategory))</th>\
            <th>\(lang.t(.unitDeskCommitment))</th><th>\(lang.t(.unitDeskFulfilment))</th></tr></thead>\
            <tbody>\(commitments)</tbody></table></section>
            \(PageSection.view(m.sections, lang))
            """
    }

    @Sendable static func page(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewTree)
        guard v.role == .unitLiaison else { throw await req.forbidden("unit desk of a \(v.role.rawValue)") }
        var m = try await query(v, today: req.clock.today, on: req.db)
        for id in try await UnitsQueries.liaisonUnitIDs(v, on: req.db) {
            m.sections += try await PageSection.unit(id, req.caller)
        }
        return Layout.page(req, title: req.t(.navMyUnit), body: view(m, req.lang), active: UnitsRoute.mine.path)
    }
}

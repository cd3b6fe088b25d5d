import GongzhiCore
import Vapor

/// The desk's agreements list with the new agreement form, and one agreement's page. Pure functions of the model.
enum AgreementViews {
    struct ListModel: Sendable {
        let agreements: Paged<AgreementSummary>
        let url: String
        let state: AgreementState?
        /// Organisations an agreement may be made for, and units to pair with; empty without the permission.
        let nodes: [(id: Int, name: String)]
        let units: [UnitsQueries.BodyUnit]
        let mayExport: Bool
    }

    static func list(_ m: ListModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let states =
            [(value: "", label: lang.t(.agreementAllStates))]
            + AgreementState.allCases.map { (value: $0.rawValue, label: lang.t(key: $0.labelKey)) }
        let rows: [HTML] = m.agreements.rows.map { a in
            let verdict = a.lastVerdict.map { "\(a.lastReviewYear ?? 0) · " + lang.t(key: $0.labelKey) } ?? "—"
            return """
                <tr><td><a href="\(AgreementsRoute.agreement(.value(a.id)))">\(a.title)</a></td><td>\(a.nodeName)</td>\
                <td>\(a.parties.joined(separator: "、"))</td><td>\(lang.t(key: a.pairing.labelKey))</td>\
                <td>\(lang.t(key: a.standing.labelKey))</td><td>\(a.startsOn) – \(a.endsOn)</td>\
                <td>\(verdict)</td></tr>
                """
        }
        let create: HTML =
            m.nodes.isEmpty
            ? ""
            : """
            <form method="post" action="\(AgreementsRoute.page)" class="card" id="new-agreement">\(csrf)
            <h2>\(lang.t(.agreementNew))</h2>\(Widgets.errorSummary(error, lang: lang))
            <label for="title">\(lang.t(.agreementTitle))</label>\
            <input id="title" name="title" required maxlength="100">
            <label for="nodeId">\(lang.t(.agreementNode))</label>\
            <select id="nodeId" name="nodeId">\(Widgets.options(m.nodes.map { (String($0.id), $0.name) }))</select>
            <label for="unitIds">\(lang.t(.agreementParties))</label>\
            <select id="unitIds" name="unitIds" multiple size="6">\
            \(Widgets.options(m.units.map { (String($0.id), $0.name) }))</select>
            <label for="startsOn">\(lang.t(.agreementStarts))</label>\
            <input id="startsOn" name="startsOn" type="date" required>
            <label for="endsOn">\(lang.t(.agreementEnds))</label><input id="endsOn" name="endsOn" type="date" required>
            <button>\(lang.t(.agreementCreate))</button></form>
            """
        return """
            <h1>\(lang.t(.navAgreements))</h1><p class="muted">\(lang.t(.agreementIntro))</p>
            <form method="get" action="\(AgreementsRoute.page)" class="filters">\
            <label for="state-filter">\(lang.t(.agreementState))</label>\
            <select id="state-filter" name="state">\(Widgets.options(states, selected: m.state?.rawValue ?? ""))\
            </select><button>\(lang.t(.actionFilter))</button> \
            \(m.mayExport ? "<a href=\"\(AgreementsRoute.export)\">\(lang.t(.actionExportCSV))</a>" as HTML : "")\
            </form>
            <table id="agreements"><thead><tr><th>\(lang.t(.agreementTitle))</th><th>\(lang.t(.agreementNode))</th>\
            <th>\(lang.t(.agreementParties))</th><th>\(lang.t(.agreementPairing))</th>\
            <th>\(lang.t(.agreementState))</th><th>\(lang.t(.agreementTerm))</th>\
            <th>\(lang.t(.agreementLastReview))</th></tr></thead><tbody>\(rows)</tbody></table>\
            \(Widgets.pager(url: m.url, lang: lang, m.agreements))
            \(create)
            """
    }

    static func agreement(_ d: AgreementDetail, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let findings: [HTML] = d.commitments.map { c in
            let who = c.side == .organisation ? d.nodeName : (c.unitName ?? "")
            let actual = c.actual.map { "\($0) / \(c.target)" } ?? lang.t(.agreementNotMeasured)
            let percent = c.fulfilmentPercent.map { "\($0)%" } ?? "—"
            return """
                <tr><td>\(who)</td><td>\(lang.t(key: c.category.labelKey))</td><td>\(c.text)</td>\
                <td>\(lang.t(key: c.measure.labelKey))</td><td class="num">\(actual)</td>\
                <td class="num">\(percent)</td></tr>
                """
        }
        let projects: [HTML] = d.projects.map { p in
            let deliver: HTML =
                d.mayChange && p.deliveredOn == nil && d.state != .ended
                ? """
                <form method="post" action="\(AgreementsRoute.deliver(.value(d.id), .value(p.id)))" class="inline">\
                \(csrf)<label for="dl-\(p.id)" class="visually-hidden">\(lang.t(.agreementDeliveredOn))</label>\
                <input id="dl-\(p.id)" name="on" type="date" required>\
                <button>\(lang.t(.agreementDeliver))</button></form>
                """ : ""
            return """
                <tr><td>\(p.title)</td><td>\(p.ownerName ?? d.nodeName)</td><td>\(p.due)</td>\
                <td>\(p.deliveredOn ?? "")</td><td>\(deliver)</td></tr>
                """
        }
        let reviews: [HTML] = d.reviews.map { r in
            let earlier = AgreementsRoute.agreement(.value(r.agreementID))
            let term: HTML =
                r.agreementID == d.id ? "" : " · <a href=\"\(earlier)\">\(lang.t(.agreementEarlierTerm))</a>"
            return "<li>\(r.year) · \(lang.t(key: r.verdict.labelKey)) · \(r.note)\(term)</li>"
        }
        let suggested = d.suggestedVerdict.map { lang.t(key: $0.labelKey) } ?? "—"
        return """
            <h1>\(d.title)</h1>
            <p>\(d.nodeName) · \(d.parties.map(\.name).joined(separator: "、")) · \
            \(lang.t(key: d.pairing.labelKey)) · \
            \(lang.t(key: d.standing.labelKey)) · \(d.startsOn) – \(d.endsOn)\
            \(d.signedOn.map { " · " + lang.t(.agreementSignedOn, $0) } ?? "")</p>
            \(Widgets.errorSummary(error, lang: lang))
            <section class="card"><h2>\(lang.t(.agreementCommitments, String(d.year)))</h2>\
            <p class="muted">\(lang.t(.agreementFulfilmentRule))</p>
            <table id="commitments"><thead><tr><th>\(lang.t(.agreementSide))</th>\
            <th>\(lang.t(.agreementCategory))</th>\
            <th>\(lang.t(.agreementCommitment))</th><th>\(lang.t(.agreementMeasure))</th>\
            <th>\(lang.t(.agreementActual))</th><th>\(lang.t(.agreementFulfilment))</th></tr></thead>\
            <tbody>\(findings)</tbody></table>\(d.mayChange && d.state == .draft ? commitmentForm(d, csrf, lang) : "")\
            </section>
            <section class="card"><h2>\(lang.t(.agreementProjects))</h2>
            <table id="projects"><thead><tr><th>\(lang.t(.agreementProject))</th><th>\(lang.t(.agreementOwner))</th>\
            <th>\(lang.t(.agreementDue))</th><th>\(lang.t(.agreementDeliveredOn))</th><th></th></tr></thead>\
            <tbody>\(projects)</tbody></table>\(d.mayChange && d.state != .ended ? projectForm(d, csrf, lang) : "")\
            </section>
            <section class="card" id="reviews"><h2>\(lang.t(.agreementReviews))</h2><ul>\(reviews)</ul>\
            <p>\(lang.t(.agreementSuggested)): \(suggested)</p>\
            \(d.mayChange && d.state != .draft ? reviewForm(d, csrf, lang) : "")</section>
            \(signatures(d, lang))
            \(d.mayChange || d.maySign ? stateForms(d, csrf, lang) : "")
            """
    }

    private static func signatures(_ d: AgreementDetail, _ lang: Lang) -> HTML {
        let rows: [HTML] = ([(d.nodeName, d.orgSignedOn)] + d.parties.map { ($0.name, $0.signedOn) }).map { name, on in
            "<tr><td>\(name)</td><td>\(on ?? lang.t(.agreementNotSigned))</td></tr>"
        }
        return """
            <section class="card"><h2>\(lang.t(.agreementSignatures))</h2>\
            <p class="muted">\(lang.t(.agreementSignRule))</p>\
            <table id="signatures"><tbody>\(rows)</tbody></table></section>
            """
    }

    private static func commitmentForm(_ d: AgreementDetail, _ csrf: HTML, _ lang: Lang) -> HTML {
        let sides = [(value: "", label: d.nodeName)] + d.parties.map { (value: String($0.unitID), label: $0.name) }
        return """
            <form method="post" action="\(AgreementsRoute.commitments(.value(d.id)))" id="add-commitment">\(csrf)
            <label for="c-unit">\(lang.t(.agreementSide))</label>\
            <select id="c-unit" name="unitId">\(Widgets.options(sides))</select>
            <label for="c-category">\(lang.t(.agreementCategory))</label><select id="c-category" name="category">\
            \(Widgets.options(CommitmentCategory.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) }))</select>
            <label for="c-text">\(lang.t(.agreementCommitment))</label>\
            <input id="c-text" name="text" required maxlength="2000">
            <label for="c-measure">\(lang.t(.agreementMeasure))</label><select id="c-measure" name="measure">\
            \(Widgets.options(CommitmentMeasure.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) }))</select>
            <label for="c-target">\(lang.t(.agreementTarget))</label>\
            <input id="c-target" name="target" type="number" min="0" max="10000" value="1">
            <button>\(lang.t(.agreementAddCommitment))</button></form>
            """
    }

    private static func projectForm(_ d: AgreementDetail, _ csrf: HTML, _ lang: Lang) -> HTML {
        let owners = [(value: "", label: d.nodeName)] + d.parties.map { (value: String($0.unitID), label: $0.name) }
        return """
            <form method="post" action="\(AgreementsRoute.projects(.value(d.id)))" id="add-project">\(csrf)
            <label for="p-title">\(lang.t(.agreementProject))</label>\
            <input id="p-title" name="title" required maxlength="100">
            <label for="p-owner">\(lang.t(.agreementOwner))</label>\
            <select id="p-owner" name="ownerUnitId">\(Widgets.options(owners))</select>
            <label for="p-due">\(lang.t(.agreementDue))</label><input id="p-due" name="due" type="date" required>
            <button>\(lang.t(.agreementAddProject))</button></form>
            """
    }

    private static func reviewForm(_ d: AgreementDetail, _ csrf: HTML, _ lang: Lang) -> HTML {
        """
        <form method="post" action="\(AgreementsRoute.reviews(.value(d.id)))" id="add-review">\(csrf)
        <label for="r-year">\(lang.t(.agreementYear))</label>\
        <input id="r-year" name="year" type="number" min="2000" max="2100" value="\(d.year)">
        <label for="r-verdict">\(lang.t(.agreementVerdict))</label><select id="r-verdict" name="verdict">\
        \(Widgets.options(Verdict.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) },
            selected: d.suggestedVerdict?.rawValue))</select>
        <label for="r-note">\(lang.t(.agreementNote))</label>\
        <textarea id="r-note" name="note" required maxlength="2000" rows="3"></textarea>
        <button>\(lang.t(.agreementReview))</button></form>
        """
    }

    private static func stateForms(_ d: AgreementDetail, _ csrf: HTML, _ lang: Lang) -> HTML {
        let sign: HTML =
            d.maySign
            ? """
            <form method="post" action="\(AgreementsRoute.sign(.value(d.id)))" id="sign">\(csrf)\
            <label for="sign-on">\(lang.t(.agreementSignOn))</label>\
            <input id="sign-on" name="on" type="date" required><button>\(lang.t(.agreementSign))</button></form>
            """ : ""
        let end: HTML =
            d.mayChange && d.state == .signed
            ? """
            <form method="post" action="\(AgreementsRoute.end(.value(d.id)))" id="end">\(csrf)\
            <label for="end-on">\(lang.t(.agreementEndOn))</label>\
            <input id="end-on" name="on" type="date" required><button>\(lang.t(.agreementEnd))</button></form>
            """ : ""
        let renew: HTML =
            d.mayChange && d.state != .draft
            ? """
            <form method="post" action="\(AgreementsRoute.renew(.value(d.id)))" id="renew">\(csrf)\
            <button>\(lang.t(.agreementRenew))</button></form>
            """ : ""
        return "<section class=\"card\">\(sign)\(end)\(renew)</section>"
    }
}

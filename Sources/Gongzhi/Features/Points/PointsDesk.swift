import Fluent
import GongzhiCore
import Vapor

/// The desk's pages: figures and person search, a person's ledger with the award form, the ledger by figure, the
/// shops and their goods, the redemptions to hand over, and the expiry setting.
enum PointsDesk {
    static func figureLink(_ n: Int, _ f: PointsFigure, node: Int?, from: String, to: String) -> HTML {
        let link = PointsRoute.ledger.query([
            ("nodeId", node.map(String.init)), ("figure", f.rawValue), ("from", from), ("to", to),
        ])
        return "<a href=\"\(link)\">\(String(n))</a>"
    }

    static func home(
        _ figures: PointsLists.FiguresOut, people: [PointsLists.PersonOut]?, q: String, canSet: Bool, _ lang: Lang
    ) -> HTML {
        func cells(_ r: PointsLists.FigureRow, node: Int?) -> HTML {
            let values: [(PointsFigure, Int)] = [
                (.issued, r.issued), (.spent, r.spent), (.expired, r.expired), (.deducted, r.deducted),
            ]
            let tds: [HTML] = values.map { f, n in
                let link = figureLink(n, f, node: node, from: figures.from, to: figures.to)
                return "<td class=\"num\" data-label=\"\(lang.t(key: f.labelKey))\">\(link)</td>"
            }
            return HTML(raw: tds.map(\.raw).joined())
        }
        let rows: [HTML] = figures.communities.map { r in
            "<tr><td>\(r.name)</td>\(cells(r, node: r.nodeID))</tr>"
        }
        let heads: [HTML] = PointsFigure.allCases.map { "<th class=\"num\">\(lang.t(key: $0.labelKey))</th>" }
        let found: HTML
        if let people {
            let items: [HTML] = people.map { p in
                """
                <tr><td><a href="\(PointsRoute.person(.value(p.id)))">\(p.name)</a></td><td>\(p.phone ?? "")</td>\
                <td class="num">\(p.balance)</td></tr>
                """
            }
            found =
                items.isEmpty
                ? "<p class=\"muted\">\(lang.t(.pointsNoPeople))</p>"
                : """
                <table class="list" id="points-people"><thead><tr><th>\(lang.t(.columnName))</th>\
                <th>\(lang.t(.columnPhone))</th><th class="num">\(lang.t(.pointsBalance))</th></tr></thead>\
                <tbody>\(items)</tbody></table>
                """
        } else {
            found = .empty
        }
        let settings: HTML = canSet ? " · <a href=\"\(PointsRoute.settings)\">\(lang.t(.pointsSettings))</a>" : ""
        return """
            <h1>\(lang.t(.navPoints))</h1>
            <p><a href="\(PointsRoute.redemptions.query([("state", "pending")]))">\(lang.t(.pointsToHandOver))</a> · \
            <a href="\(PointsRoute.shops)">\(lang.t(.pointsShops))</a> · \
            <a href="\(PointsRoute.ledger)">\(lang.t(.pointsLedger))</a>\(settings)</p>
            <section><h2>\(lang.t(.pointsFindPerson))</h2>
            <form method="get" action="\(PointsRoute.page)" class="row" id="points-search">\
            <label>\(lang.t(.pointsSearchHint)) <input name="q" value="\(q)" maxlength="\(PointsService.maxShort)">\
            </label> <button type="submit">\(lang.t(.actionShow))</button></form>\(found)</section>
            <section><h2>\(lang.t(.pointsFigures))</h2>
            <form method="get" action="\(PointsRoute.page)" class="row" id="points-period">\
            <label>\(lang.t(.visitPeriodFrom)) <input type="date" name="from" value="\(figures.from)"></label> \
            <label>\(lang.t(.visitPeriodTo)) <input type="date" name="to" value="\(figures.to)"></label> \
            <button type="submit">\(lang.t(.actionShow))</button></form>
            <p class="muted">\(lang.t(.pointsFiguresDefinition))</p>
            <table class="list" id="points-figures"><thead><tr><th>\(lang.t(.pointsCommunity))</th>\(heads)</tr>\
            </thead><tbody>\(rows)<tr><th>\(lang.t(.pointsTotal))</th>\
            \(cells(figures.total, node: figures.total.nodeID == 0 ? nil : figures.total.nodeID))</tr></tbody></table>\
            </section>
            """
    }

    static func movementTable(_ ms: [PointsLists.MovementOut], _ lang: Lang, personLinks: Bool) -> HTML {
        guard !ms.isEmpty else { return "<p class=\"muted\">\(lang.t(.pointsNoMovements))</p>" }
        let rows: [HTML] = ms.map { m in
            let who: HTML =
                personLinks
                ? "<a href=\"\(PointsRoute.person(.value(m.personID)))\">\(m.personName)</a>" : "\(m.personName)"
            return """
                <tr><td>\(PointsFormat.time(m.at))</td><td>\(who)</td><td class="num">\(m.amount)</td>\
                <td>\(lang.t(key: m.source.labelKey))</td><td>\(m.note)</td>\
                <td>\(m.recordedBy ?? lang.t(.pointsSystem))</td>\
                <td>\(m.approver ?? "")</td></tr>
                """
        }
        return """
            <table class="list" id="points-ledger"><thead><tr><th>\(lang.t(.pointsAt))</th>\
            <th>\(lang.t(.columnName))</th><th class="num">\(lang.t(.pointsAmount))</th>\
            <th>\(lang.t(.pointsSource))</th><th>\(lang.t(.pointsNote))</th><th>\(lang.t(.pointsRecordedBy))</th>\
            <th>\(lang.t(.pointsApprover))</th></tr></thead><tbody>\(rows)</tbody>\
            </table>
            """
    }

    struct EntryForm: Content {
        var kind: String?
        var amount: String?
        var note: String?
        var approverUserId: String?
    }

    static func person(
        _ s: PointsLists.SummaryOut, approvers: [User], canRecord: Bool, form: EntryForm?, error: AppError?,
        csrf: HTML,
        _ lang: Lang
    ) -> HTML {
        let f = form ?? EntryForm()
        let kinds = Widgets.options(
            PointsService.EntryKind.allCases.map { ($0.rawValue, lang.t(key: "points.entry.\($0.rawValue)")) },
            selected: f.kind ?? "manual")
        let people = Widgets.options(
            [("", "—")] + approvers.map { (String($0.id!), "\($0.displayName) (\(lang.t(key: $0.role.labelKey)))") },
            selected: f.approverUserId ?? "")
        let entry: HTML =
            canRecord
            ? """
            <section><h2>\(lang.t(.pointsRecordEntry))</h2>
            <form method="post" action="\(PointsRoute.person(.value(s.personID)))" class="card" \
            id="points-entry">\(csrf)
            <label for="kind">\(lang.t(.pointsEntryKind))</label><select id="kind" name="kind">\(kinds)</select>
            <label for="amount">\(lang.t(.pointsAmount))</label><input id="amount" name="amount" inputmode="numeric" \
            value="\(f.amount ?? "")">
            <label for="note">\(lang.t(.pointsNote))</label><input id="note" name="note" value="\(f.note ?? "")" \
            maxlength="\(PointsService.maxShort * 2)">
            <label for="approverUserId">\(lang.t(.pointsApprover))</label>\
            <select id="approverUserId" name="approverUserId">\(people)</select>
            <p class="muted">\(lang.t(.pointsApproverHint))</p>
            <p><button type="submit">\(lang.t(.pointsRecordEntry))</button></p></form></section>
            """ : .empty
        let soon: [HTML] = s.expiringSoon.map { "<li>\(lang.t(.pointsExpiresOn, String($0.amount), $0.day))</li>" }
        return """
            <h1>\(s.name)</h1>\(Widgets.errorSummary(error, lang: lang, id: "points-error"))
            <p class="card">\(lang.t(.pointsBalance)): <strong id="points-balance-value">\(s.balance)</strong> · \
            \(lang.t(.pointsExpiryRule, String(s.expiryMonths)))</p>
            \(soon.isEmpty ? HTML.empty : "<ul id=\"points-expiring\">\(soon)</ul>")
            \(entry)
            <section><h2>\(lang.t(.pointsMovements))</h2>\
            \(movementTable(s.movements, lang, personLinks: false))</section>
            """
    }

    static func ledger(
        _ ms: [PointsLists.MovementOut], _ f: PointsLists.LedgerFilter, count: Int, sum: Int, pager: HTML,
        canExport: Bool, _ lang: Lang
    ) -> HTML {
        let figures = Widgets.options(
            [("", "—")] + PointsFigure.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) },
            selected: f.figure?.rawValue ?? "")
        let sources = Widgets.options(
            [("", "—")] + PointsSource.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) },
            selected: f.source?.rawValue ?? "")
        let q = f.query
        let from = q.first { $0.0 == "from" }?.1 ?? ""
        let to = q.first { $0.0 == "to" }?.1 ?? ""
        let export: HTML =
            canExport
            ? """
            <a href="\(PointsRoute.ledgerExport.query(q))" id="points-ledger-export">\(lang.t(.actionExportCSV))</a>
            """
            : .empty
        return """
            <h1>\(lang.t(.pointsLedger))</h1>
            <form method="get" action="\(PointsRoute.ledger)" class="row" id="points-ledger-filter">\
            \(f.nodeID.map { HTML(raw: "<input type=\"hidden\" name=\"nodeId\" value=\"\($0)\">") } ?? .empty)\
            <label>\(lang.t(.pointsFigure)) <select name="figure">\(figures)</select></label> \
            <label>\(lang.t(.pointsSource)) <select name="source">\(sources)</select></label> \
            <label>\(lang.t(.visitPeriodFrom)) <input type="date" name="from" value="\(from)"></label> \
            <label>\(lang.t(.visitPeriodTo)) <input type="date" name="to" value="\(to)"></label> \
            <button type="submit">\(lang.t(.actionShow))</button> \(export)</form>
            <p>\(lang.t(.pointsLedgerCount, String(count), String(sum)))</p>\(pager)
            \(movementTable(ms, lang, personLinks: true))\(pager)
            """
    }

    struct ShopForm: Content {
        var nodeId: String?
        var name: String?
        var place: String?
        var active: String?
    }

    static func shops(
        _ shops: [PointsLists.ShopOut], nodes: [OrgNode], canEdit: Bool, form: ShopForm?, error: AppError?,
        csrf: HTML, _ lang: Lang
    ) -> HTML {
        let rows: [HTML] = shops.map { s in
            """
            <tr><td><a href="\(PointsRoute.deskShop(.value(s.id)))">\(s.name)</a></td><td>\(s.nodeName)</td>\
            <td>\(s.place)</td><td class="num">\(s.goods.count)</td>\
            <td>\(s.active ? lang.t(.commonYes) : lang.t(.commonNo))</td></tr>
            """
        }
        let f = form ?? ShopForm()
        let options = Widgets.options(nodes.map { (String($0.id!), $0.name) }, selected: f.nodeId ?? "")
        let new: HTML =
            canEdit && !nodes.isEmpty
            ? """
            <section><h2>\(lang.t(.pointsNewShop))</h2>
            <form method="post" action="\(PointsRoute.shops)" class="card" id="points-new-shop">\(csrf)
            <label for="nodeId">\(lang.t(.pointsShopNode))</label><select id="nodeId" name="nodeId">\(options)</select>
            <label for="name">\(lang.t(.pointsShopName))</label><input id="name" name="name" value="\(f.name ?? "")" \
            maxlength="\(PointsService.maxShort)">
            <label for="place">\(lang.t(.pointsShopPlace))</label><input id="place" name="place" \
            value="\(f.place ?? "")" maxlength="\(PointsService.maxShort * 2)">
            <p><button type="submit">\(lang.t(.pointsNewShop))</button></p></form></section>
            """ : .empty
        return """
            <h1>\(lang.t(.pointsShops))</h1>\(Widgets.errorSummary(error, lang: lang, id: "points-error"))
            <table class="list" id="points-shops"><thead><tr><th>\(lang.t(.pointsShopName))</th>\
            <th>\(lang.t(.pointsShopNode))</th><th>\(lang.t(.pointsShopPlace))</th>\
            <th class="num">\(lang.t(.pointsGoods))</th><th>\(lang.t(.pointsOpen))</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            \(new)
            """
    }

    struct GoodForm: Content {
        var name: String?
        var description: String?
        var price: String?
        var stock: String?
        var limitPerPerson: String?
        var limitPeriod: String?
        var active: String?

        func input(isNew: Bool) throws -> PointsService.GoodInput {
            guard let price = try FormNumber.int(price, field: "price", in: 1...PointsShopRules.maxPrice) else {
                throw AppError.invalid(.errorPointsPrice, field: "price")
            }
            let stock = try FormNumber.int(stock, field: "stock", in: 0...PointsShopRules.maxStock)
            let period = try limitPeriod.flatMap { raw -> PointsShopRules.LimitPeriod? in
                guard !raw.isEmpty else { return nil }
                guard let p = PointsShopRules.LimitPeriod(rawValue: raw) else { throw AppError.badRequest(.errorEnum) }
                return p
            }
            return PointsService.GoodInput(
                name: name ?? "", description: description ?? "", price: price, stock: isNew ? (stock ?? 0) : nil,
                limitPerPerson: try FormNumber.int(
                    limitPerPerson, field: "limitPerPerson", in: 1...PointsShopRules.maxStock),
                limitPeriod: period ?? .overall, active: isNew ? true : active == "true")
        }
    }

    static func goodFields(_ g: PointsLists.GoodOut?, _ f: GoodForm?, isNew: Bool, _ lang: Lang) -> HTML {
        let periods = Widgets.options(
            PointsShopRules.LimitPeriod.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) },
            selected: f?.limitPeriod ?? g?.limitPeriod.rawValue ?? "overall")
        let stock: HTML =
            isNew
            ? """
            <label>\(lang.t(.pointsStock)) <input name="stock" inputmode="numeric" value="\(f?.stock ?? "10")"></label>
            """ : .empty
        let active: HTML =
            isNew
            ? .empty
            : """
            <label class="choice"><input type="checkbox" name="active" value="true" \
            \(HTML(raw: (g?.active ?? true) ? "checked" : ""))> \(lang.t(.pointsOnSale))</label>
            """
        return """
            <label>\(lang.t(.pointsGoodName)) <input name="name" value="\(f?.name ?? g?.name ?? "")" \
            maxlength="\(PointsService.maxShort)"></label>
            <label>\(lang.t(.pointsGoodDescription)) <input name="description" \
            value="\(f?.description ?? g?.description ?? "")" maxlength="\(PointsService.maxText)"></label>
            <label>\(lang.t(.pointsPrice)) <input name="price" inputmode="numeric" \
            value="\(f?.price ?? g.map { String($0.price) } ?? "")"></label>\(stock)
            <label>\(lang.t(.pointsLimit)) <input name="limitPerPerson" inputmode="numeric" \
            value="\(f?.limitPerPerson ?? g?.limitPerPerson.map(String.init) ?? "")"></label>
            <label>\(lang.t(.pointsLimitPeriod)) <select name="limitPeriod">\(periods)</select></label>\(active)
            """
    }

    static func shop(
        _ s: PointsLists.ShopOut, canEdit: Bool, form: GoodForm?, error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        let goods: [HTML] = s.goods.map { g in
            let edit: HTML =
                canEdit
                ? """
                <details><summary>\(lang.t(.actionEdit))</summary>
                <form method="post" action="\(PointsRoute.good(.value(g.id)))" class="card">\(csrf)\
                \(goodFields(g, nil, isNew: false, lang))<p><button type="submit">\(lang.t(.actionSave))</button></p>\
                </form></details>
                <form method="post" action="\(PointsRoute.restock(.value(g.id)))" class="inline" id="restock-\(g.id)">\
                \(csrf)<label>\(lang.t(.pointsRestock)) <input name="quantity" inputmode="numeric" size="4"></label> \
                <input name="note" placeholder="\(lang.t(.pointsNote))" maxlength="\(PointsService.maxShort * 2)"> \
                <button type="submit">\(lang.t(.pointsRestock))</button></form>
                """ : .empty
            let limit = g.limitPerPerson.map {
                lang.t(.pointsLimitShown, String($0), lang.t(key: g.limitPeriod.labelKey))
            }
            return """
                <tr data-good="\(g.id)"><td>\(g.name)<br><span class="muted">\(g.description)</span></td>\
                <td class="num">\(g.price)</td><td class="num" id="stock-\(g.id)">\(g.stock)</td>\
                <td>\(limit ?? "—")</td>\
                <td>\(g.active ? lang.t(.commonYes) : lang.t(.commonNo))</td><td>\(edit)</td></tr>
                """
        }
        let new: HTML =
            canEdit
            ? """
            <section><h2>\(lang.t(.pointsNewGood))</h2>
            <form method="post" action="\(PointsRoute.goods(.value(s.id)))" class="card" id="points-new-good">\(csrf)\
            \(goodFields(nil, form, isNew: true, lang))<p><button type="submit">\(lang.t(.pointsNewGood))</button></p>\
            </form></section>
            <section><h2>\(lang.t(.pointsShopEdit))</h2>
            <form method="post" action="\(PointsRoute.deskShop(.value(s.id)))" class="card">\(csrf)
            <label>\(lang.t(.pointsShopName)) <input name="name" value="\(s.name)" \
            maxlength="\(PointsService.maxShort)">\
            </label><label>\(lang.t(.pointsShopPlace)) <input name="place" value="\(s.place)" \
            maxlength="\(PointsService.maxShort * 2)"></label>
            <label class="choice"><input type="checkbox" name="active" value="true" \
            \(HTML(raw: s.active ? "checked" : ""))> \(lang.t(.pointsOpen))</label>
            <p><button type="submit">\(lang.t(.actionSave))</button></p></form></section>
            """ : .empty
        return """
            <h1>\(s.name)</h1>\(Widgets.errorSummary(error, lang: lang, id: "points-error"))
            <p class="muted">\(s.nodeName) · \(s.place)</p>
            <table class="list" id="points-goods"><thead><tr><th>\(lang.t(.pointsGoodName))</th>\
            <th class="num">\(lang.t(.pointsPrice))</th><th class="num">\(lang.t(.pointsStock))</th>\
            <th>\(lang.t(.pointsLimit))</th><th>\(lang.t(.pointsOnSale))</th><th></th></tr></thead>\
            <tbody>\(goods)</tbody></table>
            \(new)
            """
    }

    static func redemptions(
        _ rs: [PointsLists.RedemptionOut], state: RedemptionState?, handedOverAt shops: Set<Int>, canExport: Bool,
        error: AppError?,
        csrf: HTML, _ lang: Lang
    ) -> HTML {
        let rows: [HTML] = rs.map { r in
            let actions: HTML =
                shops.contains(r.shopID) && r.state == .pending
                ? """
                <form method="post" action="\(PointsRoute.handOver(.value(r.id)))" class="inline" \
                id="hand-over-\(r.id)">\(csrf)<input name="code" size="9" maxlength="8" \
                placeholder="\(lang.t(.pointsCode))" autocapitalize="characters"> \
                <button type="submit">\(lang.t(.pointsHandOver))</button></form> \
                <form method="post" action="\(PointsRoute.cancel(.value(r.id)))" class="inline">\(csrf)\
                <button type="submit" class="secondary">\(lang.t(.pointsCancel))</button></form>
                """ : .empty
            return """
                <tr data-redemption="\(r.id)"><td>\(r.createdAt.map(PointsFormat.time) ?? "")</td>\
                <td><a href="\(PointsRoute.person(.value(r.personID)))">\(r.personName)</a></td><td>\(r.shopName)</td>\
                <td>\(r.goodName) × \(r.quantity)</td><td class="num">\(r.cost)</td>\
                <td>\(lang.t(key: r.state.labelKey))</td><td>\(actions)</td></tr>
                """
        }
        let states = Widgets.options(
            [("", "—")] + RedemptionState.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) },
            selected: state?.rawValue ?? "")
        let export: HTML =
            canExport
            ? """
            <a href="\(PointsRoute.redemptionsExport.query([("state", state?.rawValue)]))" \
            id="points-redemptions-export">\(lang.t(.actionExportCSV))</a>
            """ : .empty
        return """
            <h1>\(lang.t(.pointsRedemptions))</h1>\(Widgets.errorSummary(error, lang: lang, id: "points-error"))
            <form method="get" action="\(PointsRoute.redemptions)" class="row">\
            <label>\(lang.t(.pointsState)) <select name="state">\(states)</select></label> \
            <button type="submit">\(lang.t(.actionShow))</button> \(export)</form>
            <p class="muted">\(lang.t(.pointsHandOverHint))</p>
            <table class="list" id="points-redemptions"><thead><tr><th>\(lang.t(.pointsRedeemedAt))</th>\
            <th>\(lang.t(.columnName))</th><th>\(lang.t(.pointsShop))</th><th>\(lang.t(.pointsGood))</th>\
            <th class="num">\(lang.t(.pointsCost))</th><th>\(lang.t(.pointsState))</th><th></th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }

    static func settings(_ months: Int, canSet: Bool, error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        let form: HTML =
            canSet
            ? """
            <form method="post" action="\(PointsRoute.settings)" class="card" id="points-settings">\(csrf)
            <label for="expiryMonths">\(lang.t(.pointsExpiryMonths))</label>\
            <input id="expiryMonths" name="expiryMonths" inputmode="numeric" value="\(months)">
            <p><button type="submit">\(lang.t(.actionSave))</button></p></form>
            """ : .empty
        return """
            <h1>\(lang.t(.pointsSettings))</h1>\(Widgets.errorSummary(error, lang: lang, id: "points-error"))
            <p>\(lang.t(.pointsExpiryRule, String(months)))</p>
            <p class="muted">\(lang.t(.pointsExpiryExplained))</p>\(form)
            """
    }
}

import Fluent
import GongzhiCore
import Vapor

/// The phone's pages for a resident or member: my points (balance, what expires soon, the movements with their
/// sources), the shop (the shops where I live and their goods), and my redemptions with their pick-up codes.
enum PointsPhone {
    static func sourceTag(_ m: PointsLists.MovementOut, _ lang: Lang) -> HTML {
        "<span class=\"tag\">\(lang.t(key: m.source.labelKey))</span>"
    }

    static func movements(_ ms: [PointsLists.MovementOut], _ lang: Lang, id: String) -> HTML {
        guard !ms.isEmpty else { return "<p class=\"muted\">\(lang.t(.pointsNoMovements))</p>" }
        let items: [HTML] = ms.map { m in
            let sign = m.amount > 0 ? "+\(m.amount)" : String(m.amount)
            return """
                <li><strong class="\(m.amount > 0 ? "ok" : "warn")">\(sign)</strong> \(sourceTag(m, lang)) \
                \(m.note) <span class="muted">\(PointsFormat.time(m.at))</span></li>
                """
        }
        return "<ul id=\"\(id)\">\(items)</ul>"
    }

    static func mine(_ s: PointsLists.SummaryOut, _ lang: Lang) -> HTML {
        let soon: [HTML] = s.expiringSoon.map { e in "<li>\(lang.t(.pointsExpiresOn, String(e.amount), e.day))</li>" }
        let soonBlock: HTML =
            soon.isEmpty
            ? "<p class=\"muted\">\(lang.t(.pointsNothingExpiring))</p>"
            : "<ul id=\"points-expiring\">\(soon)</ul>"
        return """
            <h1>\(lang.t(.navPointsPhone))</h1>
            <section class="card" id="points-balance"><p>\(lang.t(.pointsBalance))</p>\
            <p class="figure"><strong id="points-balance-value">\(s.balance)</strong></p>\
            <p class="muted">\(lang.t(.pointsExpiryRule, String(s.expiryMonths)))</p>
            <p><a class="button" href="\(PointsRoute.shop)" id="points-shop-link">\(lang.t(.pointsShopTitle))</a> \
            <a href="\(PointsRoute.redemptions)" id="points-redemptions-link">\(lang.t(.pointsMyRedemptions))</a></p>\
            </section>
            <section><h2>\(lang.t(.pointsExpiringSoon))</h2>\(soonBlock)</section>
            <section><h2>\(lang.t(.pointsMovements))</h2>\
            \(movements(s.movements, lang, id: "points-movements"))</section>
            """
    }

    static func shop(
        _ shops: [PointsLists.ShopOut], balance: Int, error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        let cards: [HTML] = shops.map { s in
            let goods: [HTML] = s.goods.map { g in
                let limit: HTML =
                    g.limitPerPerson.map {
                        let text = lang.t(.pointsLimitShown, String($0), lang.t(key: g.limitPeriod.labelKey))
                        return "<br><span class=\"muted\">\(text)</span>"
                    } ?? ""
                let action: HTML =
                    g.stock <= 0
                    ? "<span class=\"tag warn\">\(lang.t(.pointsSoldOut))</span>"
                    : """
                    <form method="post" action="\(PointsRoute.redeem(.value(g.id)))" class="inline">\(csrf)\
                    <label>\(lang.t(.pointsQuantity)) <input name="quantity" type="number" min="1" \
                    max="\(PointsShopRules.maxQuantity)" value="1" inputmode="numeric" size="3"></label> \
                    <button type="submit" id="redeem-\(g.id)">\(lang.t(.pointsRedeem))</button></form>
                    """
                return """
                    <div class="card good" data-good="\(g.id)" data-price="\(g.price)"><strong>\(g.name)</strong> \
                    <span class="tag">\(lang.t(.pointsPriceShown, String(g.price)))</span><br>\
                    <span class="muted">\(g.description)</span><br>\(lang.t(.pointsStockShown, String(g.stock)))\
                    \(limit) \(action)</div>
                    """
            }
            let none: HTML = "<p class=\"muted\">\(lang.t(.pointsNoGoods))</p>"
            return """
                <section class="shop" id="shop-\(s.id)"><h2>\(s.name)</h2>\
                <p class="muted">\(s.nodeName) · \(s.place)</p>\
                \(goods.isEmpty ? none : HTML(raw: goods.map(\.raw).joined()))</section>
                """
        }
        let none: HTML = "<p class=\"muted\">\(lang.t(.pointsNoShops))</p>"
        return """
            <h1>\(lang.t(.pointsShopTitle))</h1>\(Widgets.errorSummary(error, lang: lang, id: "points-error"))
            <p class="card">\(lang.t(.pointsBalance)): <strong id="points-balance-value">\(balance)</strong> \
            <a href="\(PointsRoute.redemptions)">\(lang.t(.pointsMyRedemptions))</a></p>
            \(cards.isEmpty ? none : HTML(raw: cards.map(\.raw).joined()))
            """
    }

    static func redemptions(_ rs: [PointsLists.RedemptionOut], error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        let items: [HTML] = rs.map { r in
            let cancel: HTML =
                r.state == .pending
                ? """
                <form method="post" action="\(PointsRoute.cancel(.value(r.id)))" class="inline">\(csrf)\
                <button type="submit" class="secondary">\(lang.t(.pointsCancel))</button></form>
                """ : ""
            let code: HTML =
                r.state == .pending
                ? "<p>\(lang.t(.pointsCode)): <strong class=\"code\" id=\"code-\(r.id)\">\(r.code)</strong></p>" : ""
            return """
                <div class="card redemption" data-redemption="\(r.id)">\
                <strong>\(r.goodName)</strong> × \(r.quantity) · \
                \(lang.t(.pointsPriceShown, String(r.cost))) <span class="tag \(r.state == .pending ? "warn" : "")">\
                \(lang.t(key: r.state.labelKey))</span><br><span class="muted">\(r.shopName) · \
                \(r.createdAt.map(PointsFormat.time) ?? "")</span>\(code)\(cancel)</div>
                """
        }
        let none: HTML = "<p class=\"muted\">\(lang.t(.pointsNoRedemptions))</p>"
        return """
            <h1>\(lang.t(.pointsMyRedemptions))</h1>\(Widgets.errorSummary(error, lang: lang, id: "points-error"))
            <p><a href="\(PointsRoute.shop)">\(lang.t(.pointsShopTitle))</a> · \
            <a href="\(PointsRoute.page)">\(lang.t(.navPointsPhone))</a></p>
            <section id="my-redemptions">\(items.isEmpty ? none : HTML(raw: items.map(\.raw).joined()))</section>
            """
    }
}

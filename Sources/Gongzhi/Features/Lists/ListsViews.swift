import GongzhiCore
import Vapor

extension ListItemKind { var label: Text { Text("listKind.\(rawValue)") } }
extension NeedStatus { var label: Text { Text("needStatus.\(rawValue)") } }
extension ListOrigin { var label: Text { Text("listOrigin.\(rawValue)") } }
extension ResourceOfferer { var label: Text { Text("offerer.\(rawValue)") } }
extension ProjectState { var label: Text { Text("projectState.\(rawValue)") } }
extension BeneficiaryGroup { var label: Text { Text("beneficiary.\(rawValue)") } }

/// The lists' pages, pure functions of their models and the language.
enum ListsViews {
    struct ListModel: Sendable {
        let items: Paged<ListItemOut>
        let filter: ListFilter
        let url: String
        /// Communities a keeper may raise items in; empty for others.
        let communities: [(id: Int, name: String)]
        let mayExport: Bool
        let isResident: Bool
        let mayRaise: Bool
        /// What the new-item form shows: a refused form's values, or a help request being put on the list.
        var draft = ItemDraft()
    }

    struct ItemDraft: Sendable {
        var kind = ""
        var title = ""
        var text = ""
        var category = ""
        var quantity = "1"
        var communityID = ""
        var origin = ""
        var originID = ""

        var fromRequest: Bool { origin == ListOrigin.request.rawValue && !originID.isEmpty }
    }

    static func categoryOptions(_ selected: ServiceCategory?, _ lang: Lang, any: Bool) -> HTML {
        let all = any ? [(value: "", label: lang.t(.listsAny))] : []
        return Widgets.options(
            all + ServiceCategory.allCases.map { ($0.rawValue, lang.t(.serviceCategory($0))) },
            selected: selected?.rawValue ?? "")
    }

    static func enumOptions<T: RawRepresentable & CaseIterable>(
        _ selected: T?, _ lang: Lang, label: (T) -> Text
    ) -> HTML where T.RawValue == String {
        Widgets.options(
            [(value: "", label: lang.t(.listsAny))] + T.allCases.map { ($0.rawValue, lang.t(label($0))) },
            selected: selected?.rawValue ?? "")
    }

    static func tabs(_ lang: Lang, resident: Bool) -> HTML {
        if resident { return "" }
        return """
            <nav class="tabs"><a href="\(ListsRoute.page)">\(lang.t(.listsNeeds))</a> \
            <a href="\(ListsRoute.resources)">\(lang.t(.listsResources))</a> \
            <a href="\(ListsRoute.projects)">\(lang.t(.listsProjects))</a></nav>
            """
    }

    static func itemRows(_ items: [ListItemOut], _ lang: Lang) -> HTML {
        items.map { i in
            """
            <tr><td><a href="\(ListsRoute.item(.value(i.id)))">\(i.title)</a></td>\
            <td>\(lang.t(i.kind.label))</td><td>\(lang.t(.serviceCategory(i.category)))</td>\
            <td>\(i.communityName)</td><td class="num">\(i.claimed) / \(i.quantity)</td>\
            <td><span class="badge status-\(i.status.rawValue)">\(lang.t(i.status.label))</span></td>\
            <td>\(lang.t(i.origin.label))</td><td>\(i.raisedOn)</td></tr>
            """ as HTML
        }.joined()
    }

    static func itemTable(_ items: [ListItemOut], id: String, _ lang: Lang) -> HTML {
        """
        <table id="\(id)"><thead><tr><th>\(lang.t(.listsTitle))</th><th>\(lang.t(.listsKind))</th>\
        <th>\(lang.t(.listsCategory))</th><th>\(lang.t(.listsCommunity))</th><th>\(lang.t(.listsClaimedOf))</th>\
        <th>\(lang.t(.listsStatus))</th><th>\(lang.t(.listsOrigin))</th><th>\(lang.t(.listsRaisedOn))</th></tr>\
        </thead><tbody>\(itemRows(items, lang))</tbody></table>
        """
    }

    static func list(_ m: ListModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let f = m.filter
        let export: HTML = m.mayExport ? "<a href=\"\(ListsRoute.export)\">\(lang.t(.actionExportCSV))</a>" : ""
        let form: HTML =
            m.mayRaise && !m.isResident ? itemForm(m.communities, draft: m.draft, csrf: csrf, error: error, lang) : ""
        return """
            <h1>\(lang.t(.navLists))</h1>\(tabs(lang, resident: m.isResident))
            <p class="muted">\(lang.t(.listsIntro))</p>
            <form method="get" action="\(ListsRoute.page)" class="filters" id="lists-filter">
            <label for="q">\(lang.t(.listsSearch))</label><input id="q" name="q" maxlength="50" value="\(f.q ?? "")">
            <label for="kind">\(lang.t(.listsKind))</label>\
            <select id="kind" name="kind">\(enumOptions(f.kind, lang) { $0.label })</select>
            <label for="status">\(lang.t(.listsStatus))</label>\
            <select id="status" name="status">\(enumOptions(f.status, lang) { $0.label })</select>
            <label for="category">\(lang.t(.listsCategory))</label>\
            <select id="category" name="category">\(categoryOptions(f.category, lang, any: true))</select>
            <label for="origin">\(lang.t(.listsOrigin))</label>\
            <select id="origin" name="origin">\(enumOptions(f.origin, lang) { $0.label })</select>
            <button>\(lang.t(.actionFilter))</button> \(export)</form>
            \(m.draft.fromRequest ? form : "")
            \(itemTable(m.items.rows, id: "list-items", lang))
            \(Widgets.pager(url: m.url, lang: lang, m.items))
            \(m.draft.fromRequest ? "" : form)
            """
    }

    static func itemForm(
        _ communities: [(id: Int, name: String)], draft d: ItemDraft, csrf: HTML, error: AppError?, _ lang: Lang
    ) -> HTML {
        let kinds = Widgets.options(ListItemKind.allCases.map { ($0.rawValue, lang.t($0.label)) }, selected: d.kind)
        let categories = categoryOptions(ServiceCategory(rawValue: d.category), lang, any: false)
        let origins = [ListOrigin.staff, .request, .visit, .meeting].map { ($0.rawValue, lang.t($0.label)) }
        return """
            <form method="post" action="\(ListsRoute.page)" class="card" id="item-form">\(csrf)
            <h2>\(lang.t(.listsNewItem))</h2>\(Widgets.errorSummary(error, lang: lang))
            <label for="i-kind">\(lang.t(.listsKind))</label><select id="i-kind" name="kind">\(kinds)</select>
            <label for="i-title">\(lang.t(.listsTitle))</label>\
            <input id="i-title" name="title" required maxlength="100" value="\(d.title)">
            <label for="i-text">\(lang.t(.listsDetails))</label>\
            <textarea id="i-text" name="text" maxlength="2000">\(d.text)</textarea>
            <label for="i-category">\(lang.t(.listsCategory))</label>\
            <select id="i-category" name="category">\(categories)</select>
            <label for="i-quantity">\(lang.t(.listsQuantity))</label>\
            <input id="i-quantity" name="quantity" type="number" min="1" max="10000" value="\(d.quantity)">
            <label for="i-community">\(lang.t(.listsCommunity))</label>\
            <select id="i-community" name="communityNodeId">\
            \(Widgets.options(communities.map { (String($0.id), $0.name) }, selected: d.communityID))</select>
            <label for="i-from">\(lang.t(.listsNeededFrom))</label>\
            <input id="i-from" name="neededFrom" type="date">
            <label for="i-until">\(lang.t(.listsNeededUntil))</label>\
            <input id="i-until" name="neededUntil" type="date">
            <label for="i-origin">\(lang.t(.listsOrigin))</label><select id="i-origin" name="origin">\
            \(Widgets.options(origins, selected: d.origin))</select>
            <label for="i-origin-id">\(lang.t(.listsOriginID))</label>\
            <input id="i-origin-id" name="originId" type="number" min="1" value="\(d.originID)">
            <button>\(lang.t(.listsRaise))</button></form>
            """
    }

    struct MineModel: Sendable {
        let mine: [ListItemOut]
        let publicItems: [ListItemOut]
        let resources: [ListResourceOut]
        let mayOffer: Bool
        let prefill: Prefill
    }

    struct Prefill: Sendable {
        var title = ""
        var text = ""
    }

    /// The phone: raise a need, see one's own and the community's public ones; a member offers what they can give.
    static func mine(_ m: MineModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let mine: HTML =
            m.mine.isEmpty
            ? "<p class=\"muted\">\(lang.t(.listsNoneYet))</p>"
            : m.mine.map { i in
                """
                <li><a href="\(ListsRoute.item(.value(i.id)))">\(i.title)</a> · \
                <span class="badge status-\(i.status.rawValue)">\(lang.t(i.status.label))</span></li>
                """ as HTML
            }.joined().wrapped("<ul id=\"lists-mine\">", "</ul>")
        let community: HTML = m.publicItems.map { i in
            "<li><a href=\"\(ListsRoute.item(.value(i.id)))\">\(i.title)</a> · \(lang.t(i.status.label))</li>" as HTML
        }.joined()
        let offers: HTML = m.resources.map { r in
            "<li><a href=\"\(ListsRoute.resource(.value(r.id)))\">\(r.title)</a> · \(r.free) / \(r.capacity)</li>"
                as HTML
        }.joined()
        return """
            <h1>\(lang.t(.navListsPhone))</h1>
            <form method="post" action="\(ListsRoute.mine)" class="card" id="need-form">\(csrf)
            <h2>\(lang.t(.listsPostNeed))</h2>\(Widgets.errorSummary(error, lang: lang))
            <label for="n-title">\(lang.t(.listsTitle))</label>\
            <input id="n-title" name="title" required maxlength="100" value="\(m.prefill.title)">
            <label for="n-text">\(lang.t(.listsDetails))</label>\
            <textarea id="n-text" name="text" maxlength="2000">\(m.prefill.text)</textarea>
            <label for="n-category">\(lang.t(.listsCategory))</label>\
            <select id="n-category" name="category">\(categoryOptions(nil, lang, any: false))</select>
            <label for="n-quantity">\(lang.t(.listsQuantity))</label>\
            <input id="n-quantity" name="quantity" type="number" min="1" max="10000" value="1">
            <label><input type="checkbox" name="isPublic" value="true" checked> \(lang.t(.listsPublic))</label>
            <button id="need-submit">\(lang.t(.listsPostNeed))</button></form>
            <section class="card"><h2>\(lang.t(.listsMine))</h2>\(mine)</section>
            <section class="card"><h2>\(lang.t(.listsCommunityNeeds))</h2><ul id="lists-public">\(community)</ul>\
            </section>
            \(m.mayOffer ? memberOffer(offers, csrf: csrf, lang) : "")
            """
    }

    static func memberOffer(_ offers: HTML, csrf: HTML, _ lang: Lang) -> HTML {
        """
        <section class="card"><h2>\(lang.t(.listsMyOffers))</h2><ul id="lists-offers">\(offers)</ul>
        <form method="post" action="\(ListsRoute.resources)" id="offer-form">\(csrf)
        <label for="o-title">\(lang.t(.listsTitle))</label><input id="o-title" name="title" required maxlength="100">
        <label for="o-category">\(lang.t(.listsCategory))</label>\
        <select id="o-category" name="category">\(categoryOptions(nil, lang, any: false))</select>
        <label for="o-capacity">\(lang.t(.listsCapacity))</label>\
        <input id="o-capacity" name="capacity" type="number" min="1" value="1">
        <label for="o-hours">\(lang.t(.listsHours))</label><input id="o-hours" name="hours" maxlength="200">
        <button>\(lang.t(.listsOffer))</button></form></section>
        """
    }

    static func reason(_ r: ListsMatching.Reason, _ lang: Lang) -> String {
        switch r.code {
        case "distance": lang.t(.listsReasonDistance, String(r.value ?? 0))
        case "coversAll": lang.t(.listsReasonCoversAll, String(r.value ?? 0))
        case "coversPart": lang.t(.listsReasonCoversPart, String(r.value ?? 0))
        case "sameGrid": lang.t(.listsReasonSameGrid)
        case "sameCommunity": lang.t(.listsReasonSameCommunity)
        case "windowFits": lang.t(.listsReasonWindow)
        default: lang.t(.listsReasonCategory)
        }
    }

    struct ItemModel: Sendable {
        let detail: ListItemDetail
        let suggestions: [ListsMatching.Suggestion]
        /// The liaison's units, for a unit's claim.
        let units: [(id: Int, name: String)]
        let mayOpenProject: Bool
        let originLink: Link?
    }

    static func item(_ m: ItemModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let d = m.detail
        let i = d.item
        let claims: HTML = d.claims.map { c in
            let who = c.resourceTitle ?? c.teamName ?? c.unitName ?? "—"
            let withdraw: HTML =
                c.mayWithdraw
                ? """
                <form method="post" action="\(ListsRoute.withdrawClaim(.value(i.id), .value(c.id)))" class="inline">\
                \(csrf)<button>\(lang.t(.listsWithdraw))</button></form>
                """ : ""
            let state = c.withdrawn ? lang.t(.listsWithdrawn) : ""
            return """
                <tr><td>\(who)</td><td class="num">\(c.quantity)</td><td>\(c.note)</td><td>\(c.claimedOn)</td>\
                <td>\(state)\(withdraw)</td></tr>
                """ as HTML
        }.joined()
        let open = i.quantity - i.claimed
        let suggestions: HTML = m.suggestions.map { s in
            let reasons = s.reasons.map { reason($0, lang) }.joined(separator: " · ")
            let most = max(1, s.kind == .team ? open : min(open, s.free))
            let link =
                s.kind == .team ? VolunteeringRoute.team(.value(s.id)).link : ListsRoute.resource(.value(s.id)).link
            let kind = lang.t(s.kind == .team ? .listsTeam : .listsResource)
            return """
                <li class="suggestion"><a href="\(link)">\(s.title)</a> · \(kind) · \(s.offeredBy)\
                <br><span class="muted">\(reasons)</span>
                <form method="post" action="\(ListsRoute.claims(.value(i.id)))" class="inline match-form">\(csrf)\
                <input type="hidden" name="\(s.kind == .team ? "teamId" : "resourceId")" value="\(String(s.id))">\
                <label for="q-\(s.id)" class="visually-hidden">\(lang.t(.listsQuantity))</label>\
                <input id="q-\(s.id)" name="quantity" type="number" min="1" max="\(String(most))" \
                value="\(String(most))"><button>\(lang.t(.listsMatch))</button></form></li>
                """ as HTML
        }.joined()
        let suggestionSection: HTML =
            d.mayClaim
            ? """
            <section class="card" id="suggestions"><h2>\(lang.t(.listsSuggestions))</h2>\
            <p class="muted">\(lang.t(.listsSuggestionRule))</p>\
            \(m.suggestions.isEmpty ? "<p>\(lang.t(.listsNoSuggestions))</p>" as HTML : "<ol>\(suggestions)</ol>")\
            \(m.units.isEmpty ? "" : unitClaimForm(i.id, open: open, units: m.units, csrf: csrf, lang))</section>
            """ : ""
        let close: HTML =
            d.mayClose
            ? """
            <form method="post" action="\(ListsRoute.close(.value(i.id)))" class="card" id="close-form">\(csrf)\
            <label for="close-note">\(lang.t(.listsCloseNote))</label>\
            <input id="close-note" name="note" required maxlength="500"><button>\(lang.t(.listsClose))</button></form>
            """ : ""
        let projects: HTML = d.projects.map { p in
            "<li><a href=\"\(ListsRoute.project(.value(p.id)))\">\(p.title)</a> · \(lang.t(p.state.label))</li>"
                as HTML
        }.joined()
        let origin: HTML =
            m.originLink.map { "<a href=\"\($0)\">\(lang.t(i.origin.label)) #\(String(i.originID ?? 0))</a>" }
            ?? "\(lang.t(i.origin.label))"
        let newProject: HTML =
            m.mayOpenProject && i.status != .closed
            ? """
            <p><a href="\(ListsRoute.projects.query([("itemId", String(i.id))]))" id="open-project">\
            \(lang.t(.listsOpenProject))</a></p>
            """ : ""
        return """
            <h1>\(i.title)</h1>
            <p>\(lang.t(i.kind.label)) · \(lang.t(.serviceCategory(i.category))) · \(i.communityName) · \
            \(origin) · \
            <span class="badge status-\(i.status.rawValue)" id="item-status">\(lang.t(i.status.label))</span> · \
            \(lang.t(.listsClaimedFigure, String(i.claimed), String(i.quantity)))</p>
            <p>\(i.text)</p>\(Widgets.errorSummary(error, lang: lang))
            <section class="card"><h2>\(lang.t(.listsClaims))</h2><p class="muted">\(lang.t(.listsStatusRule))</p>
            <table id="claims"><thead><tr><th>\(lang.t(.listsClaimBy))</th><th>\(lang.t(.listsQuantity))</th>\
            <th>\(lang.t(.listsNote))</th><th>\(lang.t(.listsClaimedOn))</th><th></th></tr></thead>\
            <tbody>\(claims)</tbody></table></section>
            \(suggestionSection)
            <section class="card"><h2>\(lang.t(.listsProjects))</h2><ul>\(projects)</ul>\(newProject)</section>
            \(close)
            """
    }

    static func unitClaimForm(_ id: Int, open: Int, units: [(id: Int, name: String)], csrf: HTML, _ lang: Lang)
        -> HTML
    {
        """
        <form method="post" action="\(ListsRoute.claims(.value(id)))" id="unit-claim">\(csrf)
        <label for="claim-unit">\(lang.t(.listsClaimForUnit))</label><select id="claim-unit" name="unitId">\
        \(Widgets.options(units.map { (String($0.id), $0.name) }))</select>
        <label for="claim-q">\(lang.t(.listsQuantity))</label>\
        <input id="claim-q" name="quantity" type="number" min="1" value="\(String(max(1, open)))">
        <label for="claim-note">\(lang.t(.listsNote))</label><input id="claim-note" name="note" maxlength="500">
        <button>\(lang.t(.listsClaim))</button></form>
        """
    }

    struct ResourcesModel: Sendable {
        let resources: [ListResourceOut]
        let category: ServiceCategory?
        let q: String?
        let mayExport: Bool
        /// Where the viewer may offer to (keepers: communities and streets; liaisons: their units).
        let nodes: [(id: Int, name: String)]
        let units: [(id: Int, name: String)]
        let mayOffer: Bool
        let isResident: Bool
    }

    static func resources(_ m: ResourcesModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let rows: HTML = m.resources.map { r in
            """
            <tr><td><a href="\(ListsRoute.resource(.value(r.id)))">\(r.title)</a></td>\
            <td>\(lang.t(.serviceCategory(r.category)))</td><td>\(lang.t(r.offerer.label))</td><td>\(r.offeredBy)</td>\
            <td>\(r.nodeName)</td><td class="num">\(r.free) / \(r.capacity)</td><td>\(r.hours)</td></tr>
            """ as HTML
        }.joined()
        let export: HTML =
            m.mayExport ? "<a href=\"\(ListsRoute.resourcesExport)\">\(lang.t(.actionExportCSV))</a>" : ""
        return """
            <h1>\(lang.t(.listsResources))</h1>\(tabs(lang, resident: m.isResident))
            <form method="get" action="\(ListsRoute.resources)" class="filters">
            <label for="q">\(lang.t(.listsSearch))</label><input id="q" name="q" maxlength="50" value="\(m.q ?? "")">
            <label for="category">\(lang.t(.listsCategory))</label>\
            <select id="category" name="category">\(categoryOptions(m.category, lang, any: true))</select>
            <button>\(lang.t(.actionFilter))</button> \(export)</form>
            <table id="list-resources"><thead><tr><th>\(lang.t(.listsTitle))</th><th>\(lang.t(.listsCategory))</th>\
            <th>\(lang.t(.listsOfferer))</th><th>\(lang.t(.listsOfferedBy))</th><th>\(lang.t(.listsOfferedTo))</th>\
            <th>\(lang.t(.listsFree))</th><th>\(lang.t(.listsHours))</th></tr></thead><tbody>\(rows)</tbody></table>
            \(m.mayOffer ? resourceForm(m, csrf: csrf, error: error, lang) : "")
            """
    }

    static func resourceForm(_ m: ResourcesModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let none: [(value: String, label: String)] = m.nodes.isEmpty ? [] : [(value: "", label: "—")]
        let unitChoices = none + m.units.map { (value: String($0.id), label: $0.name) }
        let units: HTML =
            m.units.isEmpty
            ? ""
            : """
            <label for="r-unit">\(lang.t(.listsUnit))</label><select id="r-unit" name="unitId">\
            \(Widgets.options(unitChoices))\
            </select>
            """
        let nodes: HTML =
            m.nodes.isEmpty
            ? ""
            : """
            <label for="r-node">\(lang.t(.listsOfferedTo))</label><select id="r-node" name="communityNodeId">\
            \(Widgets.options(m.nodes.map { (String($0.id), $0.name) }))</select>
            """
        return """
            <form method="post" action="\(ListsRoute.resources)" class="card" id="resource-form">\(csrf)
            <h2>\(lang.t(.listsOffer))</h2>\(Widgets.errorSummary(error, lang: lang))\(units)\(nodes)
            <label for="r-title">\(lang.t(.listsTitle))</label>\
            <input id="r-title" name="title" required maxlength="100">
            <label for="r-text">\(lang.t(.listsDetails))</label>\
            <textarea id="r-text" name="text" maxlength="2000"></textarea>
            <label for="r-category">\(lang.t(.listsCategory))</label>\
            <select id="r-category" name="category">\(categoryOptions(nil, lang, any: false))</select>
            <label for="r-capacity">\(lang.t(.listsCapacity))</label>\
            <input id="r-capacity" name="capacity" type="number" min="1" value="10">
            <label for="r-address">\(lang.t(.listsAddress))</label>\
            <input id="r-address" name="address" maxlength="200">
            <label for="r-hours">\(lang.t(.listsHours))</label><input id="r-hours" name="hours" maxlength="200">
            <label for="r-from">\(lang.t(.listsAvailableFrom))</label>\
            <input id="r-from" name="availableFrom" type="date">
            <label for="r-until">\(lang.t(.listsAvailableUntil))</label>\
            <input id="r-until" name="availableUntil" type="date">
            <label for="r-conditions">\(lang.t(.listsConditions))</label>\
            <input id="r-conditions" name="conditions" maxlength="500">
            <label for="r-contact">\(lang.t(.listsContactPhone))</label>\
            <input id="r-contact" name="contactPhone" maxlength="20">
            <button id="resource-submit">\(lang.t(.listsOffer))</button></form>
            """
    }

    static func resource(_ r: ListResourceOut, csrf: HTML, _ lang: Lang) -> HTML {
        let withdraw: HTML =
            r.mayWithdraw
            ? """
            <form method="post" action="\(ListsRoute.withdrawResource(.value(r.id)))">\(csrf)\
            <button>\(lang.t(.listsWithdrawOffer))</button></form>
            """ : ""
        let window = [r.availableFrom, r.availableUntil].map { $0 ?? "…" }.joined(separator: " – ")
        return """
            <h1>\(r.title)</h1>
            <dl class="facts"><dt>\(lang.t(.listsCategory))</dt><dd>\(lang.t(.serviceCategory(r.category)))</dd>\
            <dt>\(lang.t(.listsOfferedBy))</dt><dd>\(lang.t(r.offerer.label)) · \(r.offeredBy)</dd>\
            <dt>\(lang.t(.listsOfferedTo))</dt><dd>\(r.nodeName)</dd>\
            <dt>\(lang.t(.listsFree))</dt><dd id="resource-free">\(r.free) / \(r.capacity)</dd>\
            <dt>\(lang.t(.listsWindow))</dt><dd>\(window) \(r.hours)</dd>\
            <dt>\(lang.t(.listsAddress))</dt><dd>\(r.address)</dd>\
            <dt>\(lang.t(.listsConditions))</dt><dd>\(r.conditions)</dd>\
            <dt>\(lang.t(.listsContact))</dt><dd>\(r.contact)</dd></dl>
            <p>\(r.text)</p>\(r.withdrawnOn.map { "<p>\(lang.t(.listsWithdrawnOn, $0))</p>" as HTML } ?? "")\(withdraw)
            """
    }
}

extension HTML {
    fileprivate func wrapped(_ open: String, _ close: String) -> HTML {
        HTML(raw: open + raw + close)
    }
}

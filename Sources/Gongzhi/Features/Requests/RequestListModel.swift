import Fluent
import Vapor

/// One request as a page lists it, labelled in the viewer's language.
struct RequestRow: Sendable {
    let id: Int
    let number: String
    let kindLabel: String
    let categoryLabel: String
    /// Empty for another resident's private request.
    let text: String
    let gridName: String?
    let stateLabel: String
    let supervised: Bool
    let stepDeadline: Date?
    let overdue: Bool
    let isPublic: Bool
    let mine: Bool

    init(_ o: RequestsAPI.RequestOut, _ lang: Lang) {
        id = o.id
        number = o.number
        kindLabel = lang.t(key: o.kind.labelKey)
        categoryLabel = o.categoryLabel
        text = o.text
        gridName = o.gridName
        stateLabel = lang.t(key: o.state.labelKey)
        supervised = o.supervised
        stepDeadline = o.stepDeadline
        overdue = o.overdue
        isPublic = o.isPublic
        mine = o.mine
    }

    static func rows(_ rs: [ServiceRequest], viewer v: Viewer, lang: Lang, on db: any Database, now: Date)
        async throws -> [RequestRow]
    {
        try await RequestsAPI.out(rs, viewer: v, lang: lang, on: db, now: now).map { RequestRow($0, lang) }
    }
}

/// 我有需要 on the phone, the request list at the desk; residents also see their community's public requests.
struct RequestListModel: Sendable {
    struct PublicRow: Sendable {
        let categoryLabel: String
        let gridName: String?
        let stateLabel: String
        let text: String
    }

    var phone: Bool
    var rows: [RequestRow]
    /// Nil for staff, who see no public list.
    var publicRows: [PublicRow]?
    /// The page shown and the total of the list (a figure's list is shown whole).
    var page: Paged<Int>

    var title: String { phone ? "nav.myRequests" : "nav.requests" }

    /// `publicCommunity` is asked only of residents (`.some`); staff pass nil.
    static func query(
        _ v: Viewer, filter: RequestsAPI.ListFilter, publicCommunity: Int??, lang: Lang, on db: any Database,
        now: Date
    ) async throws -> RequestListModel {
        let listed = try await RequestsAPI.listed(filter, viewer: v, on: db, now: now)
        var publicRows: [PublicRow]?
        if let community = publicCommunity {
            publicRows = try await RequestsAPI.publicRequests(community, viewer: v, lang: lang, on: db, now: now).map {
                PublicRow(
                    categoryLabel: $0.categoryLabel, gridName: $0.gridName, stateLabel: lang.t(key: $0.state.labelKey),
                    text: $0.text)
            }
        }
        return RequestListModel(
            phone: v.role.usesPhoneLayout,
            rows: try await RequestRow.rows(listed.rows, viewer: v, lang: lang, on: db, now: now),
            publicRows: publicRows, page: listed.map { $0.id! })
    }

    /// `pagerURL`: the page's own address when it pages (not for a figure's list, shown whole with its total).
    static func body(_ m: RequestListModel, pagerURL: String?, _ lang: Lang) -> HTML {
        let mine: HTML
        if m.phone {
            let items: [HTML] = m.rows.map { r in
                """
                <li><a href="\(RequestsRoute.request(.value(r.id)))">\(r.number) \(r.categoryLabel)</a> \
                <span class="tag">\(r.stateLabel)</span></li>
                """
            }
            mine = "<ul id=\"my-requests\">\(items)</ul>"
        } else {
            mine = RequestViews.table(lang, m.rows.map { RequestViews.row(lang, $0) }, id: "requests")
        }
        let pager = Widgets.pager(url: pagerURL, lang: lang, m.page)
        var publicList: HTML = ""
        if let rows = m.publicRows {
            let items: [HTML] = rows.map { p in
                """
                <li>\(p.categoryLabel) · \(p.gridName ?? "") · <span class="tag">\(p.stateLabel)</span> \
                \(String(p.text.prefix(40)))</li>
                """
            }
            publicList = """
                <section class="card"><h2>\(lang.t(.requestPublic))</h2><p><a \
                href="\(RequestsRoute.map)">\(lang.t(.requestPublicMap))</a></p><ul \
                id="public-requests">\(items)</ul></section>
                """
        }
        return """
            <h1>\(lang.t(key: m.title)) <span class="muted">(\(m.rows.count))</span></h1>
            <p><a class="button" href="\(RequestsRoute.new)">\(lang.t(.requestNew))</a></p>
            \(mine)
            \(pager)
            \(publicList)
            """
    }
}

/// Pieces the request pages share.
enum RequestViews {
    static func row(_ lang: Lang, _ r: RequestRow) -> HTML {
        let supervised: HTML =
            r.supervised ? " <span class=\"tag\">\(lang.t(.requestActionSupervise))</span>" : ""
        return """
            <tr class="\(r.overdue ? "bad" : "")"><td data-label="\(lang.t(.requestNumber))"><a \
            href="\(RequestsRoute.request(.value(r.id)))">\(r.number)</a></td>\
            <td data-label="\(lang.t(.requestCategory))">\(r.categoryLabel) · \(r.kindLabel)</td>
            <td data-label="\(lang.t(.requestWording))">\(String(r.text.prefix(40)))</td>\
            <td data-label="\(lang.t(.entityGrid))">\(r.gridName ?? "")</td>\
            <td data-label="\(lang.t(.requestState))"><span class="tag">\(r.stateLabel)</span>\(supervised)</td>
            <td data-label="\(lang.t(.requestDeadline))">\(RequestPages.time(r.stepDeadline))\
            \(r.overdue ? " · " + lang.t(.requestOverdue) : "")</td></tr>
            """
    }

    static func table(_ lang: Lang, _ rows: [HTML], id: String) -> HTML {
        """
        <table id="\(id)" class="list"><thead><tr><th>\(lang.t(.requestNumber))</th>\
        <th>\(lang.t(.requestCategory))</th>\
        <th>\(lang.t(.requestWording))</th>
        <th>\(lang.t(.entityGrid))</th><th>\(lang.t(.requestState))</th>\
        <th>\(lang.t(.requestDeadline))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }
}

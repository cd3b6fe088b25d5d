import GongzhiCore
import Vapor

/// Small views every capability's pages share: pure functions of their values and the language.
enum Widgets {
    /// A box that narrows a long select or checkbox list as one types (the page script wires it up; without the
    /// script the list is whole).
    static func filter(for listID: String, label: String) -> HTML {
        """
        <label for="filter-\(listID)">\(label)</label><input type="search" id="filter-\(listID)" \
        data-filter="\(listID)">
        """
    }

    /// Previous/next links that keep the other query parameters of `url` (the page's own address).
    static func pager(url: String, lang: Lang, hasNext: Bool, page: Int, total: HTML = .empty) -> HTML {
        func link(_ p: Int, _ key: String) -> HTML {
            var comps = URLComponents(string: url) ?? URLComponents()
            var items = (comps.queryItems ?? []).filter { $0.name != "page" }
            items.append(URLQueryItem(name: "page", value: String(p)))
            comps.queryItems = items
            return "<a href=\"\(comps.string ?? "?page=\(p)")\">\(lang.t(key: key))</a> "
        }
        let prev: HTML = page > 1 ? link(page - 1, "action.prev") : ""
        let next: HTML = hasNext ? link(page + 1, "action.next") : ""
        return "<p class=\"pager\">\(total)\(prev)\(next)</p>"
    }

    /// A list's total and where this page is in it, with the previous and next pages: never a list cut off
    /// without saying so. `data-total` carries the figure for checks that compare it with the home tile.
    static func pager<Row>(_ req: Request, _ page: Paged<Row>) -> HTML {
        pager(url: req.url.string, lang: req.lang, page)
    }

    /// The same for a page whose address is given; without one (a list shown whole) only the total.
    static func pager<Row>(url: String?, lang: Lang, _ page: Paged<Row>) -> HTML {
        let args = [String(page.total), String(page.asked.number), String(page.pageCount)]
        let total: HTML =
            "<span class=\"total\" data-total=\"\(page.total)\">\(lang.format(Text.listTotal.key, args))</span> "
        guard let url else { return "<p class=\"pager\">\(total)</p>" }
        return pager(url: url, lang: lang, hasNext: page.hasNext, page: page.asked.number, total: total)
    }

    static func pager(_ req: Request, hasNext: Bool, page: Int) -> HTML {
        pager(url: req.url.string, lang: req.lang, hasNext: hasNext, page: page)
    }

    /// `<option>` elements, the one whose value is `selected` marked.
    static func options(_ items: [(value: String, label: String)], selected: String? = nil) -> HTML {
        items.map { item in
            let mark = HTML(raw: item.value == selected ? " selected" : "")
            return "<option value=\"\(item.value)\"\(mark)>\(item.label)</option>" as HTML
        }.joined()
    }

    /// The same for values of a `RawRepresentable` kind, labelled by the language.
    static func options<T: RawRepresentable>(
        _ cases: [T], selected: T?, lang: Lang, label: (T) -> String
    ) -> HTML where T.RawValue == String {
        options(cases.map { ($0.rawValue, lang.t(key: label($0))) }, selected: selected?.rawValue)
    }

    /// A field's problem beside it, or nothing; `FormRefill` places the others (same id, so never twice).
    static func fieldProblem(_ error: AppError?, _ field: String, _ lang: Lang) -> HTML {
        guard let message = error?.fieldMessage(field, lang) else { return "" }
        return "<span class=\"field-error\" id=\"problem-\(field)\">\(message)</span>"
    }

    /// The message of a refused change at the top of a form, or nothing.
    static func errorSummary(_ error: AppError?, lang: Lang, id: String? = nil) -> HTML {
        guard let error else { return "" }
        let idAttribute = HTML(raw: id.map { " id=\"\(HTML.escape($0))\"" } ?? "")
        return "<p class=\"flash error\" role=\"alert\"\(idAttribute)>\(lang.format(error.messageKey, error.args))</p>"
    }
}

extension Widgets {
    /// A QR code of a link (a check-in code's page), drawn by the server as SVG: a phone's camera opens it.
    static func qr(_ text: String, title: String, pixels: Int = 200) -> HTML {
        guard let code = try? QRCode(text) else { return "" }
        return HTML(raw: "<figure class=\"qr\">\(code.svg(pixels: pixels, title: title))</figure>")
    }
}

extension Request {
    /// This server's address as the client reached it (behind a proxy, as the proxy says): for links that leave
    /// the page (a calendar feed, a QR code).
    var siteBase: String {
        let host = headers.first(name: .host) ?? "localhost"
        let proto =
            headers.first(name: "X-Forwarded-Proto")
            ?? (application.http.server.configuration.tlsConfiguration == nil ? "http" : "https")
        return "\(proto)://\(host)"
    }
}

extension FormChange {
    /// A change made from a page form that redirects to a route's link on success; on an error the user can fix,
    /// the page again with the message and the error's status (see `run(_:_:page:)`).
    static func run(
        _ req: Request, to action: () async throws -> Link, page: (AppError) async throws -> HTML,
        flash: Text = .flashSaved
    ) async throws -> Response {
        try await run(req, { try await action().description }, page: page, flash: flash)
    }
}

import Fluent
import Vapor

/// Which page of a list a person or client asked for: `?page=` from 1, `?per=` rows (up to `maxSize`).
struct PageRequest: Sendable, Equatable {
    static let maxSize = 200
    /// The most rows a whole list (an export, a list shown whole) reads: past it the list is refused with a 422
    /// asking to narrow it, never cut.
    static let wholeLimit = 100_000
    let number: Int
    let size: Int
    var offset: Int { (number - 1) * size }
}

extension Request {
    /// The page asked for; a 400 naming the parameter when it is not a number in range.
    func pageRequest(size: Int = 50) throws -> PageRequest {
        PageRequest(number: try page(), size: try queryInt("per", in: 1...PageRequest.maxSize) ?? size)
    }
}

/// One page of a list and the total it is a page of: nothing is cut off without saying so. A page answers the
/// API as a JSON array with `X-Total-Count` and an RFC 8288 `Link` to the next and previous pages.
struct Paged<Row: Sendable>: Sendable {
    let rows: [Row]
    let total: Int
    /// The page that was asked for.
    let asked: PageRequest

    var pageCount: Int { max(1, (total + asked.size - 1) / asked.size) }
    var hasNext: Bool { asked.offset + rows.count < total }

    func map<T>(_ transform: (Row) throws -> T) rethrows -> Paged<T> {
        Paged<T>(rows: try rows.map(transform), total: total, asked: asked)
    }

    init(rows: [Row], total: Int, asked: PageRequest) {
        self.rows = rows
        self.total = total
        self.asked = asked
    }

    /// A whole list as its one page (an export, the records behind a figure).
    static func whole(_ rows: [Row]) -> Paged {
        Paged(rows: rows, total: rows.count, asked: PageRequest(number: 1, size: max(1, rows.count)))
    }

    /// The page of a list already in memory (computed in Swift), in its order.
    init(all: [Row], _ asked: PageRequest) {
        rows = Array(all.dropFirst(asked.offset).prefix(asked.size))
        total = all.count
        self.asked = asked
    }
}

extension QueryBuilder {
    /// This query's page: its total and the rows of the page in the query's order, which must end with a unique
    /// key (the id) so pages neither overlap nor skip.
    func paged(_ p: PageRequest) async throws -> Paged<Model> {
        // Counted without the order: PostgreSQL refuses ORDER BY beside an aggregate.
        let counting = copy()
        counting.query.sorts = []
        let total = try await counting.count()
        let rows = try await copy().range(p.offset..<(p.offset + p.size)).all()
        return Paged(rows: rows, total: total, asked: p)
    }
}

extension QueryBuilder {
    /// Every row of the query (an export): refused past `PageRequest.wholeLimit` rather than cut.
    func whole() async throws -> [Model] {
        let rows = try await copy().limit(PageRequest.wholeLimit + 1).all()
        guard rows.count <= PageRequest.wholeLimit else {
            throw AppError.invalid(.errorListTooLong, args: [String(PageRequest.wholeLimit)])
        }
        return rows
    }

    /// This query's page, or the whole of it when no page is asked for (an export).
    func paged(orAll p: PageRequest?) async throws -> Paged<Model> {
        guard let p else { return .whole(try await whole()) }
        return try await paged(p)
    }
}

extension Paged: AsyncResponseEncodable where Row: Content {
    func encodeResponse(for request: Request) async throws -> Response {
        let response = try await rows.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: "X-Total-Count", value: String(total))
        var links: [String] = []
        func link(_ page: Int, _ rel: String) {
            var c = URLComponents(string: request.url.string) ?? URLComponents()
            c.queryItems =
                (c.queryItems ?? []).filter { $0.name != "page" } + [URLQueryItem(name: "page", value: String(page))]
            links.append("<\(c.string ?? "")>; rel=\"\(rel)\"")
        }
        if hasNext { link(asked.number + 1, "next") }
        if asked.number > 1 { link(min(asked.number - 1, pageCount), "prev") }
        if !links.isEmpty { response.headers.replaceOrAdd(name: "Link", value: links.joined(separator: ", ")) }
        return response
    }
}

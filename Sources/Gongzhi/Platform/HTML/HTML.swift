import Vapor

/// HTML built by string interpolation that escapes every interpolated String and passes
/// interpolated HTML through. Chosen over Leaf so templates are type-checked Swift with the
/// view model in scope, and over Plot's result builders for build time on 2 cores.
struct HTML: Sendable, ExpressibleByStringInterpolation, AsyncResponseEncodable {
    let raw: String

    init(raw: String) { self.raw = raw }
    init(stringLiteral value: String) { raw = value }
    init(stringInterpolation: Interpolation) { raw = stringInterpolation.out }

    struct Interpolation: StringInterpolationProtocol {
        var out = ""
        init(literalCapacity: Int, interpolationCount: Int) { out.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { out += literal }
        mutating func appendInterpolation(_ text: String) { out += HTML.escape(text) }
        mutating func appendInterpolation(_ text: String?) { out += HTML.escape(text ?? "") }
        mutating func appendInterpolation(_ number: Int) { out += String(number) }
        mutating func appendInterpolation(_ html: HTML) { out += html.raw }
        mutating func appendInterpolation(_ list: [HTML]) { for h in list { out += h.raw } }
    }

    static func escape(_ text: String) -> String {
        var s = ""
        s.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            case "'": s += "&#39;"
            default: s.unicodeScalars.append(c)
            }
        }
        return s
    }

    static let empty = HTML(raw: "")

    func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: raw))
    }
}

extension Array where Element == HTML {
    func joined() -> HTML { HTML(raw: map(\.raw).joined()) }
}

extension HTML {
    func encodeResponse(status: HTTPResponseStatus, for request: Request) async throws -> Response {
        let r = try await encodeResponse(for: request)
        r.status = status
        return r
    }
}

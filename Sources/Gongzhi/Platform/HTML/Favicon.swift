import Vapor

/// The site's icon: the brand's red square with 共, drawn as SVG so it stays sharp and needs no binary file.
/// Pages link it; `/favicon.ico` answers the same for clients that ask by the old name.
enum Favicon {
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" \
        fill="#b0201c"/><text x="32" y="46" font-size="40" text-anchor="middle" fill="#fff" \
        font-family="Noto Sans CJK SC,PingFang SC,Microsoft YaHei,sans-serif">共</text></svg>
        """

    static func serve() -> Response {
        StaticText.response(svg, contentType: "image/svg+xml")
    }
}

/// A text asset compiled into the server (no files to deploy, nothing fetched from elsewhere), cached an hour.
enum StaticText {
    static func response(_ body: String, contentType: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}

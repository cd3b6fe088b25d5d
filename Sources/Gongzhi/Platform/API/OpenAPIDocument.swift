import Foundation

/// The API document kept in the repo (Sources/Gongzhi/Resources/openapi.json), served as is.
/// A test compares its paths with the routes the server registers, both ways.
enum OpenAPIDocument {
    static let json: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "{}" }
        return text
    }()
}

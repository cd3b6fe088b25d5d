import Foundation
import Vapor

/// `gongzhi openapi`: writes the API document built from the code, to the checked-in file by default.
/// Needs no database: `DATABASE_URL=sqlite::memory: GONGZHI_DEMO=0 swift run gongzhi openapi`.
struct OpenAPICommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "File to write (default docs/openapi.json)")
        var output: String?
        @Flag(name: "stdout", help: "Print the document instead of writing a file")
        var stdout: Bool
    }

    static let defaultPath = "docs/openapi.json"
    var help: String { "Writes the OpenAPI document the server serves" }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.stdout {
            context.console.output(.init(stringLiteral: OpenAPIBuilder.printed), newLine: false)
            return
        }
        let path = signature.output ?? Self.defaultPath
        try OpenAPIBuilder.printed.write(toFile: path, atomically: true, encoding: .utf8)
        context.console.info("wrote \(path)")
    }
}

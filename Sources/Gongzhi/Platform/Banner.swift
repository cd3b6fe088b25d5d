import Foundation

/// What the first command prints: where to go and how to sign in.
public enum Banner {
    public static func print(arguments: [String], config: AppConfig) {
        func value(_ names: [String]) -> String? {
            guard let i = arguments.firstIndex(where: { names.contains($0) }), i + 1 < arguments.count else {
                return nil
            }
            return arguments[i + 1]
        }
        let host = value(["--hostname", "-H"]) ?? "127.0.0.1"
        let port = value(["--port", "-p"]) ?? "8080"
        var lines = ["", "共治 Gongzhi is starting on http://\(host):\(port)/", ""]
        if config.loadDemo {
            lines.append(
                """
                Demo district 青禾区 (fictional / 虚构演示数据). Sign in with any of these, password \
                \(config.demoPassword):
                """)
            for a in DemoData.accounts {
                lines.append(
                    "  \(a.username.padding(toLength: 14, withPad: " ", startingAt: 0)) \(a.phone)  \(a.role.rawValue)"
                )
            }
            lines.append("")
        }
        Swift.print(lines.joined(separator: "\n"))
    }
}

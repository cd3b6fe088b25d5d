import Vapor

enum AuditLogRoute: AppRoute {
    case audit
    case accessLog

    static let patterns: [AuditLogRoute] = [.audit, .accessLog]

    var components: [PathComponent] {
        switch self {
        case .audit: ["audit"]
        case .accessLog: ["access-log"]
        }
    }
}

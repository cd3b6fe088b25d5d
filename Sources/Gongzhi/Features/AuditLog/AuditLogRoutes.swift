import Vapor

/// Every path of the audit and access logs, pages and API: registered and linked from these values only.
enum AuditLogRoute: AppRoute {
    case audit
    case auditExport
    case accessLog

    case apiAudit
    case apiAuditExport
    case apiAccessLog

    static let patterns: [AuditLogRoute] = [
        .audit, .auditExport, .accessLog, .apiAudit, .apiAuditExport, .apiAccessLog,
    ]

    var components: [PathComponent] {
        switch self {
        case .audit: ["audit"]
        case .auditExport: ["audit", "export.csv"]
        case .accessLog: ["access-log"]
        case .apiAudit: APIPath.v1 + ["audit"]
        case .apiAuditExport: APIPath.v1 + ["audit", "export.csv"]
        case .apiAccessLog: APIPath.v1 + ["access-log"]
        }
    }
}

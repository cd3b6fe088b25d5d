import Foundation

/// The kind of record an audit entry is about. Each capability declares its kinds next to its models (a static
/// member here) and lists them in its manifest; the log's filter, its labels and the API document take
/// `AuditKind.all`, so the three cannot disagree. A struct rather than one enum so that adding a capability
/// edits no platform file.
struct AuditKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    let rawValue: String

    init(rawValue: String) { self.rawValue = rawValue }
    init(_ rawValue: String) { self.rawValue = rawValue }

    var description: String { rawValue }
    /// The interface label's string key.
    var labelKey: String { "entity.\(rawValue)" }

    /// Every kind the capabilities declare, in their order.
    static var all: [AuditKind] { Capability.all.flatMap(\.auditKinds) + platform }

    /// Kinds the platform itself writes.
    static let importBatch = AuditKind("import_batch")
    static let platform: [AuditKind] = [.orgNode, .user, .importBatch]

    static func known(_ raw: String) -> AuditKind? { all.first { $0.rawValue == raw } }
}

import Fluent
import Vapor

/// A record that hangs on the tree: the paths it may be read from, and the one whose subtree may change it.
protocol ScopedRecord: Model where IDValue == Int {
    /// Its own path, and e.g. an in-service member's home community, which sees but does not change the record.
    var readPaths: [String] { get }
    var changePath: String { get }
    /// For the access log.
    static var entityName: String { get }
}

extension ScopedRecord {
    var readPaths: [String] { [changePath] }
}

enum ScopeUse: Sendable { case read, change }

extension Request {
    /// The one check for an id a client sends, in a path, a body, an import row or a filter: existence is not enough,
    /// the record must lie in the viewer's scope.
    ///
    /// An id in the path: missing is a 404; outside the scope a logged 404 for a read, a logged 403 for a change.
    /// An id in a body or a filter (`field`): missing and outside alike answer a 422 naming the field, so a body
    /// cannot probe which ids exist elsewhere; the outside ones are logged.
    func scoped<M: ScopedRecord>(_ type: M.Type, _ id: Int, for use: ScopeUse = .read, field: String? = nil)
        async throws -> M
    {
        let v = try requireViewer()
        guard let record = try await M.find(id, on: db) else {
            if let field { throw AppError.invalid("error.ref.unknown", field: field) }
            throw AppError.notFound()
        }
        let paths = use == .read ? record.readPaths : [record.changePath]
        if paths.contains(where: { v.scope.includes(TreePath($0)) }) { return record }
        let detail = "\(M.entityName) \(id)" + (field.map { " in \($0)" } ?? "")
        if let field {
            let kind: AccessLogEntry.Kind = use == .read ? .outOfScopeRead : .forbiddenChange
            await AccessLog.write(self, kind, detail: detail, scopePath: record.changePath)
            throw AppError.invalid("error.ref.unknown", field: field)
        }
        switch use {
        case .read: throw await outOfScope(detail, scopePath: record.changePath)
        case .change: throw await forbidden("change " + detail, scopePath: record.changePath)
        }
    }
}

extension OrgNode: ScopedRecord {
    var changePath: String { path }
    static var entityName: String { "org node" }
}

extension Person: ScopedRecord {
    var readPaths: [String] { [path] + (homePath.map { [$0] } ?? []) }
    var changePath: String { path }
    static var entityName: String { "person" }
}

extension ResidentUnit: ScopedRecord {
    var changePath: String { path }
    static var entityName: String { "unit" }
}

extension Grid: ScopedRecord {
    var changePath: String { path }
    static var entityName: String { "grid" }
}

extension Building: ScopedRecord {
    var changePath: String { path }
    static var entityName: String { "building" }
}

extension Household: ScopedRecord {
    var changePath: String { path }
    static var entityName: String { "household" }
}

extension JointMeeting: ScopedRecord {
    var changePath: String { path }
    static var entityName: String { "meeting" }
}

extension VisitPlan: ScopedRecord {
    var changePath: String { path }
    static var entityName: String { "visit plan" }
}

extension ContactAssignment: ScopedRecord {
    var changePath: String { path }
    static var entityName: String { "contact assignment" }
}

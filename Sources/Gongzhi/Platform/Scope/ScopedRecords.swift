import Fluent
import Vapor

/// A record that hangs on the tree: the paths it may be read from, and the one whose subtree may change it.
protocol ScopedRecord: Model where IDValue == Int {
    /// The path whose subtree may change it.
    var path: String { get }
    /// Its own path, and e.g. an in-service member's home community, which sees but does not change the record.
    var readPaths: [String] { get }
}

extension ScopedRecord {
    var readPaths: [String] { [path] }
}

enum ScopeUse: Sendable { case read, change }

extension Caller {
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
            if let field { throw AppError.invalid(.errorRefUnknown, field: field) }
            throw AppError.notFound()
        }
        let paths = use == .read ? record.readPaths : [record.path]
        if paths.contains(where: { v.scope.includes(TreePath($0)) }) { return record }
        let detail = "\(M.schema) \(id)" + (field.map { " in \($0)" } ?? "")
        if let field {
            let kind: AccessLogEntry.Kind = use == .read ? .outOfScopeRead : .forbiddenChange
            await AccessLog.write(self, kind, detail: detail, scopePath: record.path)
            throw AppError.invalid(.errorRefUnknown, field: field)
        }
        switch use {
        case .read: throw await outOfScope(detail, scopePath: record.path)
        case .change: throw await forbidden("change " + detail, scopePath: record.path)
        }
    }
}

extension Request {
    func scoped<M: ScopedRecord>(_ type: M.Type, _ id: Int, for use: ScopeUse = .read, field: String? = nil)
        async throws -> M
    {
        try await caller.scoped(type, id, for: use, field: field)
    }
}

extension OrgNode: ScopedRecord {}

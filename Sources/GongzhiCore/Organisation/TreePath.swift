/// Materialised path of a node: "/1/4/17/". A node's subtree is every path with its path as prefix,
/// so "my scope" is one indexed prefix filter on both SQLite and PostgreSQL.
public struct TreePath: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public static func root(id: Int) -> TreePath { TreePath("/\(id)/") }

    public func child(id: Int) -> TreePath { TreePath(value + "\(id)/") }

    public var ids: [Int] { value.split(separator: "/").compactMap { Int($0) } }

    public var depth: Int { ids.count - 1 }

    public func contains(_ other: TreePath) -> Bool { other.value.hasPrefix(value) }

    /// The paths above this one, from the root down ("/1/", "/1/4/" for "/1/4/17/").
    public var ancestors: [TreePath] {
        let ids = self.ids
        return (1..<max(1, ids.count)).map { n in
            TreePath("/" + ids.prefix(n).map(String.init).joined(separator: "/") + "/")
        }
    }

    public var description: String { value }

    /// Rewrites a path inside a moved subtree: the part up to and including `from` becomes `to`.
    public func rebased(from: TreePath, to: TreePath) -> TreePath? {
        guard value.hasPrefix(from.value) else { return nil }
        return TreePath(to.value + value.dropFirst(from.value.count))
    }
}

/// What a user may see: their own node's subtree plus any subtrees shared with them explicitly.
/// Residents see their own records only (`personID`), never a subtree.
public struct DataScope: Sendable, Equatable {
    public let paths: [TreePath]
    public let ownPersonID: Int?

    public init(own: TreePath?, shared: [TreePath] = [], ownPersonID: Int? = nil) {
        // Drop shared paths already inside another path: one prefix filter each, no overlap.
        let all = ([own].compactMap { $0 } + shared).sorted { $0.value.count < $1.value.count }
        var kept: [TreePath] = []
        for p in all where !kept.contains(where: { $0.contains(p) }) { kept.append(p) }
        self.paths = kept
        self.ownPersonID = ownPersonID
    }

    public static func selfOnly(personID: Int?) -> DataScope { DataScope(own: nil, shared: [], ownPersonID: personID) }

    public func includes(_ path: TreePath) -> Bool { paths.contains { $0.contains(path) } }

    public var isSelfOnly: Bool { paths.isEmpty }
}

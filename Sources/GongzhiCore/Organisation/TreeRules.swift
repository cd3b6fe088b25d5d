/// Rules for changing the tree, independent of storage.
public enum TreeRuleError: Error, Equatable, Sendable {
    case kindNotAllowedUnderParent(child: OrgNodeKind, parent: OrgNodeKind?)
    case moveIntoOwnSubtree
    case archivedNode
    case mergeKindsDiffer
    case mergeIntoSelfOrDescendant
    case hasActiveChildren
    case hasMembers
    case rootCannotChange
    case emptyName
    case nameTooLong

    public var messageKey: String {
        switch self {
        case .kindNotAllowedUnderParent: "error.tree.kindNotAllowed"
        case .moveIntoOwnSubtree: "error.tree.moveIntoSubtree"
        case .archivedNode: "error.tree.archived"
        case .mergeKindsDiffer: "error.tree.mergeKinds"
        case .mergeIntoSelfOrDescendant: "error.tree.mergeIntoSelf"
        case .hasActiveChildren: "error.tree.hasChildren"
        case .hasMembers: "error.tree.hasMembers"
        case .rootCannotChange: "error.tree.root"
        case .emptyName: "error.name.empty"
        case .nameTooLong: "error.name.tooLong"
        }
    }
}

public struct NodeFacts: Sendable {
    public var id: Int
    public var kind: OrgNodeKind
    public var path: TreePath
    public var archived: Bool
    public init(id: Int, kind: OrgNodeKind, path: TreePath, archived: Bool) {
        self.id = id
        self.kind = kind
        self.path = path
        self.archived = archived
    }
}

public enum TreeRules {
    public static let maxNameLength = 100

    public static func validName(_ raw: String) throws(TreeRuleError) -> String {
        let name = raw.trimmingWhitespace()
        if name.isEmpty { throw .emptyName }
        if name.count > maxNameLength { throw .nameTooLong }
        return name
    }

    public static func checkCreate(kind: OrgNodeKind, parent: NodeFacts?) throws(TreeRuleError) {
        if let parent, parent.archived { throw .archivedNode }
        guard kind.canBePlaced(under: parent?.kind) else {
            throw .kindNotAllowedUnderParent(child: kind, parent: parent?.kind)
        }
    }

    /// Returns the node's new path; every descendant is rebased from the old path to it.
    public static func checkMove(node: NodeFacts, newParent: NodeFacts) throws(TreeRuleError) -> TreePath {
        if node.path.depth == 0 { throw .rootCannotChange }
        if node.archived || newParent.archived { throw .archivedNode }
        if node.path.contains(newParent.path) { throw .moveIntoOwnSubtree }
        guard node.kind.canBePlaced(under: newParent.kind) else {
            throw .kindNotAllowedUnderParent(child: node.kind, parent: newParent.kind)
        }
        return newParent.path.child(id: node.id)
    }

    /// Merging moves the source's children and people into the target; the source is archived.
    public static func checkMerge(source: NodeFacts, target: NodeFacts) throws(TreeRuleError) {
        if source.path.depth == 0 { throw .rootCannotChange }
        if source.archived || target.archived { throw .archivedNode }
        if source.kind != target.kind { throw .mergeKindsDiffer }
        if source.path.contains(target.path) { throw .mergeIntoSelfOrDescendant }
    }

    public static func checkArchive(node: NodeFacts, activeChildren: Int, people: Int) throws(TreeRuleError) {
        if node.path.depth == 0 { throw .rootCannotChange }
        if node.archived { throw .archivedNode }
        if activeChildren > 0 { throw .hasActiveChildren }
        if people > 0 { throw .hasMembers }
    }
}

import Fluent
import Vapor

/// A node as a page lists it.
struct OrgNodeRow: Sendable {
    let id: Int
    let name: String
    let code: String
    let kind: OrgNodeKind
    let archived: Bool
    let members: Int

    init(_ n: OrgNode, members: [Int: Int]) {
        id = n.id!
        name = n.name
        code = n.code
        kind = n.kind
        archived = n.archived
        self.members = members[n.id!] ?? 0
    }
}

/// The tree in the viewer's scope, each node with its children.
struct OrgTreeModel: Sendable {
    let roots: [OrgNodeRow]
    let children: [Int: [OrgNodeRow]]
    let canExport: Bool

    static func query(_ v: Viewer, on db: any Database) async throws -> OrgTreeModel {
        let nodes = try await OrgQueries.nodesInScope(v.scope, on: db)
        let counts = try await OrgQueries.memberCounts(for: nodes, on: db)
        let rows = nodes.map { OrgNodeRow($0, members: counts) }
        let ids = Set(nodes.compactMap(\.id))
        var children: [Int: [OrgNodeRow]] = [:]
        var roots: [OrgNodeRow] = []
        for (n, row) in zip(nodes, rows) {
            if let p = n.parentID, ids.contains(p) { children[p, default: []].append(row) } else { roots.append(row) }
        }
        for (k, kids) in children {
            children[k] = kids.sorted {
                ($0.kind.isTerritorial ? 0 : 1, $0.name) < ($1.kind.isTerritorial ? 0 : 1, $1.name)
            }
        }
        return OrgTreeModel(roots: roots, children: children, canExport: v.can(.exportData))
    }
}

/// The nodes of one kind (or every unit organisation) in the viewer's scope.
struct OrgListModel: Sendable {
    let kind: OrgNodeKind?
    /// One page, in the tree's order, of every node of the kind in scope.
    let nodes: Paged<OrgNodeRow>
    let url: String

    func title(_ lang: Lang) -> String { kind.map { lang.t(key: $0.labelKey) } ?? lang.t(.homeUnitOrganizations) }

    static func query(_ v: Viewer, kind raw: String, page: PageRequest, url: String, on db: any Database)
        async throws -> OrgListModel
    {
        let kind = OrgNodeKind(rawValue: raw)
        guard kind != nil || raw == "unit" else { throw AppError.badRequest(.errorEnum, args: ["kind", raw]) }
        let nodes = try await OrgQueries.nodesInScope(v.scope, on: db).filter { n in
            kind.map { n.kind == $0 } ?? !n.kind.isTerritorial
        }
        let shown = Paged(all: nodes, page)
        let counts = try await OrgQueries.memberCounts(for: shown.rows, on: db)
        return OrgListModel(kind: kind, nodes: shown.map { OrgNodeRow($0, members: counts) }, url: url)
    }
}

/// One node's page: where it sits, what is under it, who and what is registered there, and what the viewer
/// may change.
struct OrgNodeModel: Sendable {
    struct Ref: Sendable {
        let id: Int
        let name: String
    }
    struct Crumb: Sendable {
        let ref: Ref
        let linked: Bool
    }

    let node: OrgNodeRow
    var name: String { node.name }
    let crumbs: [Crumb]
    let mergedInto: Ref?
    let children: [OrgNodeRow]
    let people: [PeopleQueries.Member]
    let peopleTotal: Int
    let units: [UnitsQueries.Brief]
    let contacts: [PlacesAPI.ContactRef]
    /// The people and units on the page whose own page the viewer may open; the rest show as plain names.
    let openPeople: Set<Int>
    let openUnits: Set<Int>
    let history: [AuditEntry]
    let canEdit: Bool
    let childKinds: [OrgNodeKind]
    /// Move, merge and archive: not for the root of the viewer's own scope.
    let canRestructure: Bool
    let parents: [Ref]
    let twins: [Ref]
    var error: AppError?

    static func query(_ node: OrgNode, viewer v: Viewer, on db: any Database) async throws -> OrgNodeModel {
        let id = node.id!
        let ancestors = try await OrgQueries.ancestors(of: node, on: db)
        let children = try await OrgNode.query(on: db).filter(\.$parentID == id).sort(\.$name).all()
        let counts = try await OrgQueries.memberCounts(for: [node] + children, on: db)
        let merged = try await node.mergedIntoID.asyncMap { try await OrgNode.find($0, on: db) } ?? nil
        let canEdit = v.can(.editTree) && !node.archived
        let canRestructure = canEdit && !v.scope.paths.contains(node.treePath)
        var parents: [Ref] = []
        var twins: [Ref] = []
        if canRestructure {
            let all = try await OrgQueries.nodesInScope(v.scope, on: db)
            parents = all.filter {
                node.kind.canBePlaced(under: $0.kind) && !node.treePath.contains($0.treePath) && $0.id != node.parentID
            }.map { Ref(id: $0.id!, name: $0.name) }
            twins = all.filter { $0.kind == node.kind && $0.id != node.id && !node.treePath.contains($0.treePath) }
                .map { Ref(id: $0.id!, name: $0.name) }
        }
        let people = try await PeopleQueries.members(ofNode: id, limit: 50, on: db)
        let units = try await UnitsQueries.located(atNode: id, on: db)
        let contacts =
            node.kind == .communityCommittee ? try await PlacesQueries.contacts(ofCommunity: id, on: db) : []
        return OrgNodeModel(
            node: OrgNodeRow(node, members: counts),
            crumbs: ancestors.map {
                Crumb(ref: Ref(id: $0.id!, name: $0.name), linked: v.scope.includes($0.treePath))
            },
            mergedInto: merged.map { Ref(id: $0.id!, name: $0.name) },
            children: children.map { OrgNodeRow($0, members: counts) },
            people: people,
            peopleTotal: try await PeopleQueries.memberCount(ofNode: id, on: db),
            units: units,
            contacts: contacts,
            openPeople: try await PeopleQueries.openable(
                people.map(\.id) + contacts.map(\.leaderPersonID), for: v, on: db),
            openUnits: try await UnitsQueries.openable(units.map(\.id), for: v, on: db),
            history: try await AuditHistory.entries(.orgNode, id: id, on: db),
            canEdit: canEdit,
            childKinds: OrgNodeKind.allCases.filter { $0.canBePlaced(under: node.kind) },
            canRestructure: canRestructure, parents: parents, twins: twins, error: nil)
    }
}

import Fluent
import SQLKit
import Vapor

/// Changes to the tree. Each runs in one transaction with its audit record; the rules are GongzhiCore's.
enum OrgCommands {
    static func create(_ caller: Caller, kind: OrgNodeKind, name rawName: String, code rawCode: String?, parentID: Int)
        async throws -> OrgNode
    {
        try await caller.require(.editTree)
        let name = try TreeRules.validName(rawName)
        let parent = try await OrgQueries.findForChange(parentID, caller, field: "parentId")
        try TreeRules.checkCreate(kind: kind, parent: parent.facts)
        let code = rawCode?.trimmingWhitespace() ?? ""
        if code.count > 40 { throw AppError.invalid(.errorCodeTooLong, field: "code") }
        if !code.isEmpty, try await OrgNode.query(on: caller.db).filter(\.$code == code).count() > 0 {
            throw AppError.conflict(.errorCodeTaken, args: [code])
        }
        return try await caller.db.writing { db in
            let node = OrgNode(
                kind: kind, name: name, code: code.isEmpty ? "tmp-\(UUID().uuidString)" : code, parentID: parent.id)
            try await node.create(on: db)
            node.path = parent.treePath.child(id: node.id!).value
            if code.isEmpty { node.code = "\(parent.code)-\(node.id!)" }
            try await node.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .create, entity: .orgNode, id: node.id!, label: node.name,
                scopePath: node.path, before: nil as OrgNode.Snapshot?, after: node.snapshot)
            return node
        }
    }

    static func rename(_ caller: Caller, id: Int, name rawName: String?, code rawCode: String?) async throws -> OrgNode
    {
        try await caller.require(.editTree)
        let node = try await OrgQueries.findForChange(id, caller)
        if node.archived { throw TreeRuleError.archivedNode }
        let before = node.snapshot
        if let rawName { node.name = try TreeRules.validName(rawName) }
        if let code = rawCode?.trimmingWhitespace(), !code.isEmpty, code != node.code {
            if code.count > 40 { throw AppError.invalid(.errorCodeTooLong, field: "code") }
            if try await OrgNode.query(on: caller.db).filter(\.$code == code).count() > 0 {
                throw AppError.conflict(.errorCodeTaken, args: [code])
            }
            node.code = code
        }
        try await caller.db.writing { db in
            try await node.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .update, entity: .orgNode, id: id, label: node.name,
                scopePath: node.path, before: before, after: node.snapshot)
        }
        return node
    }

    /// The node must lie strictly inside the viewer's scope: nobody moves, merges or archives their own root.
    static func requireBelowScopeRoot(_ caller: Caller, _ node: OrgNode) async throws {
        let v = try caller.requireViewer()
        if v.scope.paths.contains(node.treePath) {
            throw await caller.forbidden("change own scope root \(node.id ?? 0)", scopePath: node.path)
        }
    }

    static func move(_ caller: Caller, id: Int, newParentID: Int) async throws -> OrgNode {
        try await caller.require(.editTree)
        let node = try await OrgQueries.findForChange(id, caller)
        try await requireBelowScopeRoot(caller, node)
        let parent = try await OrgQueries.findForChange(newParentID, caller, field: "parentId")
        let newPath = try TreeRules.checkMove(node: node.facts, newParent: parent.facts)
        let before = node.snapshot
        try await caller.db.writing { db in
            try await TreePaths.rebase(from: node.treePath, to: newPath, on: db)
            node.parentID = parent.id
            node.path = newPath.value
            try await node.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .move, entity: .orgNode, id: id, label: node.name,
                scopePath: node.path, before: before, after: node.snapshot)
        }
        return node
    }

    static func merge(_ caller: Caller, id: Int, targetID: Int) async throws -> OrgNode {
        try await caller.require(.editTree)
        let source = try await OrgQueries.findForChange(id, caller)
        try await requireBelowScopeRoot(caller, source)
        let target = try await OrgQueries.findForChange(targetID, caller, field: "targetId")
        try TreeRules.checkMerge(source: source.facts, target: target.facts)
        let before = source.snapshot
        let targetBefore = target.snapshot
        try await caller.db.writing { db in
            let children = try await OrgNode.query(on: db).filter(\.$parentID == source.id!).all()
            for child in children {
                let childBefore = child.snapshot
                let newPath = target.treePath.child(id: child.id!)
                try await TreePaths.rebase(from: child.treePath, to: newPath, on: db)
                child.parentID = target.id
                child.path = newPath.value
                try await child.save(on: db)
                try await Audit.record(
                    on: db, by: caller.viewer, at: caller.now, .move, entity: .orgNode, id: child.id!,
                    label: child.name,
                    scopePath: child.path, before: childBefore, after: child.snapshot)
            }
            try await TreePaths.merge(source, into: target, on: db)
            source.archived = true
            source.mergedIntoID = target.id
            try await source.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .merge, entity: .orgNode, id: id, label: source.name,
                scopePath: source.path, before: before, after: source.snapshot)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .merge, entity: .orgNode, id: target.id!,
                label: target.name,
                scopePath: target.path, before: targetBefore, after: target.snapshot)
        }
        return source
    }

    static func archive(_ caller: Caller, id: Int) async throws -> OrgNode {
        try await caller.require(.editTree)
        let node = try await OrgQueries.findForChange(id, caller)
        try await requireBelowScopeRoot(caller, node)
        let children = try await OrgNode.query(on: caller.db).filter(\.$parentID == id).filter(\.$archived == false)
            .count()
        let people = try await PeopleQueries.memberCount(ofNode: id, on: caller.db)
        try TreeRules.checkArchive(node: node.facts, activeChildren: children, people: people)
        let before = node.snapshot
        try await caller.db.writing { db in
            node.archived = true
            try await node.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .archive, entity: .orgNode, id: id, label: node.name,
                scopePath: node.path, before: before, after: node.snapshot)
        }
        return node
    }
}

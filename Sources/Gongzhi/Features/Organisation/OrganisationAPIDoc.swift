/// The organisation tree's part of the API document.
enum OrganisationAPIDoc {
    static let operations: [APIOperation] = [
        APIOperation(
            .get, "org/nodes",
            "Nodes of the organisation tree in the caller's scope, with party member counts of each subtree",
            tag: "organisation",
            parameters: [
                .query("kind", OrgNodeKind.self, "only this kind"),
                .query("parentId", .integer, "only children of this node"),
                .query("includeArchived", .boolean, "include archived nodes"),
            ],
            answer: .list(OrgAPI.NodeOut.self)),
        APIOperation(
            .post, "org/nodes", "Create a node under a parent in scope", tag: "organisation",
            body: .one(OrgAPI.CreateInput.self), status: 201, answer: .one(OrgAPI.NodeOut.self)),
        APIOperation(
            .get, "org/nodes/export.csv",
            "The tree in scope as CSV: code, parent code, kind, name, members, archived", tag: "organisation",
            answer: .raw(.text, "text/csv")),
        APIOperation(
            .get, "org/nodes/{id}", "A node with its in-scope ancestors, children and counts",
            tag: "organisation", answer: .one(OrgAPI.NodeDetail.self)),
        APIOperation(
            .patch, "org/nodes/{id}", "Rename a node or change its code", tag: "organisation",
            body: .one(OrgAPI.UpdateInput.self), answer: .one(OrgAPI.NodeOut.self)),
        APIOperation(
            .post, "org/nodes/{id}/move",
            "Move a node and its subtree under another parent; history is kept in the audit log", tag: "organisation",
            body: .one(OrgAPI.MoveInput.self), answer: .one(OrgAPI.NodeOut.self)),
        APIOperation(
            .post, "org/nodes/{id}/merge",
            "Merge a node into another of the same kind: children, people, units and accounts move; the node is "
                + "archived with a pointer",
            tag: "organisation", body: .one(OrgAPI.MergeInput.self), answer: .one(OrgAPI.NodeOut.self)),
        APIOperation(
            .post, "org/nodes/{id}/archive", "Archive a node with no active children or people (never deleted)",
            tag: "organisation", answer: .one(OrgAPI.NodeOut.self)),
        APIOperation(
            .get, "org/nodes/{id}/history", "Audit entries of this node, newest first", tag: "organisation",
            answer: .list(AuditLogAPI.EntryOut.self)),
    ]
}

extension OrgAPI.CreateInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["name": ["maxLength": 100], "code": ["maxLength": 40]]
}

extension OrgAPI.UpdateInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["name": ["maxLength": 100], "code": ["maxLength": 40]]
}

extension OrgAPI.NodeOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["path": ["description": "materialised path, e.g. /1/4/17/"]]
}

import Fluent
import Vapor

/// `gongzhi bootstrap`: a real district's first start — the root of the tree and its first administrator —
/// for a database started with GONGZHI_DEMO=0.
struct BootstrapCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "district", help: "Name of the district committee, e.g. 中共某某区委员会")
        var district: String?
        @Option(name: "code", help: "Code of the district node (default QX)")
        var code: String?
        @Option(name: "admin", help: "Username of the first system administrator (default admin)")
        var admin: String?
    }

    var help: String {
        """
        Creates the district committee node and the first system administrator in an empty database. \
        The password comes from GONGZHI_ADMIN_PASSWORD or is asked for.
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard try await OrgNode.query(on: app.db).count() == 0 else {
            throw CommandFailed(description: "The database already has an organisation tree; nothing was changed.")
        }
        let name = try TreeRules.validName(
            signature.district
                ?? context.console.ask(
                    """
                    District committee name / 区委名称:
                    """))
        let username = (signature.admin ?? "admin").trimmingWhitespace()
        let password =
            ProcessInfo.processInfo.environment["GONGZHI_ADMIN_PASSWORD"]
            ?? context.console.ask("Password for \(username):", isSecure: true)
        do { try PasswordPolicy.check(password) } catch {
            throw CommandFailed(
                description: "The password needs 8+ characters of at least 3 kinds (upper, lower, digits, symbols).")
        }
        let hash = try await app.password.async.hash(password)
        try await app.db.writing { db in
            let root = OrgNode(kind: .districtCommittee, name: name, code: signature.code ?? "QX", parentID: nil)
            try await root.create(on: db)
            root.path = TreePath.root(id: root.id!).value
            try await root.save(on: db)
            let user = User(
                username: username, phone: nil, displayName: username, passwordHash: hash, role: .systemAdmin,
                orgNodeID: root.id!)
            try await user.create(on: db)
            try await Audit.record(
                on: db, by: nil, at: app.clock.now, .create, entity: .orgNode, id: root.id!, label: name,
                scopePath: root.path,
                before: nil as OrgNode.Snapshot?, after: root.snapshot)
            try await Audit.record(
                on: db, by: nil, at: app.clock.now, .create, entity: .user, id: user.id!, label: username,
                scopePath: root.path,
                before: nil as String?, after: ["role": Role.systemAdmin.rawValue])
        }
        context.console.info("Created \(name) and the system administrator \(username).")
    }
}

struct CommandFailed: Error, CustomStringConvertible { let description: String }

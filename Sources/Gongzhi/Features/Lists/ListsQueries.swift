import Fluent
import Vapor

/// The lists' published queries, for other capabilities.
enum ListsQueries {
    /// A need or problem a meeting may take up: not closed, not fully met, under the meeting's node.
    struct AgendaNeed: Sendable {
        let id: Int
        let title: String
    }

    /// The oldest such needs and problems first (they have waited longest), at most `limit`.
    static func agendaNeeds(under path: String, limit: Int, db: any Database) async throws -> [AgendaNeed] {
        let open = try await ListItem.query(on: db).filter(\.$path =~ path).filter(\.$closedOn == nil)
            .sort(\.$id).limit(500).all()
        let claimed = try await ListsFacts.claimed(items: open.compactMap(\.id), on: db)
        return open.filter { ListRules.open(needed: $0.quantity, claimed: claimed[$0.id!] ?? []) > 0 }.prefix(limit)
            .map { AgendaNeed(id: $0.id!, title: $0.title) }
    }

    /// One need or problem a client named for a meeting under `path`: nil when missing, elsewhere, closed or met.
    static func agendaNeed(_ id: Int, under path: String, db: any Database) async throws -> AgendaNeed? {
        guard let i = try await ListItem.find(id, on: db), i.path.hasPrefix(path), i.closedOn == nil else {
            return nil
        }
        let claimed = try await ListsFacts.claimed(items: [id], on: db)[id] ?? []
        guard ListRules.open(needed: i.quantity, claimed: claimed) > 0 else { return nil }
        return AgendaNeed(id: id, title: i.title)
    }

    /// Action projects each unit owned or partnered in that closed within the period (what an agreement's
    /// "projects" commitment counts besides its own project list).
    static func closedProjects(unitIDs: [Int], from: Date, to: Date, db: any Database) async throws -> [Int: Int] {
        guard !unitIDs.isEmpty else { return [:] }
        let first = LocalDate(instant: from.timeIntervalSince1970).description
        let last = LocalDate(instant: to.timeIntervalSince1970).description
        let closed = try await ActionProject.query(on: db).filter(\.$state == .closed)
            .filter(\.$closedOn >= first).filter(\.$closedOn <= last).all()
        let ids = closed.compactMap(\.id)
        var partners: [Int: Set<Int>] = [:]
        for chunk in ids.chunked(500) {
            for l in try await ProjectLink.query(on: db).filter(\.$projectID ~~ chunk).filter(
                \.$partnerUnitID ~~ unitIDs
            )
            .all() {
                if let u = l.partnerUnitID { partners[l.projectID, default: []].insert(u) }
            }
        }
        var out: [Int: Int] = [:]
        let wanted = Set(unitIDs)
        for p in closed {
            var units = partners[p.id!] ?? []
            if let o = p.ownerUnitID, wanted.contains(o) { units.insert(o) }
            for u in units { out[u, default: 0] += 1 }
        }
        return out
    }

    /// A unit's action projects (owned or partnered), newest first, for its desk and service record.
    struct UnitProject: Sendable {
        let id: Int
        let title: String
        let state: ProjectState
        let closedOn: String?
    }

    static func projects(unitID: Int, db: any Database) async throws -> [UnitProject] {
        let partnered = try await ProjectLink.query(on: db).filter(\.$partnerUnitID == unitID).all().map(\.projectID)
        let q = ActionProject.query(on: db).group(.or) { g in
            g.filter(\.$ownerUnitID == unitID)
            if !partnered.isEmpty { g.filter(\.$id ~~ partnered) }
        }
        return try await q.sort(\.$id, .descending).limit(200).all().map {
            UnitProject(id: $0.id!, title: $0.title, state: $0.state, closedOn: $0.closedOn)
        }
    }
}

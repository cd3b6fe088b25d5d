import Fluent
import Vapor

/// The lists' published queries, for other capabilities.
enum ListsQueries {
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

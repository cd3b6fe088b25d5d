import Fluent
import Vapor

/// Figures for a node (district, street, community) or grid, with each child area's figures; every number links
/// to the list of requests it counts (`/requests?nodeId=…&metric=…`).
enum RequestFiguresService {
    struct AreaFigures: Content {
        let name: String
        let nodeID: Int?
        let gridID: Int?
        let figures: RequestFiguresSummary
    }
    struct Out: Content {
        let area: AreaFigures
        let children: [AreaFigures]
        /// The period of raising the figures count (from inclusive, to exclusive); nil is open-ended.
        let from: Date?
        let to: Date?
    }

    /// Requests raised in a period: from its first instant, up to but not including `to`.
    struct Period: Sendable {
        var from: Date?
        var to: Date?
        static let all = Period()
    }

    static func records(_ rs: [ServiceRequest], on db: Database) async throws -> [RequestRecord] {
        guard !rs.isEmpty else { return [] }
        let ids = rs.compactMap(\.id)
        var events: [Int: [RequestEvent]] = [:]
        for chunk in ids.chunked(500) {
            for e in try await RequestEvent.query(on: db).filter(\.$requestID ~~ chunk).sort(\.$id).all() {
                events[e.requestID, default: []].append(e)
            }
        }
        let cal = try await Calendars.load(on: db)
        func days(_ a: RequestEvent?, _ b: RequestEvent?) -> Int? {
            guard let a, let b else { return nil }
            return try? cal.workingDays(from: a.at.timeIntervalSince1970, to: b.at.timeIntervalSince1970)
        }
        return rs.map { r in
            let es = events[r.id!] ?? []
            let raise = es.first { $0.action == .raise }
            let take = es.first { $0.action == .take }
            let handed = es.first { [.settle, .forward, .dispatch, .decide].contains($0.action) }
            let dispatched = es.first { [.dispatch, .decide].contains($0.action) }
            let completed = es.last { [.complete, .settle].contains($0.action) }
            let rated = es.last { $0.action == .rate }
            // The deadline in force when it was resolved: the last deadline set before the completion.
            let deadline = completed.flatMap { c in es.last { $0.id! < c.id! && $0.deadline != nil }?.deadline }
            return RequestRecord(
                id: r.id!, state: r.state, raisedAt: r.raisedAt.timeIntervalSince1970,
                responseDeadline: raise?.deadline?.timeIntervalSince1970, firstTakenAt: take?.at.timeIntervalSince1970,
                resolvedAt: completed?.at.timeIntervalSince1970, deadlineAtResolution: deadline?.timeIntervalSince1970,
                rating: r.rating, unrated: r.unrated,
                stepDays: [days(raise, take), days(take, handed), days(dispatched, completed), days(completed, rated)])
        }
    }

    /// Requests under a node's subtree (or a grid), within the viewer's scope.
    static func requests(
        _ v: Viewer, nodePath: String?, gridID: Int?, period: Period = .all, on db: Database
    ) async throws -> [ServiceRequest] {
        let q = try await RequestAccess.scoped(v, on: db)
        if let nodePath { q.filter(\.$path =~ nodePath) }
        if let gridID { q.filter(\.$gridID == gridID) }
        if let from = period.from { q.filter(\.$raisedAt >= from) }
        if let to = period.to { q.filter(\.$raisedAt < to) }
        return try await q.all()
    }

    static func figures(_ rs: [ServiceRequest], on db: Database, now: Date) async throws -> RequestFiguresSummary {
        RequestFiguresSummary.compute(try await records(rs, on: db), now: now.timeIntervalSince1970)
    }

    static func compute(_ caller: Caller, nodeID: Int?, period: Period = .all) async throws -> Out {
        let v = try await caller.require(.viewTree)
        // A viewer with shared areas (the command centre watching a second street) sees their whole scope first,
        // one row per area, so the figures count what the home page counts.
        if nodeID == nil, v.scope.paths.count > 1 {
            let all = try await requests(v, nodePath: nil, gridID: nil, period: period, on: caller.db)
            let ids = v.scope.paths.compactMap(\.ids.last)
            var children: [AreaFigures] = []
            for n in try await OrgNode.query(on: caller.db).filter(\.$id ~~ ids).sort(\.$code).all() {
                let figures = try await figures(
                    all.filter { $0.path.hasPrefix(n.path) }, on: caller.db, now: caller.now)
                children.append(.init(name: n.name, nodeID: n.id, gridID: nil, figures: figures))
            }
            let whole = AreaFigures(
                name: caller.t(.figuresWholeScope), nodeID: nil, gridID: nil,
                figures: try await figures(all, on: caller.db, now: caller.now))
            return Out(area: whole, children: children, from: period.from, to: period.to)
        }
        let node = try await nodeID.asyncMap { try await OrgQueries.findInScope($0, caller) } ?? v.node
        let all = try await requests(v, nodePath: node.path, gridID: nil, period: period, on: caller.db)
        var children: [AreaFigures] = []
        if node.kind == .communityCommittee {
            for g in try await PlacesQueries.activeGrids(inCommunity: node.id!, on: caller.db) {
                children.append(
                    .init(
                        name: g.name, nodeID: nil, gridID: g.id,
                        figures: try await figures(all.filter { $0.gridID == g.id }, on: caller.db, now: caller.now)))
            }
        } else {
            for c in try await OrgNode.query(on: caller.db).filter(\.$parentID == node.id!).filter(
                \.$archived == false
            )
            .sort(\.$code).all()
            where c.kind.isTerritorial && v.scope.includes(c.treePath) {
                children.append(
                    .init(
                        name: c.name, nodeID: c.id, gridID: nil,
                        figures: try await figures(
                            all.filter { $0.path.hasPrefix(c.path) }, on: caller.db, now: caller.now)))
            }
        }
        return Out(
            area: .init(
                name: node.name, nodeID: node.id, gridID: nil,
                figures: try await figures(all, on: caller.db, now: caller.now)),
            children: children, from: period.from, to: period.to)
    }

    /// The records behind one figure.
    static func list(
        _ v: Viewer, nodePath path: String?, gridID: Int?, metric: RequestMetric, period: Period = .all,
        on db: any Database, now date: Date
    ) async throws -> [ServiceRequest] {
        let rs = try await requests(v, nodePath: path, gridID: gridID, period: period, on: db)
        let recs = try await records(rs, on: db)
        let now = date.timeIntervalSince1970
        let keep = Set(recs.filter { metric.matches($0, now: now) }.map(\.id))
        return rs.filter { keep.contains($0.id!) }.sorted { $0.raisedAt > $1.raisedAt }
    }
}

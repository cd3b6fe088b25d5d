import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// What the lists show, for the API and the pages alike (plain values; no interface labels), each limited to what
/// the caller may see.
enum PointsLists {
    static let limit = 2_000

    struct MovementOut: Content {
        let id: Int
        let personID: Int
        let personName: String
        let amount: Int
        let source: PointsSource
        let reference: String
        let note: String
        let at: Date
        let recordedBy: String?
        let approver: String?
        let redemptionID: Int?
    }

    struct ExpiringOut: Content {
        let day: String
        let amount: Int
    }

    struct SummaryOut: Content {
        let personID: Int
        let name: String
        let balance: Int
        let expiryMonths: Int
        /// Points that expire within the next 90 days, by day.
        let expiringSoon: [ExpiringOut]
        /// The latest movements first (at most 200).
        let movements: [MovementOut]
    }

    struct PersonOut: Content {
        let id: Int
        let name: String
        /// Masked (138****5678).
        let phone: String?
        let balance: Int
    }

    struct ShopOut: Content {
        let id: Int
        let nodeID: Int
        let nodeName: String
        let name: String
        let place: String
        let active: Bool
        let goods: [GoodOut]
    }

    struct GoodOut: Content {
        let id: Int
        let shopID: Int
        let name: String
        let description: String
        let price: Int
        let stock: Int
        let limitPerPerson: Int?
        let limitPeriod: PointsShopRules.LimitPeriod
        let active: Bool
    }

    struct RedemptionOut: Content {
        let id: Int
        let personID: Int
        let personName: String
        let shopID: Int
        let shopName: String
        let goodID: Int
        let goodName: String
        let quantity: Int
        let cost: Int
        /// The pick-up code the person shows at the shop.
        let code: String
        let state: RedemptionState
        let createdAt: Date?
        let handedOverAt: Date?
        let cancelledAt: Date?
    }

    struct FigureRow: Content {
        let nodeID: Int
        let name: String
        let issued: Int
        let spent: Int
        let expired: Int
        let deducted: Int
    }

    struct FiguresOut: Content {
        let from: String
        let to: String
        let communities: [FigureRow]
        let total: FigureRow
    }

    struct SettingsOut: Content {
        let expiryMonths: Int
    }

    // MARK: Movements

    static func movementOut(_ ms: [PointsMovement], on db: any Database) async throws -> [MovementOut] {
        let names = try await PeopleQueries.names(ms.map(\.personID), on: db)
        return ms.map { m in
            MovementOut(
                id: m.id!, personID: m.personID, personName: names[m.personID] ?? "", amount: m.amount,
                source: m.pointsSource, reference: m.reference, note: m.note, at: m.at, recordedBy: m.recordedByName,
                approver: m.approverName, redemptionID: m.redemptionID)
        }
    }

    /// One person's points: their own (anyone with a person), or staff's for a person in scope (read). Their
    /// credits are accrued and their expiries recorded first.
    static func summary(_ caller: Caller, personID: Int?) async throws -> SummaryOut {
        let person: PeopleQueries.PointsPerson
        if let personID, personID != caller.viewer?.user.personID {
            try await caller.require(PointsService.view)
            person = try await PeopleQueries.scopedPointsPerson(personID, for: .read, field: nil, caller)
        } else {
            person = try await PointsService.me(caller)
        }
        try await PointsAccrualRun.refresh(person, on: caller.db, now: caller.now)
        let db = caller.db
        let all = try await PointsBook.movements(personID: person.id, on: db)
        let state = try PointsLedger.replay(all.map(\.ledgerMovement))
        let months = try await PointsBook.expiryMonths(on: db)
        let soon = PointsLedger.expiringSoon(state, months: months, now: caller.now.timeIntervalSince1970, days: 90)
        return SummaryOut(
            personID: person.id, name: person.name, balance: state.balance, expiryMonths: months,
            expiringSoon: soon.map { ExpiringOut(day: $0.day.description, amount: $0.amount) },
            movements: try await movementOut(Array(all.reversed().prefix(200)), on: db))
    }

    struct LedgerFilter: Sendable {
        var nodeID: Int?
        var figure: PointsFigure?
        var source: PointsSource?
        var from: Date?
        var to: Date?

        var query: [(String, String?)] {
            [
                ("nodeId", nodeID.map(String.init)), ("figure", figure?.rawValue), ("source", source?.rawValue),
                ("from", from.map { LocalDate(instant: $0.timeIntervalSince1970).description }),
                ("to", to.map { LocalDate(instant: $0.timeIntervalSince1970 - 1).description }),
            ]
        }
    }

    /// The movements in the caller's scope (or below a node of it), by figure, source and period: the list every
    /// figure opens.
    static func ledger(_ caller: Caller, _ f: LedgerFilter) async throws -> [MovementOut] {
        try await movementOut(try await newestFirst(ledgerQuery(caller, f)).whole(), on: caller.db)
    }

    /// One page of the ledger, newest first, with the whole filtered ledger's count and sum.
    static func ledger(_ caller: Caller, _ f: LedgerFilter, page: PageRequest) async throws
        -> (page: Paged<MovementOut>, sum: Int)
    {
        let q = try await ledgerQuery(caller, f)
        // Added up here, not by SUM: PostgreSQL's SUM of a bigint is a numeric, which the driver does not read as Int.
        let sum = try await q.copy().all(\.$amount).reduce(0, +)
        let rows = try await newestFirst(q).paged(page)
        return (Paged(rows: try await movementOut(rows.rows, on: caller.db), total: rows.total, asked: page), sum)
    }

    private static func ledgerQuery(_ caller: Caller, _ f: LedgerFilter) async throws -> QueryBuilder<PointsMovement> {
        let v = try await caller.require(PointsService.view)
        let q = PointsMovement.query(on: caller.db).inScope(v.scope, \.$path)
        if let id = f.nodeID {
            let node = try await caller.scoped(OrgNode.self, id, field: "nodeId")
            q.filter(\.$path =~ node.path)
        }
        if let figure = f.figure {
            q.filter(\.$source ~~ figure.sources.map(\.rawValue))
            switch figure {
            case .issued: q.filter(\.$amount > 0).filter(\.$source != PointsSource.refund.rawValue)
            case .deducted: q.filter(\.$amount < 0)
            case .spent, .expired: break
            }
        }
        if let s = f.source { q.filter(\.$source == s.rawValue) }
        if let from = f.from { q.filter(\.$at >= from) }
        if let to = f.to { q.filter(\.$at < to) }
        return q
    }

    private static func newestFirst(_ q: QueryBuilder<PointsMovement>) -> QueryBuilder<PointsMovement> {
        q.sort(\.$at, .descending).sort(\.$id, .descending)
    }

    /// People in scope found by name or the last four digits of their phone, masked, with their balances.
    static func people(_ caller: Caller, text: String) async throws -> [PersonOut] {
        let v = try await caller.require(PointsService.view)
        let t = String(text.trimmingWhitespace().prefix(PointsService.maxShort))
        let found = try await PeopleQueries.searchPointsPeople(v.scope, text: t, limit: 50, on: caller.db)
        let balances = try await PointsBook.balances(found.map(\.id), on: caller.db)
        return found.map { PersonOut(id: $0.id, name: $0.name, phone: $0.maskedPhone, balance: balances[$0.id] ?? 0) }
    }

    // MARK: Shops

    /// Staff: the shops in their scope; a resident or member: the active shops where they live.
    /// The shops whose redemptions the caller hands over: those in their scope.
    static func shopIDsInScope(_ v: Viewer, on db: any Database) async throws -> Set<Int> {
        Set(try await PointsShop.query(on: db).inScope(v.scope, \.$path).field(\.$id).all().compactMap(\.id))
    }

    static func shops(_ caller: Caller) async throws -> [ShopOut] {
        let v = try caller.requireViewer()
        let shops: [PointsShop]
        if v.scope.isSelfOnly {
            let me = try await PointsService.me(caller)
            shops = try await PointsShop.query(on: caller.db).filter(\.$active == true).sort(\.$id).all()
                .filter { PointsService.sees($0, me) }
        } else {
            try await caller.require(PointsService.view)
            shops = try await PointsShop.query(on: caller.db).inScope(v.scope, \.$path).sort(\.$path).sort(\.$id)
                .limit(500).all()
        }
        return try await shopOut(shops, goods: true, residentView: v.scope.isSelfOnly, on: caller.db)
    }

    static func shopOut(_ shops: [PointsShop], goods: Bool, residentView: Bool, on db: any Database) async throws
        -> [ShopOut]
    {
        let names = try await OrgQueries.names(shops.map(\.orgNodeID), on: db)
        var byShop: [Int: [PointsGood]] = [:]
        if goods {
            for chunk in shops.compactMap(\.id).chunked(500) {
                for g in try await PointsGood.query(on: db).filter(\.$shopID ~~ chunk).sort(\.$price).sort(\.$id).all()
                where !residentView || g.active {
                    byShop[g.shopID, default: []].append(g)
                }
            }
        }
        return shops.map { s in
            ShopOut(
                id: s.id!, nodeID: s.orgNodeID, nodeName: names[s.orgNodeID] ?? "", name: s.name, place: s.place,
                active: s.active, goods: (byShop[s.id!] ?? []).map(goodOut))
        }
    }

    static func goodOut(_ g: PointsGood) -> GoodOut {
        GoodOut(
            id: g.id!, shopID: g.shopID, name: g.name, description: g.description, price: g.price, stock: g.stock,
            limitPerPerson: g.limitPerPerson,
            limitPeriod: PointsShopRules.LimitPeriod(rawValue: g.limitPeriod) ?? .overall,
            active: g.active)
    }

    /// One shop with its goods: staff in scope, or a resident or member where they live (others: a logged 404).
    static func shop(_ caller: Caller, id: Int) async throws -> ShopOut {
        let v = try caller.requireViewer()
        guard let s = try await PointsShop.find(id, on: caller.db) else { throw AppError.notFound() }
        if v.scope.isSelfOnly {
            let me = try await PointsService.me(caller)
            guard PointsService.sees(s, me) else {
                throw await caller.outOfScope("points shop \(id)", scopePath: s.path)
            }
            return try await shopOut([s], goods: true, residentView: true, on: caller.db)[0]
        }
        try await caller.require(PointsService.view)
        let shop = try await caller.scoped(PointsShop.self, id)
        return try await shopOut([shop], goods: true, residentView: false, on: caller.db)[0]
    }

    /// One good: as its shop is read.
    static func good(_ caller: Caller, id: Int) async throws -> GoodOut {
        let v = try caller.requireViewer()
        guard let g = try await PointsGood.find(id, on: caller.db) else { throw AppError.notFound() }
        if v.scope.isSelfOnly {
            let me = try await PointsService.me(caller)
            guard let s = try await PointsShop.find(g.shopID, on: caller.db), PointsService.sees(s, me), g.active
            else {
                throw await caller.outOfScope("points good \(id)", scopePath: g.path)
            }
            return goodOut(g)
        }
        try await caller.require(PointsService.view)
        return goodOut(try await caller.scoped(PointsGood.self, id))
    }

    // MARK: Redemptions

    /// A resident's or member's own; staff's: those of the shops in their scope and of the people kept there.
    /// Newest first, then by id; `page` nil: all of them (an export).
    static func redemptions(_ caller: Caller, state: RedemptionState?, page: PageRequest?) async throws
        -> Paged<RedemptionOut>
    {
        let v = try caller.requireViewer()
        let q = PointsRedemption.query(on: caller.db)
        if v.scope.isSelfOnly {
            q.filter(\.$personID == (v.user.personID ?? -1))
        } else {
            try await caller.require(PointsService.view)
            inScope(q, v.scope)
        }
        if let state { q.filter(\.$state == state) }
        q.sort(\.$createdAt, .descending).sort(\.$id, .descending)
        let rows = try await q.paged(orAll: page)
        return Paged(rows: try await redemptionOut(rows.rows, on: caller.db), total: rows.total, asked: rows.asked)
    }

    /// Staff's redemptions: those of the shops in the scope and of the people kept there (the desk tile counts the
    /// pending ones of the same list).
    @discardableResult
    static func inScope(_ q: QueryBuilder<PointsRedemption>, _ scope: DataScope) -> QueryBuilder<PointsRedemption> {
        if scope.paths.isEmpty { return q.filter(\.$id == -1) }
        return q.group(.or) { g in
            for p in scope.paths {
                g.filter(\.$shopPath =~ p.value)
                g.filter(\.$path =~ p.value)
            }
        }
    }

    static func redemptionOut(_ rs: [PointsRedemption], on db: any Database) async throws -> [RedemptionOut] {
        let names = try await PeopleQueries.names(rs.map(\.personID), on: db)
        var shops: [Int: String] = [:]
        for chunk in Array(Set(rs.map(\.shopID))).chunked(500) {
            for s in try await PointsShop.query(on: db).filter(\.$id ~~ chunk).all() { shops[s.id!] = s.name }
        }
        return rs.map { r in
            RedemptionOut(
                id: r.id!, personID: r.personID, personName: names[r.personID] ?? "", shopID: r.shopID,
                shopName: shops[r.shopID] ?? "", goodID: r.goodID, goodName: r.goodName, quantity: r.quantity,
                cost: r.cost, code: r.code, state: r.state, createdAt: r.createdAt, handedOverAt: r.handedOverAt,
                cancelledAt: r.cancelledAt)
        }
    }

    // MARK: Figures

    /// Points issued, spent, expired and deducted in a period, per community in the caller's scope (or below a node
    /// of it), from the movements; each figure opens the ledger filtered the same way.
    static func figures(_ caller: Caller, nodeID: Int?, from: Date, to: Date) async throws -> FiguresOut {
        let v = try await caller.require(PointsService.view)
        var scope = v.scope
        if let nodeID {
            let node = try await caller.scoped(OrgNode.self, nodeID, field: "nodeId")
            scope = DataScope(own: node.treePath, shared: [], ownPersonID: nil)
        }
        let nodes = try await OrgQueries.nodesInScope(scope, on: caller.db)
        let communities = nodes.filter { $0.kind == .communityCommittee }.sorted { $0.path < $1.path }
        var sums: [String: [PointsFigure: Int]] = [:]
        guard let sql = caller.db as? SQLDatabase else { throw AppError.notFound() }
        for p in scope.paths {
            let rows = try await sql.select().column("path").column("source")
                .column(SQLRaw("CASE WHEN amount > 0 THEN 1 ELSE 0 END"), as: "credit")
                .column(SQLRaw("CAST(SUM(amount) AS BIGINT)"), as: "total")
                .from(PointsMovement.schema).where("path", .like, p.value + "%").where("at", .greaterThanOrEqual, from)
                .where("at", .lessThan, to).groupBy("path").groupBy("source").groupBy(SQLRaw("3")).all()
            for r in rows {
                let path = try r.decode(column: "path", as: String.self)
                let total = try r.decode(column: "total", as: Int?.self) ?? 0
                guard let source = PointsSource(rawValue: try r.decode(column: "source", as: String.self)),
                    let (figure, value) = PointsFigure.of(source: source, amount: total)
                else { continue }
                sums[path, default: [:]][figure, default: 0] += value
            }
        }
        func row(_ id: Int, _ name: String, _ prefix: String) -> FigureRow {
            var f: [PointsFigure: Int] = [:]
            for (path, values) in sums where path.hasPrefix(prefix) {
                for (k, n) in values { f[k, default: 0] += n }
            }
            return FigureRow(
                nodeID: id, name: name, issued: f[.issued] ?? 0, spent: f[.spent] ?? 0, expired: f[.expired] ?? 0,
                deducted: f[.deducted] ?? 0)
        }
        let rows = communities.map { row($0.id!, $0.name, $0.path) }
        let top =
            nodeID.flatMap { id in nodes.first { $0.id == id } }
            ?? (scope.paths.count == 1 ? nodes.first { $0.treePath == scope.paths[0] } : nil)
        var total = FigureRow(
            nodeID: top?.id ?? 0, name: top?.name ?? "", issued: 0, spent: 0, expired: 0, deducted: 0)
        for p in scope.paths {
            let r = row(0, "", p.value)
            total = FigureRow(
                nodeID: total.nodeID, name: total.name, issued: total.issued + r.issued, spent: total.spent + r.spent,
                expired: total.expired + r.expired, deducted: total.deducted + r.deducted)
        }
        return FiguresOut(
            from: LocalDate(instant: from.timeIntervalSince1970).description,
            to: LocalDate(instant: to.timeIntervalSince1970 - 1).description, communities: rows, total: total)
    }
}

import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// Points' services: each takes a `Caller` and its typed input, checks every id against the caller's scope and
/// every rule before anything is written, and writes the change with its audit record in one transaction.
enum PointsService {
    static let maxShort = 100
    static let maxText = 1_000

    /// Staff who keep points (award, correct, run shops, hand over) need this permission in their scope.
    static let manage: Permission = .editPeople
    static let view: Permission = .viewPeople

    // MARK: Inputs

    enum EntryKind: String, Codable, CaseIterable, Sendable, APIEnum {
        case manual, correction
    }

    struct EntryInput: StrictInput {
        static let fields: Set<String> = ["kind", "amount", "note", "approverUserID"]
        var kind: EntryKind?
        var amount: Int?
        var note: String?
        var approverUserID: Int?
    }

    struct SettingsInput: StrictInput {
        static let fields: Set<String> = ["expiryMonths"]
        let expiryMonths: Int
    }

    struct ShopInput: StrictInput {
        static let fields: Set<String> = ["nodeID", "name", "place", "active"]
        var nodeID: Int?
        var name: String?
        var place: String?
        var active: Bool?
    }

    struct GoodInput: StrictInput {
        static let fields: Set<String> = [
            "name", "description", "price", "stock", "limitPerPerson", "limitPeriod", "active",
        ]
        var name: String?
        var description: String?
        var price: Int?
        var stock: Int?
        var limitPerPerson: Int?
        var limitPeriod: PointsShopRules.LimitPeriod?
        var active: Bool?
    }

    struct RestockInput: StrictInput {
        static let fields: Set<String> = ["quantity", "note"]
        let quantity: Int
        var note: String?
    }

    struct RedeemInput: StrictInput {
        static let fields: Set<String> = ["quantity"]
        var quantity: Int?
    }

    struct HandOverInput: StrictInput {
        static let fields: Set<String> = ["code"]
        var code: String?
    }

    struct CancelInput: StrictInput {
        static let fields: Set<String> = ["reason"]
        var reason: String?
    }

    // MARK: Checks

    static func text(_ raw: String?, field: String, max: Int, required: Bool = true) throws -> String {
        try FormText.text(raw, field: field, max: max, required: required)
    }

    static func ledgerRule<T>(field: String? = nil, _ check: () throws -> T) throws -> T {
        do { return try check() } catch let p as PointsLedger.Problem {
            throw AppError.invalid(key: p.messageKey, args: p.args, field: field)
        } catch let p as PointsShopRules.Problem {
            switch p {
            case .quantityInvalid: throw AppError.invalid(key: p.messageKey, args: p.args, field: "quantity")
            default: throw AppError.conflict(key: p.messageKey, args: p.args)
            }
        }
    }

    /// The person the caller is (a resident's or member's own record), or a logged 403.
    static func me(_ caller: Caller) async throws -> PeopleQueries.PointsPerson {
        let v = try caller.requireViewer()
        guard let id = v.user.personID, let p = try await PeopleQueries.pointsPerson(id, on: caller.db), !p.archived
        else {
            throw await caller.forbidden("points: account without a person")
        }
        return p
    }

    /// A record of Points by id for a change by staff: the permission, and its path in the scope (logged 403).
    static func forChange<M: ScopedRecord>(_ type: M.Type, _ id: Int, _ caller: Caller) async throws -> (Viewer, M) {
        let v = try await caller.require(manage)
        let m = try await caller.scoped(type, id, for: .change)
        return (v, m)
    }

    /// A redemption is changed (handed over, cancelled) by its shop's staff: the caller sees it and the shop lies in
    /// their scope. The staff where the person is kept see it too, but the goods are not theirs to hand over.
    static func redemptionForChange(_ id: Int, _ caller: Caller) async throws -> (Viewer, PointsRedemption) {
        let v = try await caller.require(manage)
        let r = try await caller.scoped(PointsRedemption.self, id)
        guard v.scope.includes(TreePath(r.shopPath)) else {
            throw await caller.forbidden("redemption \(id) of a shop outside the scope", scopePath: r.shopPath)
        }
        return (v, r)
    }

    // MARK: Manual entries

    /// A manual award (+) or a correction (+ or −) for a person in scope, with a note and an approver: another
    /// account of the caller's scope that keeps points, neither the caller nor the beneficiary. It waits in the
    /// approver's to-dos and is written once approved (`manualEntry`): a new movement, never an edit. A correction
    /// never takes the balance below zero (checked now, and again when approved).
    static func record(_ caller: Caller, personID: Int, _ input: EntryInput) async throws -> Approval {
        let v = try await caller.require(manage)
        let person = try await PeopleQueries.scopedPointsPerson(personID, for: .change, field: nil, caller)
        if person.archived { throw AppError.conflict(.errorPointsPersonArchived) }
        var problems = FieldProblems()
        let kind = input.kind ?? .manual
        let amount = input.amount ?? 0
        _ = try problems.check("amount") { try PointsLedger.checkAmount(amount) }
        if kind == .manual, amount < 0 { problems["amount"] = Text.errorPointsAwardPositive.key }
        let note = (input.note ?? "").trimmingWhitespace()
        if note.isEmpty { problems["note"] = Text.errorPointsTextRequired.key }
        if note.count > maxShort * 2 { problems.add("note", .errorTextLong, args: [String(maxShort * 2)]) }
        if input.approverUserID == nil { problems["approverUserId"] = Text.errorPointsApproverRequired.key }
        try problems.throwIfAny()
        let approver = try await approverAccount(input.approverUserID!, caller)
        if let own = v.user.personID, own == person.id { throw AppError.invalid(.errorPointsOwnAward) }
        if approver.personID == person.id {
            throw AppError.invalid(.errorPointsApproverBeneficiary, field: "approverUserId")
        }
        if approver.id == v.user.id {
            throw AppError.invalid(.errorPointsApproverSelf, field: "approverUserId")
        }
        if amount < 0 {
            let balance = try await PointsBook.balance(personID: person.id, on: caller.db)
            try ledgerRule(field: "amount") { try PointsLedger.checkDebit(-amount, balance: balance) }
        }
        let entry = ManualEntry(
            personID: person.id, path: person.path, amount: amount,
            source: (kind == .manual ? PointsSource.manual : .correction).rawValue, note: note)
        let label = "\(person.name) \(amount > 0 ? "+" : "")\(amount) · \(note)"
        return try await caller.db.writing { db in
            try await Approvals.request(
                manualEntry, payload: entry, path: person.path, label: label, approver: approver,
                beneficiaryPersonID: person.id, by: v, at: caller.now, on: db)
        }
    }

    /// A manual award or correction as it waits for its approver.
    struct ManualEntry: Codable, Sendable {
        let personID: Int
        let path: String
        let amount: Int
        let source: String
        let note: String
    }

    static let manualEntry = ApprovalKind(
        kind: "points_manual_entry", label: .pointsManualEntry,
        link: { a in
            let id = (try? Approvals.payload(ManualEntry.self, of: a).personID) ?? 0
            return PointsRoute.person(.value(id)).link
        },
        apply: { a, d in try await approveEntry(a, d) })

    /// The approver agrees: the movement is written now, under the person's book lock (a correction is checked
    /// against the balance as it is then, after the expiries due).
    static func approveEntry(_ a: Approval, _ d: ApprovalDecision) async throws -> Int {
        let e = try Approvals.payload(ManualEntry.self, of: a)
        let m = PointsMovement()
        m.personID = e.personID
        m.path = e.path
        m.amount = e.amount
        m.source = e.source
        m.reference = "entry:approval:\(a.id!)"
        m.note = e.note
        m.at = d.now
        m.recordedBy = a.recordedBy
        m.recordedByName = a.recordedByName
        m.approverUserID = d.viewer.user.id
        m.approverName = d.viewer.user.displayName
        try await PointsBook.lock(personID: e.personID, path: e.path, on: d.db)
        if e.amount < 0 {
            try await PointsBook.expireLocked(personID: e.personID, path: e.path, now: d.now, on: d.db)
            let balance = try await PointsBook.balance(personID: e.personID, on: d.db)
            try ledgerRule(field: "amount") { try PointsLedger.checkDebit(-e.amount, balance: balance) }
        }
        try await m.create(on: d.db)
        try await Audit.record(
            on: d.db, by: d.viewer, at: d.now, .create, entity: .pointsMovement, id: m.id!, label: a.label,
            scopePath: e.path, before: nil as String?,
            after: [
                "person": String(e.personID), "amount": String(e.amount), "source": e.source, "note": e.note,
                "approval": String(a.id!), "recordedBy": a.recordedByName,
            ])
        return m.id!
    }

    /// An approver named in a body: an active account in the caller's scope that may keep points; anything else,
    /// missing or outside alike, is the same field problem (the outside ones logged).
    static func approverAccount(_ id: Int, _ caller: Caller) async throws -> User {
        let v = try caller.requireViewer()
        guard let u = try await User.find(id, on: caller.db) else {
            throw AppError.invalid(.errorRefUnknown, field: "approverUserId")
        }
        let node = try await OrgNode.find(u.orgNodeID, on: caller.db)
        guard let node, v.scope.includes(node.treePath) else {
            await AccessLog.write(caller, .forbiddenChange, detail: "approver \(id)", scopePath: node?.path)
            throw AppError.invalid(.errorRefUnknown, field: "approverUserId")
        }
        guard u.active, u.role.can(manage) else {
            throw AppError.invalid(.errorPointsApproverRole, field: "approverUserId")
        }
        return u
    }

    /// Accounts the caller may name as approver: active, in the scope, keeping points, not the caller.
    static func approvers(_ caller: Caller) async throws -> [User] {
        let v = try caller.requireViewer()
        let nodes = try await OrgQueries.nodesInScope(v.scope, on: caller.db)
        let ids = nodes.compactMap(\.id)
        var out: [User] = []
        for chunk in ids.chunked(500) {
            out += try await User.query(on: caller.db).filter(\.$orgNodeID ~~ chunk).filter(\.$active == true).all()
        }
        return out.filter { $0.role.can(manage) && $0.id != v.user.id }.sorted { $0.id! < $1.id! }
    }

    // MARK: Settings

    static func settings(on db: any Database) async throws -> Int { try await PointsBook.expiryMonths(on: db) }

    /// The expiry period, for the whole district: an administrator of the district's root. Audited.
    static func setExpiry(_ caller: Caller, _ input: SettingsInput) async throws -> Int {
        let v = try await caller.requireDistrictSettings("points expiry")
        let months = input.expiryMonths
        guard PointsLedger.expiryMonthsRange.contains(months) else {
            throw AppError.invalid(
                .errorPointsExpiryRange,
                args: [
                    String(PointsLedger.expiryMonthsRange.lowerBound),
                    String(PointsLedger.expiryMonthsRange.upperBound),
                ], field: "expiryMonths")
        }
        try await caller.db.writing { db in
            let row = try await PointsSettings.query(on: db).sort(\.$id).first()
            let before = row?.expiryMonths ?? PointsLedger.defaultExpiryMonths
            let s = row ?? PointsSettings()
            s.expiryMonths = months
            s.updatedBy = v.user.id
            try await s.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .pointsSettings, id: s.id!, label: "expiryMonths",
                scopePath: v.node.path, before: ["expiryMonths": before], after: ["expiryMonths": months])
        }
        return months
    }

    // MARK: Shops and goods

    /// A shop of a community or a street in the caller's scope.
    static func createShop(_ caller: Caller, _ input: ShopInput) async throws -> PointsShop {
        let v = try await caller.require(manage)
        guard let nodeID = input.nodeID else { throw AppError.invalid(.errorPointsTextRequired, field: "nodeId") }
        let node = try await OrgQueries.findForChange(nodeID, caller, field: "nodeId")
        guard [.communityCommittee, .streetCommittee].contains(node.kind), !node.archived else {
            throw AppError.invalid(.errorPointsShopNode, field: "nodeId")
        }
        let name = try text(input.name, field: "name", max: maxShort)
        let place = try text(input.place, field: "place", max: maxShort * 2, required: false)
        let s = PointsShop()
        s.orgNodeID = node.id!
        s.path = node.path
        s.name = name
        s.place = place
        s.active = input.active ?? true
        try await caller.db.writing { db in
            try await s.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .pointsShop, id: s.id!, label: name, scopePath: s.path,
                before: nil as String?, after: ["node": node.name, "place": place, "active": String(s.active)])
        }
        return s
    }

    static func updateShop(_ caller: Caller, id: Int, _ input: ShopInput) async throws -> PointsShop {
        let (v, s) = try await forChange(PointsShop.self, id, caller)
        if input.nodeID != nil { throw AppError.invalid(.errorPointsShopMove, field: "nodeId") }
        let before = ["name": s.name, "place": s.place, "active": String(s.active)]
        if input.name != nil { s.name = try text(input.name, field: "name", max: maxShort) }
        if input.place != nil { s.place = try text(input.place, field: "place", max: maxShort * 2, required: false) }
        if let a = input.active { s.active = a }
        try await caller.db.writing { db in
            try await s.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, s.active ? .update : .archive, entity: .pointsShop, id: s.id!,
                label: s.name,
                scopePath: s.path, before: before,
                after: ["name": s.name, "place": s.place, "active": String(s.active)])
        }
        return s
    }

    static func goodFields(_ input: GoodInput, into g: PointsGood, isNew: Bool) throws {
        var problems = FieldProblems()
        func check(_ field: String, _ body: () throws -> Void) throws { _ = try problems.check(field, body) }
        if isNew || input.name != nil {
            try check("name") { g.name = try text(input.name, field: "name", max: maxShort) }
        }
        if isNew || input.description != nil {
            try check("description") {
                g.description = try text(input.description, field: "description", max: maxText, required: false)
            }
        }
        if isNew || input.price != nil {
            let price = input.price ?? 0
            if !(1...PointsShopRules.maxPrice).contains(price) { problems["price"] = Text.errorPointsPrice.key }
            g.price = price
        }
        if isNew {
            let stock = input.stock ?? 0
            if !(0...PointsShopRules.maxStock).contains(stock) { problems["stock"] = Text.errorPointsStockRange.key }
            g.stock = stock
        } else if input.stock != nil {
            problems["stock"] = Text.errorPointsStockByRestock.key
        }
        if let limit = input.limitPerPerson {
            if !(1...PointsShopRules.maxStock).contains(limit) {
                problems["limitPerPerson"] = Text.errorPointsLimitRange.key
            }
            g.limitPerPerson = limit
        } else if isNew {
            g.limitPerPerson = nil
        }
        if isNew || input.limitPeriod != nil { g.limitPeriod = (input.limitPeriod ?? .overall).rawValue }
        if isNew || input.active != nil { g.active = input.active ?? true }
        try problems.throwIfAny()
    }

    static func snapshot(_ g: PointsGood) -> [String: String] {
        [
            "name": g.name, "price": String(g.price), "stock": String(g.stock),
            "limitPerPerson": g.limitPerPerson.map(String.init) ?? "", "limitPeriod": g.limitPeriod,
            "active": String(g.active),
        ]
    }

    static func createGood(_ caller: Caller, shopID: Int, _ input: GoodInput) async throws -> PointsGood {
        let (v, shop) = try await forChange(PointsShop.self, shopID, caller)
        let g = PointsGood()
        g.shopID = shop.id!
        g.path = shop.path
        try goodFields(input, into: g, isNew: true)
        try await caller.db.writing { db in
            try await g.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .pointsGood, id: g.id!,
                label: "\(shop.name) \(g.name)",
                scopePath: g.path, before: nil as String?, after: snapshot(g))
        }
        return g
    }

    static func updateGood(_ caller: Caller, id: Int, _ input: GoodInput) async throws -> PointsGood {
        let (v, g) = try await forChange(PointsGood.self, id, caller)
        let before = snapshot(g)
        try goodFields(input, into: g, isNew: false)
        try await caller.db.writing { db in
            // The stock is the restocks' and redemptions' alone: saved without it.
            try await PointsGood.query(on: db).filter(\.$id == g.id!).set(\.$name, to: g.name)
                .set(\.$description, to: g.description).set(\.$price, to: g.price)
                .set(\.$limitPerPerson, to: g.limitPerPerson).set(\.$limitPeriod, to: g.limitPeriod)
                .set(\.$active, to: g.active).update()
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .pointsGood, id: g.id!, label: g.name,
                scopePath: g.path,
                before: before, after: snapshot(g))
        }
        return try await PointsGood.find(g.id!, on: caller.db) ?? g
    }

    /// Staff add to the stock (or write some off, never below zero), audited with the stock before and after.
    static func restock(_ caller: Caller, id: Int, _ input: RestockInput) async throws -> PointsGood {
        let (v, g) = try await forChange(PointsGood.self, id, caller)
        let q = input.quantity
        guard q != 0, abs(q) <= PointsShopRules.maxStock else {
            throw AppError.invalid(.errorPointsRestock, args: [String(PointsShopRules.maxStock)], field: "quantity")
        }
        let note = try text(input.note, field: "note", max: maxShort * 2, required: false)
        return try await caller.db.writing { db in
            guard let sql = db as? SQLDatabase else { throw AppError.conflict(.errorPointsStockLow) }
            let rows = try await sql.raw(
                """
                UPDATE \(ident: PointsGood.schema) SET stock = stock + \(bind: q) WHERE id = \(bind: g.id!) \
                AND stock + \(bind: q) >= 0 AND stock + \(bind: q) <= \(bind: PointsShopRules.maxStock) RETURNING stock
                """
            ).all()
            guard let row = rows.first else { throw AppError.conflict(.errorPointsStockLow, args: [String(g.stock)]) }
            let after = try row.decode(column: "stock", as: Int.self)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .pointsGood, id: g.id!, label: g.name,
                scopePath: g.path,
                before: ["stock": after - q], after: ["stock": String(after), "restock": String(q), "note": note])
            g.stock = after
            return g
        }
    }

    // MARK: Redemptions

    /// Whether a person sees a shop: an active shop where they live (their community's or their street's).
    static func sees(_ shop: PointsShop, _ person: PeopleQueries.PointsPerson) -> Bool {
        shop.active && TreePath(shop.path).contains(TreePath(person.livesAt))
    }

    /// A resident or member redeems a good of a shop where they live: the stock and the points are taken in one
    /// transaction (the stock by a conditional update, the points after the person's account is held and the
    /// expiries due are recorded), within the good's per-person limit. The answer carries the pick-up code.
    static func redeem(_ caller: Caller, goodID: Int, _ input: RedeemInput) async throws -> PointsRedemption {
        let v = try caller.requireViewer()
        guard let g = try await PointsGood.find(goodID, on: caller.db) else { throw AppError.notFound() }
        guard v.user.personID != nil, [.resident, .partyMember].contains(v.role) else {
            throw await caller.forbidden("redeem good \(goodID)", scopePath: g.path)
        }
        let person = try await me(caller)
        guard let shop = try await PointsShop.find(g.shopID, on: caller.db), sees(shop, person) else {
            throw await caller.forbidden("redeem good \(goodID)", scopePath: g.path)
        }
        let quantity = input.quantity ?? 1
        try await PointsAccrualRun.run(.people([person.id]), now: caller.now, on: caller.db)
        let today = caller.today
        let period = PointsShopRules.LimitPeriod(rawValue: g.limitPeriod) ?? .overall
        let r = PointsRedemption()
        return try await caller.db.writing { db in
            try await PointsBook.lock(personID: person.id, path: person.path, on: db)
            try await PointsBook.expireLocked(personID: person.id, path: person.path, now: caller.now, on: db)
            let balance = try await PointsBook.balance(personID: person.id, on: db)
            guard let good = try await PointsGood.find(goodID, on: db) else { throw AppError.notFound() }
            let already = try await redeemed(person: person.id, good: good.id!, since: period.start(of: today), on: db)
            let cost = try ledgerRule {
                try PointsShopRules.checkRedemption(
                    quantity: quantity, price: good.price, balance: balance, stock: good.stock,
                    limit: good.limitPerPerson, already: already, active: good.active && shop.active)
            }
            guard let sql = db as? SQLDatabase else { throw AppError.conflict(.errorPointsStock) }
            let taken = try await sql.raw(
                """
                UPDATE \(ident: PointsGood.schema) SET stock = stock - \(bind: quantity) WHERE id = \(bind: good.id!) \
                AND stock >= \(bind: quantity) RETURNING stock
                """
            ).all()
            guard !taken.isEmpty else { throw AppError.conflict(.errorPointsStock, args: [String(good.stock)]) }
            r.personID = person.id
            r.path = person.path
            r.shopID = shop.id!
            r.shopPath = shop.path
            r.goodID = good.id!
            r.goodName = good.name
            r.quantity = quantity
            r.cost = cost
            r.code = try await freshCode(on: db)
            r.state = .pending
            r.movementID = nil
            try await r.create(on: db)
            let m = PointsMovement()
            m.personID = person.id
            m.path = person.path
            m.amount = -cost
            m.source = PointsSource.redemption.rawValue
            m.reference = "redemption:\(r.id!)"
            m.note = "\(shop.name) · \(good.name) × \(quantity)"
            m.at = caller.now
            m.recordedBy = v.user.id
            m.recordedByName = v.user.displayName
            m.redemptionID = r.id
            try await m.create(on: db)
            r.movementID = m.id
            try await r.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .pointsRedemption, id: r.id!,
                label: "\(good.name) × \(quantity)",
                scopePath: r.shopPath, before: nil as String?,
                after: ["person": String(person.id), "good": String(good.id!), "cost": String(cost), "code": r.code])
            return r
        }
    }

    /// How many of a good the person redeemed since the day (nil: ever), cancelled ones aside.
    static func redeemed(person: Int, good: Int, since: LocalDate?, on db: any Database) async throws -> Int {
        let q = PointsRedemption.query(on: db).filter(\.$personID == person).filter(\.$goodID == good)
            .filter(\.$state != .cancelled)
        if let since { q.filter(\.$createdAt >= Date(timeIntervalSince1970: since.startInstant)) }
        return try await q.all().reduce(0) { $0 + $1.quantity }
    }

    static func freshCode(on db: any Database) async throws -> String {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let code = PointsShopRules.pickUpCode(rng.next())
            if try await PointsRedemption.query(on: db).filter(\.$code == code).count() == 0 { return code }
        }
        throw AppError.conflict(.errorPointsStock)
    }

    /// The shop's staff hand a pending redemption over against its pick-up code.
    static func handOver(_ caller: Caller, id: Int, _ input: HandOverInput) async throws -> PointsRedemption {
        let (v, r) = try await redemptionForChange(id, caller)
        try await CodeGuesses.check(caller)
        let code = (input.code ?? "").trimmingWhitespace().uppercased()
        guard code == r.code else {
            throw await CodeGuesses.wrong(caller, AppError.invalid(.errorPointsCode, field: "code"))
        }
        guard r.state == .pending else { throw AppError.conflict(.errorPointsNotPending) }
        return try await caller.db.writing { db in
            let now = caller.now
            guard let sql = db as? SQLDatabase else { throw AppError.conflict(.errorPointsNotPending) }
            let done = try await sql.raw(
                """
                UPDATE \(ident: PointsRedemption.schema) SET state = \(bind: RedemptionState.handedOver.rawValue), \
                handed_over_at = \(bind: now), handed_over_by = \(bind: v.user.id!) WHERE id = \(bind: r.id!) \
                AND state = \(bind: RedemptionState.pending.rawValue) RETURNING id
                """
            ).all()
            guard !done.isEmpty else { throw AppError.conflict(.errorPointsNotPending) }
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .pointsRedemption, id: r.id!, label: r.goodName,
                scopePath: r.shopPath,
                before: ["state": RedemptionState.pending.rawValue],
                after: ["state": RedemptionState.handedOver.rawValue])
            return try await PointsRedemption.find(r.id!, on: db) ?? r
        }
    }

    /// Cancelled before hand-over, by the person or the shop's staff: the stock goes back and the points come back
    /// as a new movement that gives back exactly what the redemption took.
    static func cancel(_ caller: Caller, id: Int, _ input: CancelInput) async throws -> PointsRedemption {
        let v = try caller.requireViewer()
        guard let found = try await PointsRedemption.find(id, on: caller.db) else { throw AppError.notFound() }
        let own = v.user.personID == found.personID && [.resident, .partyMember].contains(v.role)
        let r = own ? found : try await redemptionForChange(id, caller).1
        let reason = try text(input.reason, field: "reason", max: maxShort * 2, required: false)
        guard r.state == .pending, let movementID = r.movementID else {
            throw AppError.conflict(.errorPointsNotPending)
        }
        return try await caller.db.writing { db in
            try await PointsBook.lock(personID: r.personID, path: r.path, on: db)
            guard let sql = db as? SQLDatabase else { throw AppError.conflict(.errorPointsNotPending) }
            let now = caller.now
            let done = try await sql.raw(
                """
                UPDATE \(ident: PointsRedemption.schema) SET state = \(bind: RedemptionState.cancelled.rawValue), \
                cancelled_at = \(bind: now), cancelled_by = \(bind: v.user.id!), cancel_reason = \(bind: reason) \
                WHERE id = \(bind: r.id!) AND state = \(bind: RedemptionState.pending.rawValue) RETURNING id
                """
            ).all()
            guard !done.isEmpty else { throw AppError.conflict(.errorPointsNotPending) }
            try await sql.raw(
                """
                UPDATE \(ident: PointsGood.schema) SET stock = stock + \(bind: r.quantity) WHERE id = \(bind: r.goodID)
                """
            ).run()
            let m = PointsMovement()
            m.personID = r.personID
            m.path = r.path
            m.amount = r.cost
            m.source = PointsSource.refund.rawValue
            m.reference = "redemption:\(r.id!)"
            m.note = reason.isEmpty ? r.goodName : "\(r.goodName) · \(reason)"
            m.at = now
            m.recordedBy = v.user.id
            m.recordedByName = v.user.displayName
            m.reversesID = movementID
            m.redemptionID = r.id
            try await m.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .pointsRedemption, id: r.id!, label: r.goodName,
                scopePath: r.shopPath,
                before: ["state": RedemptionState.pending.rawValue],
                after: ["state": RedemptionState.cancelled.rawValue, "reason": reason, "refund": String(r.cost)])
            return try await PointsRedemption.find(r.id!, on: db) ?? r
        }
    }
}

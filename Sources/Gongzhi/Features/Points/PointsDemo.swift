import Fluent
import Foundation
import GongzhiCore

/// Points' part of the demo district, after Reporting: a stocked 党爱超市 in each community of the first street and
/// one of the street; a year of manual awards (each with its recorder and approver) for people of those
/// communities, the demo resident and member among them, some redemptions (handed over, and some waiting with
/// their pick-up codes), points awarded over two years ago that have since expired, and every month of a post kept
/// accrued from Reporting's claims. Inserted in batches from a generator of its own (the district's is left as it
/// was, so the steps after this one draw the same).
enum PointsDemo {
    static let goods: [(name: String, description: String, price: Int, stock: Int, limit: Int?, period: String)] = [
        ("大米 5 公斤", "东北大米，当季新米", 120, 30, 1, "month"),
        ("食用油 1.8 升", "非转基因压榨花生油", 100, 20, 1, "month"),
        ("洗衣液 2 公斤", "", 60, 40, nil, "overall"),
        ("抽纸 6 包", "", 30, 60, 2, "month"),
        ("保温杯", "不锈钢 500 毫升", 150, 10, 1, "year"),
        ("理发服务券", "社区理发点使用", 40, 25, 2, "month"),
        ("家政保洁 2 小时", "驻区家政企业提供", 200, 8, 1, "year"),
        ("雨伞", "", 50, 15, nil, "overall"),
    ]
    static let reasons = [
        "参加社区环境整治", "协助疫苗接种现场秩序", "垃圾分类督导", "参加社区议事会",
        "为独居老人送餐", "参与平安巡逻", "协助社区文艺汇演", "参加邻里节志愿服务",
    ]
    static let streetHours = "街道党群服务中心一楼，周一至周五 9:00–17:00"
    static let communityHours = "社区党群服务站，周二、周四、周六 9:00–11:30"

    static func load(_ d: DemoDistrict) async throws {
        let db = d.db
        guard let street = d.streets.first else { return }
        var rng = SeededRandom(state: 11_280_812)
        let communities = d.communities.filter { $0.parentID == street.id }
        let users = try await User.query(on: db).all()
        guard let admin = users.first(where: { $0.role == .systemAdmin }) else { return }
        let secretary = users.first { $0.username == "secretary" } ?? admin
        let worker = users.first { $0.username == "worker" } ?? admin
        let streetStaff = users.first { $0.username == "street" } ?? admin

        // Shops and their goods.
        var shops: [PointsShop] = []
        for node in communities + [street] {
            let s = PointsShop()
            s.orgNodeID = node.id!
            s.path = node.path
            s.name = node.id == street.id ? "\(node.name)党爱超市（街道店）" : "\(node.name)党爱超市"
            s.place = node.id == street.id ? streetHours : communityHours
            s.active = true
            shops.append(s)
        }
        try await insert(shops, db)
        // A batch insert does not read the ids back: read the rows again.
        shops = try await PointsShop.query(on: db).sort(\.$id).all()
        var goodRows: [PointsGood] = []
        for s in shops {
            for spec in goods where rng.chance(0.8) || spec.price <= 60 {
                let g = PointsGood()
                g.shopID = s.id!
                g.path = s.path
                g.name = spec.name
                g.description = spec.description
                g.price = spec.price
                g.stock = max(3, spec.stock + rng.int(-5...5))
                g.limitPerPerson = spec.limit
                g.limitPeriod = spec.period
                g.active = true
                goodRows.append(g)
            }
        }
        try await insert(goodRows, db)
        goodRows = try await PointsGood.query(on: db).sort(\.$id).all()
        let goodsOf = Dictionary(grouping: goodRows, by: \.shopID)

        // Who gets points: people kept in the first street's communities, and the demo accounts' people.
        let scope = DataScope(own: street.treePath, shared: [], ownPersonID: nil)
        var people = try await PeopleQueries.pointsPeople(in: scope, limit: 4_000, on: db).filter { _ in
            rng.chance(0.08)
        }
        for id in [d.residentPersonID, d.memberPersonID].compactMap({ $0 })
        where !people.contains(where: { $0.id == id }) {
            if let p = try await PeopleQueries.pointsPerson(id, on: db) { people.append(p) }
        }
        let today = d.today
        let now = d.now
        var movements: [PointsMovement] = []
        var redemptions: [(PointsRedemption, PointsMovement)] = []
        var stockTaken: [Int: Int] = [:]
        for p in people {
            let demo = p.id == d.residentPersonID || p.id == d.memberPersonID
            let (recorder, approver) =
                p.path.hasPrefix(communities.first?.path ?? "-") ? (worker, secretary) : (streetStaff, secretary)
            var events: [(LocalDate, Int, String)] = []
            // Awards over the past year; the demo people get enough for something from the shop.
            for _ in 0..<(demo ? 6 : rng.int(1...6)) {
                events.append(
                    (today.adding(days: -rng.int(5...360)), [20, 30, 50, 80][rng.int(0...3)], rng.pick(reasons)))
            }
            if demo { events.append((today.adding(days: -3), 120, "参加社区邻里节志愿服务")) }
            // Some got points over two years ago, which have expired since.
            if rng.chance(0.3) { events.append((today.adding(days: -rng.int(760...900)), 40, rng.pick(reasons))) }
            events.sort { $0.0 < $1.0 }
            var balance = 0
            for (day, amount, reason) in events {
                let m = PointsMovement()
                m.personID = p.id
                m.path = p.path
                m.amount = amount
                m.source = PointsSource.manual.rawValue
                m.reference = "demo:\(p.id):\(movements.count)"
                m.note = reason
                m.at = Date(timeIntervalSince1970: day.startInstant + 10 * 3600)
                m.recordedBy = recorder.id
                m.recordedByName = recorder.displayName
                m.approverUserID = approver.id
                m.approverName = approver.displayName
                movements.append(m)
                balance += amount
                // Now and then a redemption at a shop where they live, within the balance.
                let mine = shops.filter { TreePath($0.path).contains(TreePath(p.livesAt)) }
                guard !demo, rng.chance(0.35), let shop = mine.isEmpty ? nil : rng.pick(mine),
                    let good = (goodsOf[shop.id!] ?? []).filter({ $0.price <= balance }).first
                else { continue }
                let when = min(day.adding(days: rng.int(1...20)), today.adding(days: -1))
                let r = PointsRedemption()
                r.personID = p.id
                r.path = p.path
                r.shopID = shop.id!
                r.shopPath = shop.path
                r.goodID = good.id!
                r.goodName = good.name
                r.quantity = 1
                r.cost = good.price
                r.code = PointsShopRules.pickUpCode(rng.next())
                let handed = today.ordinal - when.ordinal > 7 || rng.chance(0.5)
                r.state = handed ? .handedOver : .pending
                r.createdAt = Date(timeIntervalSince1970: when.startInstant + 15 * 3600)
                r.handedOverAt =
                    handed ? Date(timeIntervalSince1970: when.adding(days: 1).startInstant + 10 * 3600) : nil
                r.handedOverBy = handed ? worker.id : nil
                let debit = PointsMovement()
                debit.personID = p.id
                debit.path = p.path
                debit.amount = -good.price
                debit.source = PointsSource.redemption.rawValue
                debit.reference = ""
                debit.note = "\(shop.name) · \(good.name) × 1"
                debit.at = r.createdAt!
                movements.append(debit)
                redemptions.append((r, debit))
                stockTaken[good.id!, default: 0] += 1
                balance -= good.price
            }
        }
        // Redemptions first (their ids name the debits), then every movement in the order made, then the links.
        try await insert(redemptions.map(\.0), db)
        var redemptionIDs: [String: Int] = [:]
        for r in try await PointsRedemption.query(on: db).all() { redemptionIDs[r.code] = r.id }
        for (r, m) in redemptions {
            m.reference = "redemption:\(redemptionIDs[r.code] ?? 0)"
            m.redemptionID = redemptionIDs[r.code]
        }
        try await insert(movements, db)
        for m in try await PointsMovement.query(on: db).filter(\.$source == PointsSource.redemption.rawValue).all() {
            guard let rid = m.redemptionID else { continue }
            try await PointsRedemption.query(on: db).filter(\.$id == rid).set(\.$movementID, to: m.id).update()
        }
        for g in goodRows where stockTaken[g.id!] != nil {
            g.stock = max(0, g.stock - stockTaken[g.id!]!)
            try await g.save(on: db)
        }
        try await PointsBook.openAccounts(people.map { ($0.id, $0.path) }, on: db)
        // Posts kept (Reporting's claims) and the expiries due, as the background job would.
        try await PointsAccrualRun.sweep(on: db, now: now, inTransaction: true)
        d.counts["points shops"] = shops.count
        d.counts["points goods"] = goodRows.count
        d.counts["points movements"] = try await PointsMovement.query(on: db).count()
        d.counts["points redemptions"] = redemptions.count
    }

    private static func insert<M: Model>(_ rows: [M], _ db: any Database) async throws {
        for chunk in rows.chunked(300) where !chunk.isEmpty { try await chunk.create(on: db) }
    }
}

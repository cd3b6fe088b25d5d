import Fluent
import GongzhiCore
import Vapor

/// A year of requests in the demo district (the full scale; the test district keeps none, so tests count their own):
/// raised in every grid and month, through every channel and category, each walked along one of the five steps' paths
/// by the workflow's own rules (`RequestWorkflow.apply`) with its events, deadlines and handlers, and stopped where
/// today finds it, so the figures, the map, the queues and the public page show a living district on first start.
enum RequestsDemo {
    /// What happens to a request, in order, each step some hours or days after the one before.
    enum Path: CaseIterable {
        case settledByTheGrid, decidedByTheMeeting, dispatchedByTheGrid, escalatedToTheStreet, reopenedOnce
        case closedUnrated, duplicate

        var steps: [RequestAction] {
            switch self {
            case .settledByTheGrid: [.take, .settle, .rate]
            case .decidedByTheMeeting: [.take, .forward, .decide, .accept, .progress, .complete, .rate]
            case .dispatchedByTheGrid: [.take, .dispatch, .accept, .complete, .rate]
            case .escalatedToTheStreet: [.take, .escalate, .dispatch, .accept, .supervise, .complete, .rate]
            case .reopenedOnce: [.take, .dispatch, .accept, .complete, .rate, .complete, .rate]
            case .closedUnrated: [.take, .settle, .closeUnrated]
            case .duplicate: [.merge]
            }
        }

        /// How often each path is taken, in percent.
        var weight: Int {
            switch self {
            case .settledByTheGrid: 42
            case .decidedByTheMeeting: 16
            case .dispatchedByTheGrid: 18
            case .escalatedToTheStreet: 8
            case .reopenedOnce: 5
            case .closedUnrated: 8
            case .duplicate: 3
            }
        }
    }

    static let texts: [String: [String]] = [
        "environment": ["楼道堆放杂物影响通行", "小区垃圾清运不及时", "绿化带长期无人修剪"],
        "facilities": ["单元门禁损坏", "楼道照明灯不亮", "小区路面塌陷"],
        "property": ["物业服务响应慢", "电梯经常停运", "物业费公示不清"],
        "safety": ["电动车在楼道充电", "夜间有陌生人逗留", "消防通道被占用"],
        "dispute": ["楼上噪音扰民", "邻里漏水纠纷", "宠物扰民"],
        "elderly": ["独居老人需要助餐", "老人行动不便需上门服务", "希望增设老年活动时间"],
        "policy": ["咨询医保缴费政策", "咨询老旧小区改造政策", "咨询入学政策"],
        "other": ["建议增设便民服务点", "希望开放社区活动室", "建议增加健身器材"],
    ]

    static func history(_ d: DemoDistrict) async throws {
        guard d.scale.requestsPerGridMonth > 0 else { return }
        let db = d.db
        let categories = try await RequestCategory.query(on: db).filter(\.$active == true).sort(\.$id).all()
        guard !categories.isEmpty, let district = d.district else { return }
        let grids = try await PlacesQueries.grids(in: DataScope(own: TreePath(district.path)), on: db)
        let handlers = try await UnitsQueries.activeHandlers(on: db)
        let calendar = try? await Calendars.load(on: db)
        let resident = try await User.query(on: db).filter(\.$role == .resident).sort(\.$id).first()
        let gridworker = try await User.query(on: db).filter(\.$role == .gridWorker).sort(\.$id).first()
        var workers: [Int: String] = [:]
        for c in d.communities {
            workers[c.id!] = try await PlacesQueries.publicGridWorkers(inCommunity: c.id!, on: db).first?.name
        }
        func deadline(_ from: Date, _ days: Int) -> Date? {
            guard let calendar else { return from.addingTimeInterval(Double(days) * 86_400 * 7 / 5) }
            return (try? calendar.deadline(from: from.timeIntervalSince1970, workingDays: days))
                .map { Date(timeIntervalSince1970: $0) }
        }
        let now = d.now
        var requests: [ServiceRequest] = []
        var plans: [[(RequestAction, Date, Rating?)]] = []
        var open: [Int: Int] = [:]
        for g in grids {
            let reporters = try await PeopleQueries.pickable(
                DataScope(own: TreePath(g.path)), limit: 30, on: db)
            let box = g.shape.bbox
            var slots: [(raised: Date, forced: [RequestAction]?)] = []
            for month in 0..<12 {
                for _ in 0..<d.scale.requestsPerGridMonth {
                    let day = d.today.adding(days: -(month * 30 + d.rng.int(0...29)))
                    let minute = Double(d.rng.int(480...1_200) * 60)
                    slots.append((Date(timeIntervalSince1970: day.startInstant + minute), nil))
                }
            }
            // The demo grid worker's grid has one request waiting at each open step since this morning.
            if g.id == grids.first?.id {
                for (k, prefix) in showcase.enumerated() {
                    slots.append((now.addingTimeInterval(-Double(20 - k) * 3_600), prefix))
                }
            }
            for (raised, forced) in slots {
                do {
                    guard raised < now else { continue }
                    let category = d.rng.pick(categories)
                    let r = ServiceRequest()
                    r.kind = d.rng.pick([.help, .help, .complaint, .report, .report, .consultation, .suggestion])
                    r.category = category.code
                    r.text = d.rng.pick(texts[category.code] ?? ["居民反映的问题"]) + "（演示）"
                    let point = Coordinate(
                        lat: box.minLat + (box.maxLat - box.minLat) * (0.3 + Double(d.rng.int(0...40)) / 100),
                        lng: box.minLng + (box.maxLng - box.minLng) * (0.3 + Double(d.rng.int(0...40)) / 100))
                    let inside = Containment.contains(g.shape, point) ? point : box.center
                    r.lat = inside.lat
                    r.lng = inside.lng
                    r.gridID = g.id
                    r.communityNodeID = g.communityNodeID
                    r.path = g.path
                    let reporter = reporters.isEmpty ? nil : d.rng.pick(reporters)
                    r.reporterPersonID = reporter?.id
                    r.channel = d.rng.pick([.app, .app, .app, .visit, .hotline, .patrol, .walkIn])
                    // The demo resident raises about half of their grid's requests from the phone.
                    let residentsGrid = resident.map { g.branchNodeID == $0.orgNodeID } ?? false
                    if residentsGrid, let resident, forced != nil || d.rng.chance(0.5) {
                        r.channel = .app
                        r.reporterUserID = resident.id
                        r.reporterPersonID = resident.personID
                    }
                    r.isPublic = d.rng.chance(0.6)
                    r.state = .raised
                    r.level = 0
                    r.reopenCount = 0
                    r.pendingExtension = false
                    r.supervised = false
                    r.unrated = false
                    r.version = 0
                    r.raisedAt = raised
                    r.stepDeadline = deadline(raised, category.responseDays)
                    var path = pickPath(&d.rng)
                    if path == .duplicate && (open[g.id] == nil || forced != nil) { path = .settledByTheGrid }
                    var at = raised
                    var steps: [(RequestAction, Date, Rating?)] = []
                    // A last rating of 不满意 reopens it: the handlers complete it again, it is rated anew.
                    var walk = forced ?? path.steps
                    let unsatisfied = d.rng.chance(0.08)
                    if unsatisfied && walk.last == .rate { walk += [.complete, .rate] }
                    for (i, action) in walk.enumerated() {
                        // Hours for the grid's steps, days for handlers; a few take longer than their deadline.
                        let longest = d.rng.chance(0.15) ? 400 : 120
                        let hours = action == .take ? d.rng.int(1...30) : d.rng.int(4...longest)
                        at = at.addingTimeInterval(forced == nil ? Double(hours * 3_600) : 600)
                        guard at < now else { break }
                        var rating: Rating?
                        if action == .rate {
                            let last = !walk[(i + 1)...].contains(.rate)
                            rating = !last ? .unsatisfied : d.rng.pick([.satisfied, .satisfied, .basicallySatisfied])
                        }
                        steps.append((action, at, rating))
                    }
                    requests.append(r)
                    plans.append(steps)
                    if path != .duplicate { open[g.id] = requests.count - 1 }
                }
            }
        }
        // Ids first (events and assignments name them), in the order they were raised; one by one, as a batch
        // insert does not hand back the ids the database gave.
        let order = requests.indices.sorted { requests[$0].raisedAt < requests[$1].raisedAt }
        for i in order { try await requests[i].create(on: db) }
        var events: [RequestEvent] = []
        var assignments: [RequestAssignment] = []
        for i in order {
            let r = requests[i]
            let category = categories.first { $0.code == r.category }!
            let worker = workers[r.communityNodeID] ?? "网格员"
            events.append(event(r, .raise, nil, .raised, at: r.raisedAt, by: "居民", deadline: r.stepDeadline))
            var facts = r.facts
            var units: [Int] = []
            for (action, at, rating) in plans[i] {
                guard let next = try? RequestWorkflow.apply(action, to: facts, rating: rating) else { break }
                var stepDeadline: Date?
                var note = ""
                var actor = worker
                switch action {
                case .take:
                    r.takenAt = at
                    r.assigneeUserID = r.gridID == grids.first?.id ? gridworker?.id : nil
                    stepDeadline = deadline(at, category.reviewDays)
                case .settle, .complete:
                    r.resolvedAt = at
                    note = "已处理完毕，现场复核无误。"
                    if action == .complete { actor = "承办单位" }
                case .forward:
                    note = "需联席会议定事"
                    stepDeadline = deadline(at, 5)
                case .escalate:
                    note = "社区协调不了，吹哨上报街道"
                    stepDeadline = deadline(at, 5)
                case .decide, .dispatch:
                    let local = handlers.filter { r.path.hasPrefix($0.path) || $0.path.hasPrefix(r.path) }
                    let pool = local.isEmpty ? handlers : local
                    guard !pool.isEmpty else { break }
                    units = [d.rng.pick(pool).id]
                    note = action == .decide ? "联席会议决定由驻区单位协助办理" : "派单承办"
                    stepDeadline = deadline(at, category.handlingDays)
                    for a in assignments where a.requestID == r.id && a.status == .pending { a.status = .withdrawn }
                    for u in units {
                        let a = RequestAssignment()
                        a.requestID = r.id!
                        a.unitID = u
                        a.status = .pending
                        a.deadline = stepDeadline ?? at.addingTimeInterval(Double(category.handlingDays) * 86_400)
                        assignments.append(a)
                    }
                case .accept:
                    actor = "承办单位"
                    for a in assignments where a.requestID == r.id && a.status == .pending { a.status = .accepted }
                case .progress:
                    actor = "承办单位"
                    note = "已到现场查看，正在协调处理。"
                case .supervise:
                    r.supervised = true
                    actor = "街道督办"
                case .rate:
                    r.rating = rating
                    actor = "居民"
                case .closeUnrated:
                    r.unrated = true
                    actor = "system"
                case .merge:
                    if let target = open[r.gridID].map({ requests[$0] }), target.id != r.id, target.state.isOpen {
                        r.mergedIntoID = target.id
                        note = "与 \(target.number) 重复"
                    }
                default: break
                }
                if action == .merge && r.mergedIntoID == nil { break }
                if action == .dispatch || action == .decide, units.isEmpty { break }
                let from = facts.state
                facts = next
                r.state = next.state
                r.level = next.level.rawValue
                r.reopenCount = next.reopenCount
                r.dispatchedFrom = next.dispatchedFrom
                if let stepDeadline { r.stepDeadline = stepDeadline }
                if action == .rate && next.state == .handling {
                    r.resolvedAt = nil
                    r.stepDeadline = deadline(at, category.handlingDays)
                    for a in assignments where a.requestID == r.id && a.status == .completed { a.status = .accepted }
                }
                if action == .complete {
                    for a in assignments where a.requestID == r.id && a.status == .accepted { a.status = .completed }
                }
                if next.state == .closed && r.closedAt == nil { r.closedAt = at }
                events.append(
                    event(r, action, from, next.state, at: at, by: actor, deadline: stepDeadline, note: note))
            }
        }
        for r in requests { try await r.save(on: db) }
        for chunk in events.chunked(500) { try await chunk.create(on: db) }
        for chunk in assignments.chunked(500) { try await chunk.create(on: db) }
        d.counts["requests"] = requests.count
        d.counts["request events"] = events.count
    }

    /// The open steps a request can wait at, each as the actions that lead there.
    static let showcase: [[RequestAction]] = [
        [], [.take], [.take, .forward], [.take, .escalate], [.take, .dispatch], [.take, .dispatch, .accept],
        [.take, .settle],
    ]

    static func pickPath(_ rng: inout SeededRandom) -> Path {
        var n = rng.int(1...100)
        for p in Path.allCases {
            n -= p.weight
            if n <= 0 { return p }
        }
        return .settledByTheGrid
    }

    static func event(
        _ r: ServiceRequest, _ action: RequestAction, _ from: RequestState?, _ to: RequestState, at: Date, by: String,
        deadline: Date?, note: String = ""
    ) -> RequestEvent {
        let e = RequestEvent()
        e.requestID = r.id!
        e.at = at
        e.actorName = by
        e.action = action
        e.fromState = from
        e.toState = to
        e.note = note
        e.deadline = deadline
        return e
    }
}

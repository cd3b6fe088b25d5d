import Fluent
import Foundation
import GongzhiCore

/// Volunteering's part of the demo district, after Accounts: about half the people registered as volunteers (the
/// demo member and resident among them), some 300 service teams across the district (more in the first street;
/// party members' teams, volunteer teams and units' teams) with their members, a year of activities with sign-ups,
/// attendance and hours (check-in/out, hour codes, approved manual entries), the monthly neighbourhood festival
/// hosted by a unit of the first community, and activities to come. Inserted in batches from the district's
/// seeded generator: the same every time, and fast.
enum VolunteeringDemo {
    static let teamNames = [
        "党员先锋服务队", "红色管家服务队", "银龄互助队", "邻里守望队", "青年突击队",
        "巾帼志愿服务队", "法律援助队", "文明劝导队", "义诊服务队", "四点半课堂服务队",
        "平安巡逻队", "环境美化队", "便民维修队", "心理疏导队",
    ]
    static let skills = ["驾驶", "医护", "法律", "维修", "教学", "摄影", "心理咨询", "文艺", ""]
    static let teamSkills = [
        "助老陪伴", "作业辅导", "小家电维修", "义诊", "普法", "巡逻", "文艺演出",
    ]
    static let activities: [(String, ServiceCategory, String)] = [
        ("关爱独居老人上门探访", .elderlyCare, "社区党群服务中心集合"),
        ("四点半课堂作业辅导", .children, "社区活动室"),
        ("垃圾分类宣传引导", .environment, "小区分类投放点"),
        ("便民维修进小区", .repairs, "小区中心广场"),
        ("健康义诊", .health, "社区卫生服务站"),
        ("法律咨询进社区", .legal, "社区党群服务中心"),
        ("夜间平安巡逻", .safety, "社区警务室集合"),
        ("楼道清理大扫除", .environment, "各楼栋"),
        ("邻里文艺汇演排练", .cultureSports, "社区文化广场"),
        ("助残陪伴日", .disability, "社区康复站"),
    ]

    static func load(_ d: DemoDistrict) async throws {
        let db = d.db
        guard let admin = try await User.query(on: db).filter(\.$role == .systemAdmin).sort(\.$id).first()?.id,
            !d.communities.isEmpty
        else { return }
        let small = d.scale == .small
        let secretaries = try await User.query(on: db).filter(\.$role == .communitySecretary).all()
        func approver(_ community: Int) -> Int { secretaries.first { $0.orgNodeID == community }?.id ?? admin }
        let nodes = try await OrgNode.query(on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id!, $0) })
        let communities = d.communities
        func community(of nodeID: Int?) -> OrgNode? {
            guard let id = nodeID, let n = byID[id] else { return nil }
            return communities.first { n.path.hasPrefix($0.path) }
        }

        // Volunteers: about half the people, the demo member and resident always.
        var volunteers: [Volunteer] = []
        var byCommunity: [Int: [Int]] = [:]
        let today = d.today
        for p in try await PeopleQueries.volunteerPeople(on: db) {
            let demo = p.id == d.memberPersonID || p.id == d.residentPersonID
            guard demo || d.rng.chance(p.isPartyMember ? 0.6 : 0.45),
                let c = community(of: p.homeNodeID) ?? community(of: p.orgNodeID)
            else { continue }
            let v = Volunteer()
            v.personID = p.id
            v.communityNodeID = c.id!
            v.path = c.path
            let cats = Set((0..<d.rng.int(1...3)).map { _ in d.rng.pick(ServiceCategory.allCases) })
            v.categories = VolunteeringFacts.categoriesText(Array(cats))
            v.skills = d.rng.pick(skills)
            v.availability = d.rng.pick(["周末", "工作日晚上", "随时", "每月一次"])
            v.registeredOn = today.adding(days: -d.rng.int(400...1_200)).description
            v.recordedBy = admin
            volunteers.append(v)
            byCommunity[c.id!, default: []].append(p.id)
        }
        try await insert(volunteers, db)
        try await PeopleQueries.markVolunteers(volunteers.map(\.personID), db: db)

        // Teams: more in the first street; a few owned by the street; some units' teams.
        let units = try await UnitsQueries.activeReportingUnits(on: db)
        var teams: [ServiceTeam] = []
        var teamCommunity: [Int] = []
        for c in communities {
            let firstStreet = d.streets.first.map { c.path.hasPrefix($0.path) } ?? false
            let n = small ? 2 : (firstStreet ? 35 : 22)
            let local = units.filter { $0.locationNodeID == c.id }
            for k in 0..<n {
                let t = ServiceTeam()
                let unit = k % 5 == 4 ? local.first : nil
                t.kind = unit != nil ? .unitTeam : (k % 3 == 0 ? .partyMemberTeam : .volunteerTeam)
                let squad = k >= teamNames.count ? "\(k / teamNames.count + 1)分队" : ""
                t.name = "\(c.name)\(unit?.name ?? "")\(teamNames[k % teamNames.count])\(squad)"
                t.nodeID = c.id!
                t.path = c.path
                t.ownerUnitID = unit?.id
                t.categories = VolunteeringFacts.categoriesText([d.rng.pick(ServiceCategory.allCases)])
                t.skills = d.rng.pick(teamSkills)
                t.place = "\(c.name)党群服务中心"
                t.capacity = d.rng.int(2...6)
                t.active = true
                teams.append(t)
                teamCommunity.append(c.id!)
            }
        }
        for s in d.streets {
            for k in 0..<(small ? 1 : 3) {
                let t = ServiceTeam()
                t.kind = .partyMemberTeam
                t.name = "\(s.name)\(teamNames[k])"
                t.nodeID = s.id!
                t.path = s.path
                t.categories = VolunteeringFacts.categoriesText([.safety, .legal])
                t.skills = "应急、普法"
                t.place = "\(s.name)党群服务中心"
                t.capacity = 5
                t.active = true
                teams.append(t)
                teamCommunity.append(-1)
            }
        }
        try await insert(teams, db)
        let savedTeams = try await ServiceTeam.query(on: db).sort(\.$id).all()
        var members: [TeamMember] = []
        var teamsOf: [Int: [ServiceTeam]] = [:]
        for (t, c) in zip(savedTeams, teamCommunity) where c > 0 {
            teamsOf[c, default: []].append(t)
            let pool = byCommunity[c] ?? []
            guard !pool.isEmpty else { continue }
            var chosen = Set<Int>()
            for _ in 0..<min(pool.count, d.rng.int(small ? 3...5 : 6...14)) { chosen.insert(d.rng.pick(pool)) }
            for (i, pid) in chosen.sorted().enumerated() {
                let m = TeamMember()
                m.teamID = t.id!
                m.personID = pid
                m.path = t.path
                m.leader = i == 0
                m.joinedOn = today.adding(days: -d.rng.int(60...700)).description
                members.append(m)
            }
        }
        try await insert(members, db)

        // Activities: a year back and a month ahead, on distinct days per community; the festival monthly.
        var plans: [Activity] = []
        let hostUnit = units.first { $0.locationNodeID == communities[0].id }
        let perMonth = small ? 1 : 3
        for (ci, c) in communities.enumerated() {
            for month in -12...1 {
                for k in 0..<perMonth {
                    let day = today.adding(days: month * 30 + k * 9 + ci % 7 - 3)
                    guard day != today else { continue }
                    let spec = activities[(ci + month + 12 + k) % activities.count]
                    let team = teamsOf[c.id!].flatMap { $0.isEmpty ? nil : $0[(month + 12 + k) % $0.count] }
                    let a = activity(
                        spec.0, spec.1, c, day: day, hour: 9 + k * 4, hours: 2, address: "\(c.name)\(spec.2)",
                        capacity: d.rng.int(8...25), points: 10, by: admin)
                    a.teamID = team?.id
                    a.hostUnitID = team?.ownerUnitID
                    plans.append(a)
                }
            }
        }
        if let host = hostUnit {
            let c = communities[0]
            for month in -11...1 {
                guard let day = LocalDate(year: today.year, month: today.month, day: 15)?.adding(days: month * 30)
                else { continue }
                let a = activity(
                    "邻里节（\(host.name)承办）", .cultureSports, c, day: day, hour: 14, hours: 3,
                    address: "\(c.name)文化广场", capacity: 40, points: 20, by: admin)
                a.hostUnitID = host.id
                a.details = "每月一次的社区邻里节，由驻区单位\(host.name)承办。"
                plans.append(a)
            }
        }
        for a in plans { a.code = code(d) }
        try await insert(plans, db)
        let saved = try await Activity.query(on: db).sort(\.$id).all()

        // Sign-ups, attendance and hours: past activities attended by most who signed up; shifts never overlap.
        let now = d.now
        var shifts: [Int: [VolunteeringRules.Shift]] = [:]
        var signups: [Signup] = []
        var attended: [(Int, Activity)] = []
        let demoPeople = [d.memberPersonID, d.residentPersonID].compactMap { $0 }
        for a in saved {
            guard let c = communities.first(where: { a.path.hasPrefix($0.path) }) else { continue }
            var pool = byCommunity[c.id!] ?? []
            guard !pool.isEmpty else { continue }
            let past = a.endsAt < now
            let wanted = min(pool.count, past ? d.rng.int(5...max(5, a.capacity)) : d.rng.int(2...(a.capacity + 3)))
            var chosen: [Int] = []
            // The demo volunteers attend about one past activity in three of their community.
            for p in demoPeople where past && pool.contains(p) && d.rng.chance(0.35) {
                chosen.append(p)
            }
            while chosen.count < wanted, !pool.isEmpty {
                let p = pool.remove(at: d.rng.int(0...(pool.count - 1)))
                if !demoPeople.contains(p) { chosen.append(p) }
            }
            let shift = VolunteeringRules.Shift(start: a.startsAt, end: a.endsAt)
            for (i, pid) in chosen.enumerated() {
                let s = Signup()
                s.activityID = a.id!
                s.personID = pid
                s.path = a.path
                s.signedAt = a.startsAt.addingTimeInterval(-Double(d.rng.int(2...14)) * 86_400)
                s.status = i < a.capacity ? .confirmed : .waiting
                if past, s.status == .confirmed, d.rng.chance(0.85),
                    !(shifts[pid] ?? []).contains(where: { $0.overlaps(shift) })
                {
                    s.checkedInAt = a.startsAt.addingTimeInterval(-Double(d.rng.int(0...20)) * 60)
                    s.checkedOutAt = a.endsAt.addingTimeInterval(Double(d.rng.int(0...30)) * 60)
                    shifts[pid, default: []].append(shift)
                    attended.append((signups.count, a))
                }
                signups.append(s)
            }
        }
        try await insert(signups, db)
        let savedSignups = try await Signup.query(on: db).sort(\.$id).all()
        var hours: [ServiceHour] = []
        let ownerOf = Dictionary(uniqueKeysWithValues: savedTeams.map { ($0.id!, $0.ownerUnitID) })
        for (index, a) in attended where index < savedSignups.count {
            let s = savedSignups[index]
            let h = ServiceHour()
            h.personID = s.personID
            h.path = a.path
            h.minutes = VolunteeringRules.Shift(start: a.startsAt, end: a.endsAt).minutes
            h.startedAt = a.startsAt
            h.endedAt = a.endsAt
            h.source = .checkInOut
            h.activityID = a.id
            h.teamID = a.teamID
            h.hostUnitID = a.hostUnitID ?? a.teamID.flatMap { ownerOf[$0] ?? nil }
            h.signupID = s.id
            h.note = a.title
            h.recordedBy = admin
            hours.append(h)
        }

        // Manual entries approved by the community's secretary: team services outside activities.
        for (t, c) in zip(savedTeams, teamCommunity) where c > 0 && d.rng.chance(small ? 1 : 0.3) {
            let pool = byCommunity[c] ?? []
            guard !pool.isEmpty else { continue }
            for _ in 0..<(small ? 3 : 2) {
                let pid = d.rng.pick(pool)
                let day = today.adding(days: -d.rng.int(3...300))
                let start = Date(timeIntervalSince1970: day.startInstant + 19 * 3_600)
                let shift = VolunteeringRules.Shift(start: start, end: start.addingTimeInterval(5_400))
                guard !(shifts[pid] ?? []).contains(where: { $0.overlaps(shift) }) else { continue }
                shifts[pid, default: []].append(shift)
                let h = ServiceHour()
                h.personID = pid
                h.path = t.path
                h.minutes = shift.minutes
                h.startedAt = shift.start
                h.endedAt = shift.end
                h.source = .manual
                h.teamID = t.id
                h.hostUnitID = t.ownerUnitID
                h.approverUserID = approver(c)
                h.note = "\(t.name)：\(t.skills)"
                h.recordedBy = approver(c)
                hours.append(h)
            }
        }
        try await insert(hours, db)
        try await pendingEntries(d, teams: Array(zip(savedTeams, teamCommunity)), pool: byCommunity, shifts: shifts)

        // Hour codes: a few issued for the latest past activity of the first community, one of them used.
        if let last = saved.filter({ $0.endsAt < now && $0.path.hasPrefix(communities[0].path) }).last {
            var codes: [HourCode] = []
            for _ in 0..<3 {
                let c = HourCode()
                c.code = code(d)
                c.activityID = last.id
                c.teamID = last.teamID
                c.path = last.path
                c.minutes = 60
                c.startedAt = last.startsAt
                c.endedAt = last.startsAt.addingTimeInterval(3_600)
                c.issuedBy = approver(communities[0].id!)
                c.issuedAt = last.endsAt
                codes.append(c)
            }
            try await insert(codes, db)
        }
        d.counts["volunteers"] = volunteers.count
        d.counts["service teams"] = teams.count
        d.counts["activities"] = plans.count
        d.counts["activity sign-ups"] = signups.count
        d.counts["service hours"] = hours.count
    }

    /// Hours a community's worker entered by hand last week, waiting in the secretary's to-dos (审批).
    static func pendingEntries(
        _ d: DemoDistrict, teams: [(ServiceTeam, Int)], pool: [Int: [Int]], shifts: [Int: [VolunteeringRules.Shift]]
    ) async throws {
        let db = d.db
        let staff = try await User.query(on: db).filter(\.$role ~~ [.communityWorker, .communitySecretary])
            .filter(\.$active == true).sort(\.$id).all()
        let nodes = Dictionary(
            uniqueKeysWithValues: try await OrgNode.query(on: db).all().map { ($0.id!, $0.path) })
        let names = try await PeopleQueries.names(Array(Set(pool.values.joined())), on: db)
        var seen = Set<Int>()
        var rows: [Approval] = []
        for (t, c) in teams where c > 0 && seen.insert(c).inserted {
            let here = staff.filter { nodes[$0.orgNodeID] == nodes[c] }
            guard let recorder = here.first(where: { $0.role == .communityWorker }),
                let approver = here.first(where: { $0.role == .communitySecretary }),
                let pid = (pool[c] ?? []).first(where: { $0 != recorder.personID && $0 != approver.personID })
            else { continue }
            let day = d.today.adding(days: -d.rng.int(1...6))
            let start = Date(timeIntervalSince1970: day.startInstant + 9 * 3_600)
            let shift = VolunteeringRules.Shift(start: start, end: start.addingTimeInterval(7_200))
            guard !(shifts[pid] ?? []).contains(where: { $0.overlaps(shift) }) else { continue }
            let note = "\(t.name)：\(t.skills)"
            let payload = VolunteeringService.ManualHours(
                personID: pid, startedAt: shift.start, endedAt: shift.end, activityID: nil, teamID: t.id,
                hostUnitID: t.ownerUnitID, path: t.path, note: note)
            let a = Approval()
            a.kind = VolunteeringService.manualHours.kind
            a.path = t.path
            a.label = "\(names[pid] ?? "") · 2 h · \(VolunteeringFacts.local(start)) · \(note)"
            a.payload = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
            a.recordedBy = recorder.id!
            a.recordedByName = recorder.displayName
            a.recordedAt = shift.end.addingTimeInterval(3_600)
            a.approverUserID = approver.id!
            a.approverName = approver.displayName
            a.beneficiaryPersonID = pid
            a.state = .pending
            rows.append(a)
        }
        try await insert(rows, db)
        d.counts["approvals waiting"] = rows.count
    }

    static func activity(
        _ title: String, _ category: ServiceCategory, _ c: OrgNode, day: LocalDate, hour: Int, hours: Int,
        address: String, capacity: Int, points: Int, by: Int
    ) -> Activity {
        let a = Activity()
        a.title = title
        a.category = category
        a.nodeID = c.id!
        a.path = c.path
        a.startsAt = Date(timeIntervalSince1970: day.startInstant + Double(hour * 3_600))
        a.endsAt = a.startsAt.addingTimeInterval(Double(hours * 3_600))
        a.address = address
        a.radiusMeters = 200
        a.capacity = capacity
        a.points = points
        a.details = ""
        a.state = .open
        a.createdBy = by
        return a
    }

    static func code(_ d: DemoDistrict) -> String {
        let s = String(d.rng.int(0...999_999))
        return String(repeating: "0", count: 6 - s.count) + s
    }

    private static func insert<M: Model>(_ rows: [M], _ db: any Database) async throws {
        for chunk in rows.chunked(300) where !chunk.isEmpty { try await chunk.create(on: db) }
    }
}

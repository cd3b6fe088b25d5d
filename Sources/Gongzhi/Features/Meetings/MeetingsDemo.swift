import Fluent
import Foundation

/// Meetings' part of the demo district: a year of meetings. Every community's big committee meets quarterly with
/// the host rotating among its units; each street holds its yearly joint meeting; the first communities hold a
/// monthly 3+N meeting and councils of members and residents. Past meetings are closed with minutes, check-ins and
/// decisions (the older done, the latest open; several owned by the demo unit, so its liaison has to-dos); the
/// next quarter's meetings are scheduled, and the first community meets today, with the demo party member invited
/// and not yet checked in.
enum MeetingsDemo {
    struct Context {
        let db: any Database
        let today: LocalDate
        var rng: SeededRandom
        var codes = RandomCodes()
        var meetings = 0
        var invitees: [MeetingInvitee] = []
        var decisions: [MeetingDecision] = []
        var agenda: [MeetingAgendaItem] = []
        var usedCodes: [String: Set<String>] = [:]
    }

    static let quarterDays = [-345, -254, -163, -72, 19]

    static func load(_ d: DemoDistrict) async throws {
        var c = Context(db: d.db, today: d.today, rng: SeededRandom(state: 20_261_140))
        let today = d.today
        let demoUnitOrg = d.unitOrgs.first { $0.parentID == d.communities.first?.id }
        let demoUnits =
            try await demoUnitOrg.asyncMap { try await UnitsQueries.unitIDs(withPartyOrg: $0.id!, on: d.db) }
            ?? []
        let bodies = try await JointBodiesQueries.bodies(
            atNodes: (d.communities + d.streets).map { $0.id! }, db: d.db)
        let member = try await d.memberPersonID.asyncMap { try await PeopleQueries.briefs([$0], on: d.db)[$0] } ?? nil
        for (n, community) in d.communities.enumerated() {
            let body = bodies.first { $0.nodeID == community.id && $0.kind == .communityCommittee }
            for (q, offset) in quarterDays.enumerated() {
                let day = today.adding(days: offset)
                let roster = try await body.asyncMap { try await MeetingBodies.roster($0.id, on: day, db: d.db) } ?? []
                let host =
                    try await body.asyncMap {
                        try await MeetingFacts.suggestedHost(bodyID: $0.id, on: day, db: d.db)
                    } ?? nil
                let members =
                    try await body.asyncMap { try await MeetingBodies.memberUnits($0.id, on: day, db: d.db) }
                    ?? []
                // The demo unit owns its community's decisions when it is a member; elsewhere the host does.
                let demoMember = members.first(where: { demoUnits.contains($0.unitID) })
                let owner = n == 0 ? demoMember ?? host : host
                try await meeting(
                    &c, .communityQuarterly, body: body?.id, at: community, day: day, time: 14 * 60 + 30,
                    place: "\(community.name)党群服务中心", host: host.map { ($0.unitID, $0.name) },
                    invited: roster.map { ($0.personID, $0.name, $0.unitID) },
                    decisionOwner: owner.map { ($0.unitID, $0.name) }, quarter: q)
            }
            if n < 3 {
                // 3+N: monthly, the last one today in the first community, with the demo party member invited.
                let day0 = today.adding(days: -335)
                let roster =
                    try await body.asyncMap { try await MeetingBodies.roster($0.id, on: day0, db: d.db) } ?? []
                var invited = roster.prefix(5).map { ($0.personID, $0.name, $0.unitID) }
                if n == 0, let member, !invited.contains(where: { $0.0 == member.id }) {
                    invited.append((member.id, member.name, nil))
                }
                let owner = roster.compactMap(\.unitID).first
                let ownerName = try await owner.asyncMap { try await UnitsQueries.names([$0], on: d.db)[$0] } ?? nil
                for month in 0..<12 {
                    let day = n == 0 && month == 11 ? today : today.adding(days: -335 + month * 30 - n * 3)
                    try await meeting(
                        &c, .triadMonthly, body: nil, at: community, day: day, time: 19 * 60,
                        place: "\(community.name)居委会", host: nil, invited: invited,
                        decisionOwner: month % 3 == 0 ? owner.map { ($0, ownerName ?? "") } : nil, quarter: month)
                }
            }
            if n == 0 {
                let roster =
                    try await body.asyncMap { try await MeetingBodies.roster($0.id, on: today, db: d.db) } ?? []
                for (i, kind) in [MeetingKind.memberCouncil, .residentCouncil, .memberCouncil].enumerated() {
                    try await meeting(
                        &c, kind, body: nil, at: community, day: today.adding(days: -200 + i * 90), time: 19 * 60 + 30,
                        place: "\(community.name)议事厅", host: nil,
                        invited: roster.prefix(6).map { ($0.personID, $0.name, nil) }, decisionOwner: nil, quarter: i)
                }
            }
        }
        for street in d.streets {
            let body = bodies.first { $0.nodeID == street.id && $0.kind == .streetCommittee }
            for (i, offset) in [-300, 60].enumerated() {
                let day = today.adding(days: offset)
                let roster = try await body.asyncMap { try await MeetingBodies.roster($0.id, on: day, db: d.db) } ?? []
                try await meeting(
                    &c, .streetYearly, body: body?.id, at: street, day: day, time: 9 * 60,
                    place: "\(street.name)大工委会议室", host: nil,
                    invited: roster.map { ($0.personID, $0.name, $0.unitID) }, decisionOwner: nil, quarter: i)
            }
        }
        for chunk in c.invitees.chunked(200) { try await chunk.create(on: d.db) }
        for chunk in c.decisions.chunked(200) { try await chunk.create(on: d.db) }
        for chunk in c.agenda.chunked(200) { try await chunk.create(on: d.db) }
        d.counts["meetings"] = c.meetings
        d.counts["meeting invitees"] = c.invitees.count
        d.counts["meeting decisions"] = c.decisions.count
    }

    static let minutesText = """
        会议听取了上季度共建项目进展情况，围绕辖区停车难、\
        老旧小区加装电梯和为老服务开展讨论，形成以下决定。
        """

    static let decisionTexts = [
        "组织志愿者对辖区老旧小区开展一次消防安全检查",
        "协调开放单位内部停车场错时停车",
        "为辖区高龄独居老人开展上门健康体检",
        "牵头筹备“邻里节”共建活动", "对接加装电梯意见征询工作",
    ]

    static func meeting(
        _ c: inout Context, _ kind: MeetingKind, body: Int?, at node: OrgNode, day: LocalDate, time: Int,
        place: String, host: (id: Int, name: String)?, invited: [(Int, String, Int?)], decisionOwner: (Int, String)?,
        quarter: Int
    ) async throws {
        let today = c.today
        let past = day < today
        let m = Meeting()
        m.kind = kind
        m.title = ""
        m.nodeID = node.id!
        m.path = node.path
        m.bodyID = body
        m.day = day.description
        m.startsAt = Date(timeIntervalSince1970: MeetingSchedule.instant(day, minutes: time))
        m.endsAt = m.startsAt.addingTimeInterval(Double(kind == .streetYearly ? 180 : 90) * 60)
        m.place = place
        m.host = host?.name ?? "\(node.name)党组织书记"
        m.hostUnitID = host?.id
        m.attendeesNote = ""
        m.state = past ? .closed : .scheduled
        m.sequence = past ? 1 : 0
        var code = c.codes.next()
        while c.usedCodes[m.day, default: []].contains(code) { code = c.codes.next() }
        c.usedCodes[m.day, default: []].insert(code)
        m.checkInCode = code
        m.minutes = past ? minutesText : ""
        m.closedAt = past ? m.endsAt : nil
        try await m.create(on: c.db)
        c.meetings += 1
        var seen = Set<Int>()
        for (i, (personID, name, unitID)) in invited.enumerated() where seen.insert(personID).inserted {
            let inv = MeetingInvitee()
            inv.meetingID = m.id!
            inv.personID = personID
            inv.name = name
            inv.unitID = unitID
            inv.source = body == nil ? "added" : "roster"
            inv.path = m.path
            // Past meetings: most came (one in five stayed away).
            if past && (i + quarter) % 5 != 4 {
                inv.checkedInAt = m.startsAt.addingTimeInterval(Double(c.rng.int(-600...300)))
                inv.checkInChannel = i % 2 == 0 ? .phone : .desk
            }
            c.invitees.append(inv)
        }
        let item = MeetingAgendaItem()
        item.meetingID = m.id!
        item.title =
            kind == .triadMonthly
            ? "小区物业服务和公共收益情况通报"
            : "共建项目进展与下阶段安排"
        item.proposerName = m.host
        item.path = m.path
        c.agenda.append(item)
        guard past || day == today, let (ownerID, ownerName) = decisionOwner else { return }
        for k in 0..<2 {
            let dec = MeetingDecision()
            dec.meetingID = m.id!
            dec.text = decisionTexts[(quarter + k) % decisionTexts.count]
            dec.ownerUnitID = ownerID
            dec.ownerName = ownerName
            let due = day.adding(days: 30 + k * 15)
            dec.due = due.description
            // Older decisions are done; those due from a month ago on are still open.
            let done = due < today.adding(days: -30) || (k == 0 && due < today)
            dec.state = done ? .done : .open
            dec.doneNote = done ? "已按期完成，情况已向会议反馈。" : nil
            dec.doneAt = done ? Date(timeIntervalSince1970: due.startInstant) : nil
            dec.path = m.path
            c.decisions.append(dec)
        }
    }
}

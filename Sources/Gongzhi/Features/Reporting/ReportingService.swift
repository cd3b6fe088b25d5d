import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// Reporting's services: each takes a `Caller` and its typed input, checks every id against the caller's scope and
/// every rule before anything is written, and writes the change with its audit record in one transaction.
enum ReportingService {
    static let maxText = 2_000
    static let maxShort = 100

    // MARK: Inputs

    struct UnitReportInput: StrictInput {
        static let fields: Set<String> = [
            "unitID", "communityNodeID", "liaisonName", "liaisonPhone", "offers", "takesOn", "reportedOn",
        ]
        let unitID: Int
        var communityNodeID: Int?
        var liaisonName: String?
        var liaisonPhone: String?
        var offers: String?
        var takesOn: String?
        var reportedOn: String?
    }

    struct MemberReportInput: StrictInput {
        static let fields: Set<String> = ["personID", "communityNodeID", "employer", "showIdentity", "reportedOn"]
        var personID: Int?
        var communityNodeID: Int?
        var employer: String?
        var showIdentity: Bool?
        var reportedOn: String?
    }

    struct EndInput: StrictInput {
        static let fields: Set<String> = ["reason", "endedOn"]
        var reason: String?
        var endedOn: String?
    }

    struct PostInput: StrictInput {
        static let fields: Set<String> = ["communityNodeID", "title", "skills", "capacity", "schedule"]
        let communityNodeID: Int
        var title: String?
        var skills: String?
        var capacity: Int?
        var schedule: String?
    }

    struct ClaimInput: StrictInput {
        static let fields: Set<String> = ["personID", "unitID"]
        var personID: Int?
        var unitID: Int?
    }

    struct ServiceInput: StrictInput {
        static let fields: Set<String> = ["servedOn", "hours", "text", "postID"]
        var servedOn: String?
        var hours: Double?
        var text: String?
        var postID: Int?
    }

    struct RoundInput: Sendable {
        let communityNodeID: Int
        var title: String
        var opensOn: String
        var closesOn: String
    }

    // MARK: Checks

    static func text(_ raw: String?, field: String, max: Int, required: Bool = true) throws -> String {
        try FormText.text(raw, field: field, max: max, required: required)
    }

    /// A day typed by the client (today when not given): a real date, not in the future.
    static func pastDay(_ raw: String?, field: String, notBefore: LocalDate? = nil, today: LocalDate) throws
        -> LocalDate
    {
        guard let raw, !raw.trimmingWhitespace().isEmpty else { return today }
        guard let simple = SimpleDate(raw.trimmingWhitespace()), let d = LocalDate(simple.iso) else {
            throw AppError.invalid(.errorDateInvalid, field: field)
        }
        if d > today { throw AppError.invalid(.errorReportingDateFuture, field: field) }
        if let notBefore, d < notBefore { throw AppError.invalid(.errorReportingDateBeforeStart, field: field) }
        return d
    }

    static func rule(field: String, _ check: () throws -> Void) throws {
        do { try check() } catch let p as ReportingRules.Problem {
            throw AppError.invalid(key: p.messageKey, args: p.args, field: field)
        }
    }

    /// On PostgreSQL, the post's row is locked for the transaction, so two claims cannot both take its last place
    /// (SQLite's write transactions already run one at a time).
    static func lockPost(_ id: Int, on db: any Database) async throws {
        guard let sql = db as? SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: ServicePost.schema) WHERE id = \(bind: id) FOR UPDATE").run()
    }

    // MARK: Unit reports

    /// A unit reports to the community where it stands: its liaison for their own units, staff who manage the tree
    /// for units in their scope. One active report per unit.
    static func createUnitReport(_ caller: Caller, _ input: UnitReportInput) async throws -> UnitReport {
        let v = try caller.requireViewer()
        let unit: UnitsQueries.ReportingUnit
        let liaison = ReportingFacts.isLiaison(v)
        if liaison {
            let mine = try await ReportingFacts.liaisonUnits(v, on: caller.db)
            guard mine.contains(input.unitID),
                let u = try await UnitsQueries.reportingUnit(input.unitID, on: caller.db)
            else {
                if try await UnitsQueries.reportingUnit(input.unitID, on: caller.db) != nil {
                    await AccessLog.write(caller, .forbiddenChange, detail: "unit report for unit \(input.unitID)")
                }
                throw AppError.invalid(.errorRefUnknown, field: "unitId")
            }
            unit = u
        } else {
            try await caller.require(.editTree)
            unit = try await UnitsQueries.scopedReportingUnit(input.unitID, for: .change, field: "unitId", caller)
        }
        if unit.archived { throw AppError.invalid(.errorReportingUnitArchived, field: "unitId") }
        let community: OrgNode
        if let id = input.communityNodeID {
            if liaison {
                // A liaison names only a community where the unit stands; any other answers as an unknown id.
                guard let n = try await OrgNode.find(id, on: caller.db),
                    TreePath(unit.path).contains(n.treePath) || n.id == unit.locationNodeID
                else {
                    throw AppError.invalid(.errorRefUnknown, field: "communityNodeId")
                }
                guard n.kind == .communityCommittee, !n.archived else {
                    throw AppError.invalid(.errorReportingNotCommunity, field: "communityNodeId")
                }
                community = n
            } else {
                community = try await ReportingFacts.community(id, field: "communityNodeId", caller)
            }
        } else {
            guard let n = try await OrgNode.find(unit.locationNodeID, on: caller.db), n.kind == .communityCommittee
            else {
                throw AppError.invalid(.errorReportingCommunityRequired, field: "communityNodeId")
            }
            community = n
        }
        // The community where the unit stands: its own, or one in the street or district it stands in.
        guard community.id == unit.locationNodeID || TreePath(unit.path).contains(community.treePath) else {
            throw AppError.invalid(.errorReportingUnitCommunity, field: "communityNodeId")
        }
        var problems = FieldProblems()
        let name = (input.liaisonName ?? unit.contactName ?? "").trimmingWhitespace()
        if name.isEmpty { problems["liaisonName"] = Text.errorTextRequired.key }
        if name.count > maxShort { problems.add("liaisonName", .errorTextLong, args: [String(maxShort)]) }
        var phone = ""
        do {
            phone = try MobileNumber(input.liaisonPhone ?? unit.contactPhone ?? "").value
        } catch { problems["liaisonPhone"] = Text.errorPhoneInvalid.key }
        let offers = (input.offers ?? "").trimmingWhitespace()
        if offers.isEmpty { problems["offers"] = Text.errorTextRequired.key }
        if offers.count > maxText { problems.add("offers", .errorTextLong, args: [String(maxText)]) }
        let takesOn = (input.takesOn ?? "").trimmingWhitespace()
        if takesOn.count > maxText { problems.add("takesOn", .errorTextLong, args: [String(maxText)]) }
        try problems.throwIfAny()
        let reportedOn = try pastDay(input.reportedOn, field: "reportedOn", today: caller.today)
        let r = UnitReport()
        r.unitID = unit.id
        r.communityNodeID = community.id!
        r.path = community.path
        r.liaisonName = name
        r.liaisonPhone = phone
        r.offers = offers
        r.takesOn = takesOn
        r.reportedOn = reportedOn.description
        r.recordedBy = v.user.id!
        let unitName = unit.name
        let communityName = community.name
        try await caller.db.writing { db in
            if let active = try await ReportingFacts.activeUnitReport(unit: unit.id, on: db) {
                let name = try await OrgNode.find(active.communityNodeID, on: db)?.name ?? ""
                throw AppError.conflict(.errorReportingUnitTwice, args: [name])
            }
            try await r.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .unitReport, id: r.id!,
                label: "\(unitName) → \(communityName)",
                scopePath: r.path, before: nil as String?,
                after: ["unit": String(unit.id), "community": communityName, "reportedOn": r.reportedOn])
        }
        return r
    }

    /// A unit's report ends (it moved away, or stopped): dated, with a reason; the posts it held end with it.
    static func endUnitReport(_ caller: Caller, id: Int, _ input: EndInput) async throws -> UnitReport {
        let v = try caller.requireViewer()
        let mine = try await ReportingFacts.liaisonUnits(v, on: caller.db)
        if !ReportingFacts.isLiaison(v) { try await caller.require(.editTree) }
        let r = try await ReportingFacts.find(UnitReport.self, id, for: .change, caller) { mine.contains($0.unitID) }
        if r.endedOn != nil { throw AppError.conflict(.errorReportingEnded) }
        let reason = try text(input.reason, field: "reason", max: maxShort)
        let ended = try pastDay(
            input.endedOn, field: "endedOn", notBefore: ReportingFacts.day(r.reportedOn), today: caller.today)
        r.endedOn = ended.description
        r.endReason = reason
        try await caller.db.writing { db in
            try await r.save(on: db)
            for c in try await PostClaim.query(on: db).filter(\.$unitReportID == r.id!).filter(\.$endedOn == nil).all()
            {
                c.endedOn = ended.description
                c.endReason = reason
                try await c.save(on: db)
            }
            try await Audit.record(
                on: db, by: v, at: caller.now, .archive, entity: .unitReport, id: r.id!, label: "unit \(r.unitID)",
                scopePath: r.path,
                before: nil as String?, after: ["endedOn": ended.description, "reason": reason])
        }
        return r
    }

    // MARK: Member reports

    /// An in-service member reports to the home community: on the phone for themselves (to the community where
    /// they live, as their record says), or recorded by staff for a member in their scope to a community in it.
    /// One active report per person, the person known by ID number: reporting twice is refused.
    static func createMemberReport(_ caller: Caller, _ input: MemberReportInput) async throws -> MemberReport {
        let v = try caller.requireViewer()
        let person: PeopleQueries.ReportingPerson
        let community: OrgNode
        if v.role == .partyMember {
            let (_, own) = try await ReportingFacts.member(caller)
            if let asked = input.personID, asked != own {
                await AccessLog.write(caller, .forbiddenChange, detail: "member report for person \(asked)")
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            guard let p = try await PeopleQueries.reportingPerson(own, on: caller.db) else {
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            person = p
            guard let home = try await ReportingFacts.homeCommunity(of: p, on: caller.db) else {
                throw AppError.invalid(.errorReportingNoHome, field: "communityNodeId")
            }
            if let asked = input.communityNodeID, asked != home.id {
                if try await OrgNode.find(asked, on: caller.db) != nil {
                    await AccessLog.write(caller, .forbiddenChange, detail: "member report to node \(asked)")
                }
                throw AppError.invalid(.errorRefUnknown, field: "communityNodeId")
            }
            community = home
        } else {
            try await caller.require(.editTree)
            guard let pid = input.personID else { throw AppError.invalid(.errorRefUnknown, field: "personId") }
            person = try await PeopleQueries.scopedReportingPerson(pid, field: "personId", caller)
            guard let cid = input.communityNodeID else {
                throw AppError.invalid(.errorReportingCommunityRequired, field: "communityNodeId")
            }
            community = try await ReportingFacts.community(cid, field: "communityNodeId", caller)
        }
        guard person.isPartyMember else { throw AppError.invalid(.errorReportingNotMember, field: "personId") }
        let employerUnit = try await UnitsQueries.unitID(withPartyOrg: person.orgNodeID, on: caller.db)
        var employer = try text(input.employer, field: "employer", max: maxShort, required: false)
        if employer.isEmpty { employer = person.employer ?? "" }
        if employer.isEmpty, let u = employerUnit {
            employer = try await UnitsQueries.names([u], on: caller.db)[u] ?? ""
        }
        let reportedOn = try pastDay(input.reportedOn, field: "reportedOn", today: caller.today)
        let r = MemberReport()
        r.personID = person.id
        r.communityNodeID = community.id!
        r.path = community.path
        r.employerUnitID = employerUnit
        r.employer = employer
        r.showIdentity = input.showIdentity ?? false
        r.reportedOn = reportedOn.description
        r.recordedBy = v.user.id!
        let same = try await PeopleQueries.samePerson(as: person.id, on: caller.db)
        let label = "\(person.name) → \(community.name)"
        try await caller.db.writing { db in
            if let active = try await ReportingFacts.activeMemberReport(personIDs: same, on: db) {
                let name = try await OrgNode.find(active.communityNodeID, on: db)?.name ?? ""
                throw AppError.conflict(.errorReportingTwice, args: [name, active.reportedOn])
            }
            try await r.create(on: db)
            if r.showIdentity { try await PeopleQueries.setShownToNeighbours(person.id, true, on: db) }
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .memberReport, id: r.id!, label: label,
                scopePath: r.path,
                before: nil as String?,
                after: [
                    "person": String(person.id), "community": community.name, "employer": r.employer,
                    "showIdentity": String(r.showIdentity), "reportedOn": r.reportedOn,
                ])
        }
        return r
    }

    /// A member transfers out (or leaves): the report ends, dated and with a reason, and so do the posts held.
    /// The member ends their own; staff end reports in their scope.
    static func endMemberReport(_ caller: Caller, id: Int, _ input: EndInput) async throws -> MemberReport {
        let v = try caller.requireViewer()
        let own = v.role == .partyMember ? v.user.personID : nil
        if own == nil { try await caller.require(.editTree) }
        let r = try await ReportingFacts.find(MemberReport.self, id, for: .change, caller) { $0.personID == own }
        if r.endedOn != nil { throw AppError.conflict(.errorReportingEnded) }
        let reason = try text(input.reason, field: "reason", max: maxShort)
        let ended = try pastDay(
            input.endedOn, field: "endedOn", notBefore: ReportingFacts.day(r.reportedOn), today: caller.today)
        r.endedOn = ended.description
        r.endReason = reason
        try await caller.db.writing { db in
            try await r.save(on: db)
            for c in try await PostClaim.query(on: db).filter(\.$memberReportID == r.id!).filter(\.$endedOn == nil)
                .all()
            {
                c.endedOn = ended.description
                c.endReason = reason
                try await c.save(on: db)
            }
            try await Audit.record(
                on: db, by: v, at: caller.now, .archive, entity: .memberReport, id: r.id!,
                label: "person \(r.personID)",
                scopePath: r.path, before: nil as String?, after: ["endedOn": ended.description, "reason": reason])
        }
        return r
    }

    /// 亮身份: the member shows (or stops showing) their identity to neighbours.
    static func setConsent(_ caller: Caller, show: Bool) async throws -> MemberReport {
        let (v, personID) = try await ReportingFacts.member(caller)
        guard let r = try await ReportingFacts.activeMemberReport(person: personID, on: caller.db) else {
            throw AppError.invalid(.errorReportingNotReported)
        }
        let before = r.showIdentity
        r.showIdentity = show
        try await caller.db.writing { db in
            try await r.save(on: db)
            try await PeopleQueries.setShownToNeighbours(personID, show, on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .memberReport, id: r.id!, label: "person \(personID)",
                scopePath: r.path, before: ["showIdentity": String(before)], after: ["showIdentity": String(show)])
        }
        return r
    }

    // MARK: Posts and claims

    static func createPost(_ caller: Caller, _ input: PostInput) async throws -> ServicePost {
        let v = try await caller.require(.editTree)
        let community = try await ReportingFacts.community(input.communityNodeID, field: "communityNodeId", caller)
        var problems = FieldProblems()
        let title = (input.title ?? "").trimmingWhitespace()
        if title.isEmpty { problems["title"] = Text.errorTextRequired.key }
        if title.count > maxShort { problems.add("title", .errorTextLong, args: [String(maxShort)]) }
        let skills = (input.skills ?? "").trimmingWhitespace()
        if skills.count > maxShort * 2 { problems.add("skills", .errorTextLong, args: [String(maxShort * 2)]) }
        let schedule = (input.schedule ?? "").trimmingWhitespace()
        if schedule.count > maxShort * 2 { problems.add("schedule", .errorTextLong, args: [String(maxShort * 2)]) }
        let capacity = input.capacity ?? 0
        _ = try problems.check("capacity") { try ReportingRules.checkCapacity(capacity) }
        try problems.throwIfAny()
        let p = ServicePost()
        p.communityNodeID = community.id!
        p.path = community.path
        p.title = title
        p.skills = skills
        p.capacity = capacity
        p.schedule = schedule
        p.active = true
        try await caller.db.writing { db in
            try await p.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .servicePost, id: p.id!,
                label: "\(community.name) \(title)",
                scopePath: p.path, before: nil as String?, after: ["capacity": String(capacity), "skills": skills])
        }
        return p
    }

    /// 认岗位: a reported member claims a post of their community on the phone; staff record a claim for a member
    /// or a unit reported to the post's community; a liaison for their own unit. Never beyond the post's capacity,
    /// never the same post twice at once.
    static func claim(_ caller: Caller, postID: Int, _ input: ClaimInput) async throws -> PostClaim {
        let v = try caller.requireViewer()
        let post: ServicePost
        var memberReport: MemberReport?
        var unitReport: UnitReport?
        if v.role == .partyMember {
            let (_, personID) = try await ReportingFacts.member(caller)
            guard let report = try await ReportingFacts.activeMemberReport(person: personID, on: caller.db) else {
                throw AppError.invalid(.errorReportingNotReported)
            }
            post = try await ReportingFacts.find(ServicePost.self, postID, for: .change, caller) {
                $0.communityNodeID == report.communityNodeID
            }
            if input.personID.map({ $0 != personID }) ?? false {
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            if input.unitID != nil { throw AppError.invalid(.errorRefUnknown, field: "unitId") }
            memberReport = report
        } else if ReportingFacts.isLiaison(v) {
            let mine = try await ReportingFacts.liaisonUnits(v, on: caller.db)
            let reports = try await UnitReport.query(on: caller.db).filter(\.$unitID ~~ Array(mine))
                .filter(\.$endedOn == nil).all()
            post = try await ReportingFacts.find(ServicePost.self, postID, for: .change, caller) { p in
                reports.contains { $0.communityNodeID == p.communityNodeID }
            }
            guard let unitID = input.unitID, mine.contains(unitID), input.personID == nil else {
                throw AppError.invalid(.errorRefUnknown, field: input.personID == nil ? "unitId" : "personId")
            }
            unitReport = reports.first { $0.unitID == unitID && $0.communityNodeID == post.communityNodeID }
            if unitReport == nil { throw AppError.invalid(.errorReportingNotReported, field: "unitId") }
        } else {
            try await caller.require(.editTree)
            post = try await ReportingFacts.find(ServicePost.self, postID, for: .change, caller)
            if let pid = input.personID {
                _ = try await PeopleQueries.scopedReportingPerson(pid, field: "personId", caller)
                memberReport = try await ReportingFacts.activeMemberReport(person: pid, on: caller.db)
                if memberReport?.communityNodeID != post.communityNodeID {
                    throw AppError.invalid(.errorReportingNotReported, field: "personId")
                }
            } else if let uid = input.unitID {
                _ = try await UnitsQueries.scopedReportingUnit(uid, for: .read, field: "unitId", caller)
                unitReport = try await ReportingFacts.activeUnitReport(unit: uid, on: caller.db)
                if unitReport?.communityNodeID != post.communityNodeID {
                    throw AppError.invalid(.errorReportingNotReported, field: "unitId")
                }
            } else {
                throw AppError.invalid(.errorReportingClaimWho, field: "personId")
            }
        }
        if !post.active { throw AppError.invalid(.errorReportingPostClosed) }
        let c = PostClaim()
        c.postID = post.id!
        c.memberReportID = memberReport?.id
        c.unitReportID = unitReport?.id
        c.path = post.path
        c.claimedOn = caller.today.description
        let title = post.title
        let capacity = post.capacity
        try await caller.db.writing { db in
            try await lockPost(post.id!, on: db)
            let held = try await ReportingFacts.activeClaims(ofPost: post.id!, on: db)
            if held.contains(where: {
                ($0.memberReportID != nil && $0.memberReportID == c.memberReportID)
                    || ($0.unitReportID != nil && $0.unitReportID == c.unitReportID)
            }) {
                throw AppError.conflict(.errorReportingClaimTwice)
            }
            do { try ReportingRules.checkClaim(capacity: capacity, held: held.count) } catch {
                throw AppError.conflict(.errorReportingPostFull, args: [String(capacity)])
            }
            try await c.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .postClaim, id: c.id!, label: title, scopePath: c.path,
                before: nil as String?,
                after: [
                    "post": String(c.postID), "memberReport": c.memberReportID.map(String.init) ?? "",
                    "unitReport": c.unitReportID.map(String.init) ?? "",
                ])
        }
        return c
    }

    /// A member gives up a post they hold (the claim ends, dated); staff end claims in their scope.
    static func endClaim(_ caller: Caller, id: Int) async throws -> PostClaim {
        let v = try caller.requireViewer()
        var ownReport: Int?
        if v.role == .partyMember, let pid = v.user.personID {
            ownReport = try await ReportingFacts.activeMemberReport(person: pid, on: caller.db)?.id
        } else {
            try await caller.require(.editTree)
        }
        guard let c = try await PostClaim.find(id, on: caller.db) else { throw AppError.notFound() }
        let mine = ownReport != nil && c.memberReportID == ownReport
        if !mine && (v.scope.isSelfOnly || !v.scope.includes(TreePath(c.path))) {
            throw await caller.forbidden("end claim \(id)", scopePath: c.path)
        }
        if c.endedOn != nil { throw AppError.conflict(.errorReportingEnded) }
        c.endedOn = caller.today.description
        c.endReason = ""
        try await caller.db.writing { db in
            try await c.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .archive, entity: .postClaim, id: c.id!, label: "post \(c.postID)",
                scopePath: c.path,
                before: nil as String?, after: ["endedOn": c.endedOn ?? ""])
        }
        return c
    }

    // MARK: Services

    /// 作表率: a reported member records a service (a day not in the future, more than 0 and at most 24 hours,
    /// what was done, and the post if it was at one they hold). It counts once staff verify it.
    static func recordService(_ caller: Caller, _ input: ServiceInput) async throws -> MemberService {
        let (v, personID) = try await ReportingFacts.member(caller)
        guard let report = try await ReportingFacts.activeMemberReport(person: personID, on: caller.db) else {
            throw AppError.invalid(.errorReportingNotReported)
        }
        if let postID = input.postID {
            let held = try await PostClaim.query(on: caller.db).filter(\.$memberReportID == report.id!)
                .filter(\.$postID == postID).filter(\.$endedOn == nil).first()
            if held == nil {
                if try await ServicePost.find(postID, on: caller.db) != nil {
                    await AccessLog.write(caller, .forbiddenChange, detail: "service at post \(postID)")
                }
                throw AppError.invalid(.errorRefUnknown, field: "postId")
            }
        }
        var problems = FieldProblems()
        let text = (input.text ?? "").trimmingWhitespace()
        if text.isEmpty { problems["text"] = Text.errorTextRequired.key }
        if text.count > maxText { problems.add("text", .errorTextLong, args: [String(maxText)]) }
        var day = caller.today
        do {
            day = try FormDate.day(input.servedOn, field: "servedOn") ?? day
        } catch {
            problems["servedOn"] = Text.errorDateInvalid.key
        }
        let hours = input.hours ?? 0
        if problems["servedOn"] == nil {
            do {
                try ReportingRules.checkService(
                    hours: hours, on: day, today: caller.today,
                    reportedOn: ReportingFacts.day(report.reportedOn))
            } catch let p as ReportingRules.Problem {
                let field = [.serviceInFuture, .serviceBeforeReport].contains(p) ? "servedOn" : "hours"
                _ = try problems.check(field) { throw p }
            }
        }
        try problems.throwIfAny()
        let s = MemberService()
        s.memberReportID = report.id!
        s.personID = personID
        s.postID = input.postID
        s.path = report.path
        s.servedOn = day.description
        s.hours = hours
        s.text = text
        s.recordedBy = v.user.id!
        try await caller.db.writing { db in
            try await s.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .memberService, id: s.id!,
                label: "\(s.servedOn) \(hours)h",
                scopePath: s.path, before: nil as String?,
                after: ["servedOn": s.servedOn, "hours": String(hours), "post": s.postID.map(String.init) ?? ""])
        }
        return s
    }

    /// Community staff verify a service in their scope; nobody verifies their own.
    static func verify(_ caller: Caller, id: Int) async throws -> MemberService {
        let v = try await caller.require(.editTree)
        let s = try await ReportingFacts.find(MemberService.self, id, for: .change, caller)
        if s.decided { throw AppError.conflict(.errorReportingVerified) }
        if let own = v.user.personID, own == s.personID { throw AppError.invalid(.errorReportingVerifyOwn) }
        s.verifiedBy = v.user.id
        s.verifiedAt = caller.now
        try await caller.db.writing { db in
            try await s.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .memberService, id: s.id!, label: "\(s.servedOn)",
                scopePath: s.path,
                before: ["verified": "false"], after: ["verified": "true"])
        }
        return s
    }

    /// The community refuses a service it cannot confirm, saying why: it never counts, the member sees the reason,
    /// and the refusal is recorded. Never one's own; once.
    static func reject(_ caller: Caller, id: Int, reason: String?) async throws -> MemberService {
        let v = try await caller.require(.editTree)
        let s = try await ReportingFacts.find(MemberService.self, id, for: .change, caller)
        if s.decided { throw AppError.conflict(.errorReportingVerified) }
        if let own = v.user.personID, own == s.personID { throw AppError.invalid(.errorReportingVerifyOwn) }
        let why = try FormText.text(reason, field: "reason", max: 200)
        s.rejectedBy = v.user.id
        s.rejectedAt = caller.now
        s.rejectReason = why
        try await caller.db.writing { db in
            try await s.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .memberService, id: s.id!, label: "\(s.servedOn)",
                scopePath: s.path, before: ["verified": "false"], after: ["rejected": why])
        }
        return s
    }

    // MARK: Rounds

    /// A community asks everyone reported to confirm again (twice a year), between two days.
    static func openRound(_ caller: Caller, _ input: RoundInput) async throws -> ReportRound {
        let v = try await caller.require(.editTree)
        let community = try await ReportingFacts.community(input.communityNodeID, field: "communityNodeId", caller)
        let title = try text(input.title, field: "title", max: maxShort)
        var problems = FieldProblems()
        let opens = SimpleDate(input.opensOn).flatMap { LocalDate($0.iso) }
        let closes = SimpleDate(input.closesOn).flatMap { LocalDate($0.iso) }
        if opens == nil { problems["opensOn"] = Text.errorDateInvalid.key }
        if closes == nil { problems["closesOn"] = Text.errorDateInvalid.key }
        try problems.throwIfAny()
        try rule(field: "closesOn") { try ReportingRules.checkRound(opens: opens!, closes: closes!) }
        let r = ReportRound()
        r.communityNodeID = community.id!
        r.path = community.path
        r.title = title
        r.opensOn = opens!.description
        r.closesOn = closes!.description
        r.openedBy = v.user.id!
        try await caller.db.writing { db in
            try await r.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .reportRound, id: r.id!,
                label: "\(community.name) \(title)",
                scopePath: r.path, before: nil as String?, after: ["opensOn": r.opensOn, "closesOn": r.closesOn])
        }
        return r
    }

    /// A member confirms their report in an open round of their community.
    static func confirm(_ caller: Caller, roundID: Int) async throws -> RoundConfirmation {
        let (v, personID) = try await ReportingFacts.member(caller)
        guard let report = try await ReportingFacts.activeMemberReport(person: personID, on: caller.db) else {
            throw AppError.invalid(.errorReportingNotReported)
        }
        let round = try await ReportingFacts.find(ReportRound.self, roundID, for: .change, caller) {
            $0.communityNodeID == report.communityNodeID
        }
        let today = caller.today.description
        guard round.opensOn <= today, today <= round.closesOn else {
            throw AppError.invalid(.errorReportingRoundClosed, args: [round.opensOn, round.closesOn])
        }
        let c = RoundConfirmation()
        c.roundID = round.id!
        c.memberReportID = report.id!
        c.path = report.path
        c.confirmedOn = today
        try await caller.db.writing { db in
            if try await RoundConfirmation.query(on: db).filter(\.$roundID == round.id!)
                .filter(\.$memberReportID == report.id!).first() != nil
            {
                throw AppError.conflict(.errorReportingConfirmed)
            }
            try await c.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .memberReport, id: report.id!, label: round.title,
                scopePath: report.path, before: nil as String?, after: ["confirmedIn": String(round.id!)])
        }
        return c
    }
}

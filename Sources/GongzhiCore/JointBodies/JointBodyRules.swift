/// 区域化党建: the joint bodies of an area, the organisations in them and the dated seats people hold.

/// The kinds of regional body the seeds name.
public enum JointBodyKind: String, CaseIterable, Codable, Sendable {
    /// 街道大工委
    case streetCommittee
    /// 社区大党委
    case communityCommittee
    /// 片区联席会议 (Chancheng's 22 areas)
    case areaBody
    /// 区级指导委员会, 街道协调委员会, 社区兼职委员会 (Dalian's three levels)
    case districtGuidance, streetCoordination, communityPartTime
    /// 专项联合委员会, such as a military–police–local–enterprise committee with its own working rules
    case specialCommittee

    public var labelKey: String { "jointBody.kind.\(rawValue)" }

    /// The "3+N" triad sits under a community's big committee.
    public var hasTriad: Bool { self == .communityCommittee }
}

/// 1+N+X: the lead organisation, N organisations inside the area, X from outside (district departments sunk down
/// to the community among them).
public enum MemberRole: String, CaseIterable, Codable, Sendable {
    case lead, inner, outer
    public var labelKey: String { "jointBody.role.\(rawValue)" }
}

/// A seat's position. The three triad positions are the "3" of "3+N" under a community committee.
public enum SeatPosition: String, CaseIterable, Codable, Sendable {
    /// 书记 / 主任
    case chair
    /// 副书记 / 副主任
    case deputyChair
    /// 委员
    case member
    /// 兼职委员: sits for a unit
    case partTimeMember
    /// 居委会, 物业服务企业, 业主委员会
    case triadResidentsCommittee, triadPropertyCompany, triadOwnersCommittee

    public var labelKey: String { "jointBody.position.\(rawValue)" }

    public static let triad: [SeatPosition] = [.triadResidentsCommittee, .triadPropertyCompany, .triadOwnersCommittee]

    public var isTriad: Bool { Self.triad.contains(self) }

    /// Whether the seat sits for a unit, which must then be named.
    public var representsUnit: Bool { self == .partTimeMember || isTriad }
}

/// A span of days, both ends included; no end means still running.
public struct DayRange: Sendable, Hashable, Codable {
    public let from: LocalDate
    public let to: LocalDate?

    public init(from: LocalDate, to: LocalDate?) {
        self.from = from
        self.to = to
    }

    public var isValid: Bool { to.map { $0 >= from } ?? true }

    public func contains(_ day: LocalDate) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }

    public func overlaps(_ other: DayRange) -> Bool {
        let endsBefore = to.map { $0 < other.from } ?? false
        let startsAfter = other.to.map { from > $0 } ?? false
        return !endsBefore && !startsAfter
    }
}

/// A seat held by a person, in a body or in an organisation (a cross appointment into a unit's organisation).
public struct SeatHolding: Sendable, Hashable {
    public let id: Int
    public let personID: Int
    public let position: SeatPosition
    public let unitID: Int?
    public let days: DayRange

    public init(id: Int, personID: Int, position: SeatPosition, unitID: Int?, days: DayRange) {
        self.id = id
        self.personID = personID
        self.position = position
        self.unitID = unitID
        self.days = days
    }

    /// Seats that only one person holds at a time: the chair, each triad seat, and a unit's part-time seat.
    /// Deputies and ordinary members may be several.
    public func sharesSeat(with other: SeatHolding) -> Bool {
        guard position == other.position else { return false }
        switch position {
        case .chair, .triadResidentsCommittee, .triadPropertyCompany, .triadOwnersCommittee: return true
        case .partTimeMember: return unitID == other.unitID
        case .deputyChair, .member: return false
        }
    }
}

public enum AppointmentConflict: Sendable, Equatable {
    /// Somebody else holds the same seat in days that overlap.
    case seatTaken(by: SeatHolding)
    /// The person already holds a seat in the same body in days that overlap.
    case personSeated(SeatHolding)
    /// The end is before the start.
    case invalidDays
}

public enum AppointmentRules {
    /// Why a new holding cannot stand beside the others of the same body or organisation, or nil if it can.
    /// `others` excludes the holding being changed.
    public static func conflict(_ new: SeatHolding, with others: [SeatHolding]) -> AppointmentConflict? {
        guard new.days.isValid else { return .invalidDays }
        for o in others where o.days.overlaps(new.days) {
            if o.personID == new.personID { return .personSeated(o) }
            if o.sharesSeat(with: new) { return .seatTaken(by: o) }
        }
        return nil
    }

    /// The holdings that run on a day: the body "as of" that day.
    public static func asOf(_ day: LocalDate, _ holdings: [SeatHolding]) -> [SeatHolding] {
        holdings.filter { $0.days.contains(day) }
    }
}

/// The "3+N" check: under a community committee exactly one active seat of each triad kind.
public struct TriadStatus: Sendable, Equatable {
    public let missing: [SeatPosition]
    public let doubled: [SeatPosition]
    public var isComplete: Bool { missing.isEmpty && doubled.isEmpty }

    public init(on day: LocalDate, _ holdings: [SeatHolding]) {
        let active = AppointmentRules.asOf(day, holdings)
        var missing: [SeatPosition] = []
        var doubled: [SeatPosition] = []
        for p in SeatPosition.triad {
            let n = active.filter { $0.position == p }.count
            if n == 0 { missing.append(p) }
            if n > 1 { doubled.append(p) }
        }
        self.missing = missing
        self.doubled = doubled
    }
}

/// A member organisation's dated membership (1+N+X).
public struct Membership: Sendable, Hashable {
    public let unitID: Int
    public let role: MemberRole
    public let days: DayRange

    public init(unitID: Int, role: MemberRole, days: DayRange) {
        self.unitID = unitID
        self.role = role
        self.days = days
    }
}

/// The figures on a body's page, as of a day.
public struct BodyFigures: Sendable, Equatable {
    /// Member units (lead, inner and outer).
    public let memberUnits: Int
    /// The "1" of 1+N+X: one, the member named lead or the body's own organisation.
    public let lead: Int
    public let inner: Int
    public let outer: Int
    /// People holding a part-time seat for a unit.
    public let partTimeMembers: Int
    /// Member units with a person in the body (a part-time or triad seat for the unit) whose organisation also
    /// seats one of the body's own people: 交叉任职 both ways.
    public let crossAppointed: Int

    /// Cross-appointed member units per hundred member units, rounded down; nil without members.
    public var crossAppointmentPercent: Int? { memberUnits == 0 ? nil : crossAppointed * 100 / memberUnits }

    /// - Parameters:
    ///   - seats: the body's seats.
    ///   - members: the body's member organisations.
    ///   - outward: seats the body's people hold in member units' organisations, by unit.
    public init(on day: LocalDate, seats: [SeatHolding], members: [Membership], outward: [Int: [SeatHolding]]) {
        let activeMembers = members.filter { $0.days.contains(day) }
        let unitIDs = Set(activeMembers.map(\.unitID))
        memberUnits = unitIDs.count
        // The "1": the member unit named lead, else the organisation the body hangs on, which always leads it.
        lead = max(1, activeMembers.filter { $0.role == .lead }.count)
        inner = activeMembers.filter { $0.role == .inner }.count
        outer = activeMembers.filter { $0.role == .outer }.count
        let active = AppointmentRules.asOf(day, seats)
        partTimeMembers = Set(active.filter { $0.position == .partTimeMember }.map(\.personID)).count
        let inward = Set(active.compactMap(\.unitID)).intersection(unitIDs)
        let both = inward.filter { unit in
            (outward[unit] ?? []).contains { $0.days.contains(day) }
        }
        crossAppointed = both.count
    }
}

public enum MembershipConflict: Sendable, Equatable {
    /// The unit is already a member in days that overlap.
    case alreadyMember
    /// Another lead ("1" of 1+N+X) in days that overlap.
    case secondLead
}

public enum JointBodyRules {
    /// Which organisation each kind of body hangs on.
    public static func allows(_ kind: JointBodyKind, on node: OrgNodeKind) -> Bool {
        switch kind {
        case .streetCommittee, .streetCoordination: node == .streetCommittee
        case .communityCommittee, .communityPartTime: node == .communityCommittee
        case .districtGuidance: node == .districtCommittee
        case .areaBody, .specialCommittee: node.isTerritorial && node != .buildingGroup
        }
    }

    public static func membershipConflict(_ new: Membership, with others: [Membership]) -> MembershipConflict? {
        for o in others where o.days.overlaps(new.days) {
            if o.unitID == new.unitID { return .alreadyMember }
            if new.role == .lead && o.role == .lead { return .secondLead }
        }
        return nil
    }

    /// A triad seat sits for a unit of its own kind; other seats for any unit.
    public static func unitFits(_ position: SeatPosition, _ kind: UnitKind) -> Bool {
        switch position {
        case .triadResidentsCommittee: kind == .residentsCommittee
        case .triadPropertyCompany: kind == .propertyCompany
        case .triadOwnersCommittee: kind == .ownersCommittee
        default: true
        }
    }
}

/// 共建协议: an organisation (street or community) and one or more units agree what each side gives.

/// The seeds' four kinds of commitment: 组织共建, 资源共享, 事务共商, 载体共创
/// (Dalian's 六联六共 map onto them).
public enum CommitmentCategory: String, CaseIterable, Codable, Sendable {
    case organisationBuilding, resourceSharing, affairsConsultation, carrierCreation
    public var labelKey: String { "agreement.category.\(rawValue)" }
}

/// Which side gives a commitment: the organisation, or a unit party.
public enum CommitmentSide: String, CaseIterable, Codable, Sendable {
    case organisation, unit
    public var labelKey: String { "agreement.side.\(rawValue)" }
}

/// What a commitment's fulfilment is counted from, per year:
/// - `projects`: items of the agreement's project list (联建清单) the side owns, delivered in the year;
/// - `services`: verified services of the unit's reported in-service members (双报到, 作表率);
/// - `meetings`: joint meetings the unit's people checked in to;
/// - `posts`: service posts the unit's members hold (at the year's end, or today);
/// - `none`: no record shows it, the reviewer judges.
public enum CommitmentMeasure: String, CaseIterable, Codable, Sendable {
    case projects, services, meetings, posts, none
    public var labelKey: String { "agreement.measure.\(rawValue)" }
    /// Measures over a unit's people: the organisation's side is counted by projects or judged.
    public var unitsOnly: Bool { [.services, .meetings, .posts].contains(self) }
}

public enum AgreementState: String, CaseIterable, Codable, Sendable {
    case draft, signed, ended
    public var labelKey: String { "agreement.state.\(rawValue)" }
}

/// What an agreement shows: a signed one by its period and the clock (未生效, 履行中, then 已到期 until it is
/// reviewed and ended or renewed).
public enum AgreementStanding: String, CaseIterable, Codable, Sendable {
    case draft, notInForce, inForce, expired, ended
    public var labelKey: String { "agreement.standing.\(rawValue)" }

    public init(state: AgreementState, period: DaySpan?, today: LocalDate) {
        switch state {
        case .draft: self = .draft
        case .ended: self = .ended
        case .signed:
            switch period?.phase(on: today) ?? .underway {
            case .upcoming: self = .notInForce
            case .underway: self = .inForce
            case .ended: self = .expired
            }
        }
    }
}

/// 一对一 or 多对一, from the number of unit parties.
public enum Pairing: String, CaseIterable, Codable, Sendable {
    case oneToOne, manyToOne
    public init(parties: Int) { self = parties > 1 ? .manyToOne : .oneToOne }
    public var labelKey: String { "agreement.pairing.\(rawValue)" }
}

public enum Verdict: String, CaseIterable, Codable, Sendable {
    case honoured, partly, notHonoured
    public var labelKey: String { "agreement.verdict.\(rawValue)" }
}

public struct CommitmentFacts: Sendable, Equatable {
    public let side: CommitmentSide
    public let unitID: Int?
    public init(side: CommitmentSide, unitID: Int?) {
        self.side = side
        self.unitID = unitID
    }
}

public enum SigningProblem: Sendable, Equatable {
    case noParties
    case organisationGivesNothing
    /// These units have no commitment of their own.
    case unitsGiveNothing([Int])
}

public enum AgreementRules {
    /// An agreement is signed only when both sides give something: the organisation at least one commitment, and
    /// every unit party at least one of its own.
    public static func signingProblem(parties: [Int], commitments: [CommitmentFacts]) -> SigningProblem? {
        guard !parties.isEmpty else { return .noParties }
        guard commitments.contains(where: { $0.side == .organisation }) else { return .organisationGivesNothing }
        let giving = Set(commitments.filter { $0.side == .unit }.compactMap(\.unitID))
        let silent = parties.filter { !giving.contains($0) }
        return silent.isEmpty ? nil : .unitsGiveNothing(silent)
    }

    /// A commitment's fulfilment from what the records show against its target: nil when nothing measures it.
    public static func fulfilment(actual: Int?, target: Int) -> Int? {
        guard let actual, target > 0 else { return nil }
        return min(100, actual * 100 / target)
    }

    /// The verdict the figures suggest (the reviewer may differ and says why): every measured commitment met is
    /// honoured, none met is not honoured, anything between is partly.
    public static func suggestedVerdict(_ fulfilments: [Int?]) -> Verdict? {
        let measured = fulfilments.compactMap { $0 }
        guard !measured.isEmpty else { return nil }
        if measured.allSatisfy({ $0 >= 100 }) { return .honoured }
        if measured.allSatisfy({ $0 == 0 }) { return .notHonoured }
        return .partly
    }
}

/// What a person is in the system; one person may be several at once (a party member who volunteers).
public enum PersonFacet: String, CaseIterable, Codable, Sendable {
    case partyMember, resident, volunteer, communityWorker, firstSecretary
    public var labelKey: String { "facet.\(rawValue)" }
}

/// 组织关系: where a party member's membership is kept, and whether they work elsewhere (在职党员).
public enum MemberStatus: String, CaseIterable, Codable, Sendable {
    case full, probationary
    public var labelKey: String { "memberStatus.\(rawValue)" }
}

public enum UnitKind: String, CaseIterable, Codable, Sendable {
    case agency, enterprise, nonPublicEnterprise, school, hospital, propertyCompany, police, army, socialOrganization,
        department, volunteerTeam
    public var labelKey: String { "unitKind.\(rawValue)" }
}

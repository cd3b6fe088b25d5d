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
        department, volunteerTeam,
        /// 居委会 and 业委会: with the property company, the "3+N" triad under a community committee.
        residentsCommittee, ownersCommittee
    public var labelKey: String { "unitKind.\(rawValue)" }
}

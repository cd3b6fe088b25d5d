/// The kinds of node in the party organisation tree (党组织体系).
/// The territorial chain runs district → street → community → grid branch → building group;
/// the organisations of resident units hang under the territorial node they are placed in.
public enum OrgNodeKind: String, CaseIterable, Codable, Sendable {
    case districtCommittee  // 区委
    case streetCommittee  // 街道党工委
    case communityCommittee  // 社区党委 / 党总支
    case gridBranch  // 网格党支部
    case buildingGroup  // 楼栋党小组
    case agencyOrganization  // 机关党组织
    case enterpriseOrganization  // 国有企业党组织
    case nonPublicOrganization  // 非公企业党组织
    case socialOrganization  // 社会组织党组织
    case propertyCompanyOrganization  // 物业企业党组织
    case publicInstitutionOrganization  // 事业单位党组织 (schools, hospitals)
    case militaryPoliceOrganization  // 驻区部队、公安党组织

    public var isTerritorial: Bool {
        switch self {
        case .districtCommittee, .streetCommittee, .communityCommittee, .gridBranch, .buildingGroup: true
        default: false
        }
    }

    /// The kinds a node of this kind may be placed under.
    public var allowedParents: Set<OrgNodeKind> {
        switch self {
        case .districtCommittee: []
        case .streetCommittee: [.districtCommittee]
        case .communityCommittee: [.streetCommittee]
        case .gridBranch: [.communityCommittee]
        case .buildingGroup: [.gridBranch]
        // A unit's organisation is guided by the district, a street or a community;
        // a large unit organisation may have sub-organisations of its own.
        default:
            Set(
                OrgNodeKind.allCases.filter {
                    !$0.isTerritorial || [.districtCommittee, .streetCommittee, .communityCommittee].contains($0)
                })
        }
    }

    public func canBePlaced(under parent: OrgNodeKind?) -> Bool {
        guard let parent else { return self == .districtCommittee }
        return allowedParents.contains(parent)
    }

    /// String key of the Chinese/English label.
    public var labelKey: String { "kind.\(rawValue)" }
}

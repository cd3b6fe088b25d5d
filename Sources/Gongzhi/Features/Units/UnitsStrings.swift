/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let fieldLocation = Text("field.location")
    static let fieldContact = Text("field.contact")
    static let fieldPartyOrg = Text("field.partyOrg")
    static let unitNoPartyOrg = Text("unit.noPartyOrg")
    static let unitKindAgency = Text("unitKind.agency")
    static let unitKindEnterprise = Text("unitKind.enterprise")
    static let unitKindNonPublicEnterprise = Text("unitKind.nonPublicEnterprise")
    static let unitKindSchool = Text("unitKind.school")
    static let unitKindHospital = Text("unitKind.hospital")
    static let unitKindPropertyCompany = Text("unitKind.propertyCompany")
    static let unitKindPolice = Text("unitKind.police")
    static let unitKindArmy = Text("unitKind.army")
    static let unitKindSocialOrganization = Text("unitKind.socialOrganization")
    static let unitKindDepartment = Text("unitKind.department")
    static let errorUnitLocation = Text("error.unit.location")
    static let errorUnitPartyOrg = Text("error.unit.partyOrg")
    static let errorUnitArchived = Text("error.unit.archived")
    static let unitKindVolunteerTeam = Text("unitKind.volunteerTeam")
    static let navMyUnit = Text("nav.myUnit")
    static let unitDeskSeats = Text("unitDesk.seats")
    static let unitDeskBody = Text("unitDesk.body")
    static let unitDeskRole = Text("unitDesk.role")
    static let unitDeskPerson = Text("unitDesk.person")
    static let unitDeskDays = Text("unitDesk.days")
    static let unitDeskCommitments = Text("unitDesk.commitments")
    static let unitDeskAgreement = Text("unitDesk.agreement")
    static let unitDeskState = Text("unitDesk.state")
    static let unitDeskCategory = Text("unitDesk.category")
    static let unitDeskCommitment = Text("unitDesk.commitment")
    static let unitDeskFulfilment = Text("unitDesk.fulfilment")
    static let unitKindResidentsCommittee = Text("unitKind.residentsCommittee")
    static let unitKindOwnersCommittee = Text("unitKind.ownersCommittee")
}

/// The interface strings of Units, in both languages.
enum UnitsStrings {
    static let table = StringTable([
        .fieldLocation: ("所在地", "Located in"),
        .fieldContact: ("联系人", "Contact"),
        .fieldPartyOrg: ("单位党组织", "Unit party organisation"),
        .unitNoPartyOrg: ("未建立党组织", "No party organisation"),
        .unitKindAgency: ("机关", "Agency"),
        .unitKindEnterprise: ("国有企业", "State enterprise"),
        .unitKindNonPublicEnterprise: ("非公企业", "Non-public firm"),
        .unitKindSchool: ("学校", "School"),
        .unitKindHospital: ("医院", "Hospital"),
        .unitKindPropertyCompany: ("物业企业", "Property company"),
        .unitKindPolice: ("公安", "Police"),
        .unitKindArmy: ("驻军", "Army unit"),
        .unitKindSocialOrganization: ("社会组织", "Social organisation"),
        .unitKindDepartment: ("职能部门", "Department"),
        .errorUnitLocation: (
            "单位所在地必须是街道、社区等地域组织。",
            "A unit must be located in a street, community or other territorial node."
        ),
        .errorUnitPartyOrg: (
            "单位党组织必须是单位类党组织。",
            "The unit's party organisation must be a unit organisation."
        ),
        .errorUnitArchived: ("该单位已归档。", "This unit is already archived."),
        .unitKindVolunteerTeam: ("志愿服务队", "Volunteer team"),
        .navMyUnit: ("本单位共建", "My unit"),
        .unitDeskSeats: ("联合组织中的本单位", "The unit in joint bodies"),
        .unitDeskBody: ("联合组织", "Joint body"),
        .unitDeskRole: ("角色或职务", "Role or seat"),
        .unitDeskPerson: ("人员", "Person"),
        .unitDeskDays: ("起止日期", "From – to"),
        .unitDeskCommitments: (
            "本单位在共建协议中的承诺（今年履约）",
            "The unit's commitments (fulfilment this year)"
        ),
        .unitDeskAgreement: ("共建协议", "Agreement"),
        .unitDeskState: ("状态", "State"),
        .unitDeskCategory: ("类别", "Category"),
        .unitDeskCommitment: ("承诺内容", "Commitment"),
        .unitDeskFulfilment: ("履约率", "Fulfilment"),
        .unitKindResidentsCommittee: ("居民委员会", "Residents' committee"),
        .unitKindOwnersCommittee: ("业主委员会", "Owners' committee"),
    ])
}

/// JointBodies' keys: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let navJointBodies = Text("nav.jointBodies")
    static let entityJointBody = Text("entity.joint_body")
    static let entityJointBodyMember = Text("entity.joint_body_member")
    static let entityAppointment = Text("entity.appointment")
    static let entityJointBodyDocument = Text("entity.joint_body_document")
    static let homeJointBodiesHint = Text("home.jointBodies.hint")
    static let jointBodyIntro = Text("jointBody.intro")
    static let jointBodyAllKinds = Text("jointBody.allKinds")
    static let jointBodyName = Text("jointBody.name")
    static let jointBodyKind = Text("jointBody.kind")
    static let jointBodyNode = Text("jointBody.node")
    static let jointBodyEstablished = Text("jointBody.established")
    static let jointBodyNew = Text("jointBody.new")
    static let jointBodyCreate = Text("jointBody.create")
    static let jointBodyMemberUnits = Text("jointBody.memberUnits")
    static let jointBodySeats = Text("jointBody.seats")
    static let jointBodyPartTime = Text("jointBody.partTime")
    static let jointBodyTriad = Text("jointBody.triad")
    static let jointBodyTriadComplete = Text("jointBody.triadComplete")
    static let jointBodyTriadIncomplete = Text("jointBody.triadIncomplete")
    static let jointBodyTriadMissing = Text("jointBody.triadMissing")
    static let jointBodyTriadDoubled = Text("jointBody.triadDoubled")
    static let jointBodyTriadRule = Text("jointBody.triadRule")
    static let jointBodyAsOf = Text("jointBody.asOf")
    static let jointBodyShape = Text("jointBody.shape")
    static let jointBodyCrossRate = Text("jointBody.crossRate")
    static let jointBodyFiguresRule = Text("jointBody.figuresRule")
    static let jointBodyMembers = Text("jointBody.members")
    static let jointBodyRoleRule = Text("jointBody.roleRule")
    static let jointBodyUnit = Text("jointBody.unit")
    static let jointBodyUnitKind = Text("jointBody.unitKind")
    static let jointBodyRole = Text("jointBody.role")
    static let jointBodyDays = Text("jointBody.days")
    static let jointBodyFrom = Text("jointBody.from")
    static let jointBodyTo = Text("jointBody.to")
    static let jointBodyEnd = Text("jointBody.end")
    static let jointBodyEndOn = Text("jointBody.endOn")
    static let jointBodyAddMember = Text("jointBody.addMember")
    static let jointBodyPerson = Text("jointBody.person")
    static let jointBodyPosition = Text("jointBody.position")
    static let jointBodySitsFor = Text("jointBody.sitsFor")
    static let jointBodyAddSeat = Text("jointBody.addSeat")
    static let jointBodySeatRule = Text("jointBody.seatRule")
    static let jointBodyCrossSeats = Text("jointBody.crossSeats")
    static let jointBodyCrossRule = Text("jointBody.crossRule")
    static let jointBodyHostUnit = Text("jointBody.hostUnit")
    static let jointBodyDocuments = Text("jointBody.documents")
    static let jointBodyDocumentTitle = Text("jointBody.documentTitle")
    static let jointBodyDocumentBody = Text("jointBody.documentText")
    static let jointBodyAdopted = Text("jointBody.adopted")
    static let jointBodyAddDocument = Text("jointBody.addDocument")
    static let jointBodyRecord = Text("jointBody.record")
    static let jointBodyKindStreetCommittee = Text("jointBody.kind.streetCommittee")
    static let jointBodyKindCommunityCommittee = Text("jointBody.kind.communityCommittee")
    static let jointBodyKindAreaBody = Text("jointBody.kind.areaBody")
    static let jointBodyKindDistrictGuidance = Text("jointBody.kind.districtGuidance")
    static let jointBodyKindStreetCoordination = Text("jointBody.kind.streetCoordination")
    static let jointBodyKindCommunityPartTime = Text("jointBody.kind.communityPartTime")
    static let jointBodyKindSpecialCommittee = Text("jointBody.kind.specialCommittee")
    static let jointBodyRoleLead = Text("jointBody.role.lead")
    static let jointBodyRoleInner = Text("jointBody.role.inner")
    static let jointBodyRoleOuter = Text("jointBody.role.outer")
    static let jointBodyPositionChair = Text("jointBody.position.chair")
    static let jointBodyPositionDeputyChair = Text("jointBody.position.deputyChair")
    static let jointBodyPositionMember = Text("jointBody.position.member")
    static let jointBodyPositionPartTimeMember = Text("jointBody.position.partTimeMember")
    static let jointBodyPositionTriadResidentsCommittee = Text("jointBody.position.triadResidentsCommittee")
    static let jointBodyPositionTriadPropertyCompany = Text("jointBody.position.triadPropertyCompany")
    static let jointBodyPositionTriadOwnersCommittee = Text("jointBody.position.triadOwnersCommittee")
    static let errorJointBodyWording = Text("error.jointBody.text")
    static let errorJointBodyNode = Text("error.jointBody.node")
    static let errorJointBodyKind = Text("error.jointBody.kind")
    static let errorJointBodyKindField = Text("error.jointBody.kindField")
    static let errorJointBodyRoleField = Text("error.jointBody.roleField")
    static let errorJointBodyPosition = Text("error.jointBody.position")
    static let errorJointBodyDays = Text("error.jointBody.days")
    static let errorJointBodyEnd = Text("error.jointBody.end")
    static let errorJointBodyMemberTwice = Text("error.jointBody.memberTwice")
    static let errorJointBodyLead = Text("error.jointBody.lead")
    static let errorJointBodyTriadBody = Text("error.jointBody.triadBody")
    static let errorJointBodyTriadUnit = Text("error.jointBody.triadUnit")
    static let errorJointBodySeatUnit = Text("error.jointBody.seatUnit")
    static let errorJointBodySeatTaken = Text("error.jointBody.seatTaken")
    static let errorJointBodyTriadTaken = Text("error.jointBody.triadTaken")
    static let errorJointBodyPersonSeated = Text("error.jointBody.personSeated")
    static let errorJointBodyCrossPosition = Text("error.jointBody.crossPosition")
    static let errorJointBodyCrossUnit = Text("error.jointBody.crossUnit")
    static let errorJointBodyCrossSeat = Text("error.jointBody.crossSeat")
}

enum JointBodiesStrings {
    static let table = StringTable([
        .navJointBodies: ("区域化党建", "Joint bodies"),
        .entityJointBody: ("联合组织", "Joint body"),
        .entityJointBodyMember: ("成员单位", "Member unit"),
        .entityAppointment: ("任职", "Seat"),
        .entityJointBodyDocument: ("联合组织文件", "Joint body document"),
        .homeJointBodiesHint: (
            "大工委、大党委等联合组织，成员单位与兼职委员",
            "Joint committees, their member units and part-time members"
        ),
        .jointBodyIntro: (
            "街道大工委、社区大党委、片区联席会议等区域化党建组织。成员单位按"
                + "“1+N+X”分为牵头、区域内、区域外（含下沉部门）；每个席位都有起止日"
                + "期，可按日期查看当时的组成。",
            "Street and community joint committees, area bodies and other regional bodies. Member units follow "
                + "“1+N+X”: the lead, N inside the area, X from outside (departments sunk down included); every s"
                + "eat is dated, so the body can be seen as of any day."
        ),
        .jointBodyAllKinds: ("全部类型", "All kinds"),
        .jointBodyName: ("名称", "Name"),
        .jointBodyKind: ("类型", "Kind"),
        .jointBodyNode: ("牵头党组织", "Leading organisation"),
        .jointBodyEstablished: ("成立日期", "Established"),
        .jointBodyNew: ("新建联合组织", "New joint body"),
        .jointBodyCreate: ("建立", "Create"),
        .jointBodyMemberUnits: ("成员单位", "Member units"),
        .jointBodySeats: ("委员席位", "Seats"),
        .jointBodyPartTime: ("兼职委员", "Part-time members"),
        .jointBodyTriad: ("“3+N”三方", "“3+N” triad"),
        .jointBodyTriadComplete: ("三方齐全", "Triad complete"),
        .jointBodyTriadIncomplete: ("三方不全", "Triad incomplete"),
        .jointBodyTriadMissing: ("缺少：{0}", "missing: {0}"),
        .jointBodyTriadDoubled: ("重复：{0}", "held twice: {0}"),
        .jointBodyTriadRule: (
            "社区大党委下，居委会、物业服务企业、业主委员会各须恰有一个在任席"
                + "位。",
            "Under a community committee, the residents' committee, the property company and the owners' "
                + "committee each hold exactly one active seat."
        ),
        .jointBodyAsOf: ("查看日期", "As of"),
        .jointBodyShape: ("牵头 {0}、区域内 {1}、区域外 {2}", "lead {0}, inside {1}, outside {2}"),
        .jointBodyCrossRate: ("双向交叉任职率", "Two-way cross-appointment rate"),
        .jointBodyFiguresRule: (
            "按查看日期在任的成员单位和席位计算。双向交叉任职：该单位有人在本"
                + "组织任职，且本组织有人在该单位党组织任职；比率 = 双向交叉任职的成"
                + "员单位 ÷ 成员单位。",
            "Counted from the member units and seats active on the day shown. Two-way cross appointment: "
                + "someone of the unit sits in this body and someone of this body sits in the unit's organisation; "
                + "rate = such member units ÷ member units."
        ),
        .jointBodyMembers: ("成员单位", "Member units"),
        .jointBodyRoleRule: (
            "“1”为牵头党组织，“N”为区域内单位，“X”为区域外单位（含下沉的"
                + "区直部门）。",
            "“1” is the lead organisation, “N” the units inside the area, “X” those from outside (d"
                + "istrict departments sunk down included)."
        ),
        .jointBodyUnit: ("单位", "Unit"),
        .jointBodyUnitKind: ("单位类型", "Kind of unit"),
        .jointBodyRole: ("角色", "Role"),
        .jointBodyDays: ("起止日期", "From – to"),
        .jointBodyFrom: ("起始日期", "From"),
        .jointBodyTo: ("终止日期（可空）", "To (optional)"),
        .jointBodyEnd: ("终止", "End"),
        .jointBodyEndOn: ("终止日期", "End on"),
        .jointBodyAddMember: ("增加成员单位", "Add member unit"),
        .jointBodyPerson: ("人员", "Person"),
        .jointBodyPosition: ("职务", "Position"),
        .jointBodySitsFor: ("代表单位", "Sits for"),
        .jointBodyAddSeat: ("任命", "Appoint"),
        .jointBodySeatRule: (
            "同一席位同一时间只能一人在任（书记、每个三方席位、每个单位的兼职"
                + "委员）；同一人在同一组织同一时间只占一个席位。席位终止后保留在历"
                + "史中。",
            "One person at a time holds a seat (the chair, each triad seat, each unit's part-time seat); a "
                + "person holds one seat in a body at a time. Ended seats stay in the history."
        ),
        .jointBodyCrossSeats: (
            "本组织人员在成员单位任职（交叉任职）",
            "People of this body seated in member units (cross appointments)"
        ),
        .jointBodyCrossRule: (
            "单位人员任本组织兼职委员，本组织人员到成员单位党组织任职，形成双"
                + "向交叉任职。",
            "Unit people sit in this body as part-time members, and this body's people sit in the member "
                + "units' organisations: cross appointments both ways."
        ),
        .jointBodyHostUnit: ("任职单位", "Unit seated in"),
        .jointBodyDocuments: ("工作规则与文件", "Rules and documents"),
        .jointBodyDocumentTitle: ("标题", "Title"),
        .jointBodyDocumentBody: ("正文", "Text"),
        .jointBodyAdopted: ("通过日期", "Adopted on"),
        .jointBodyAddDocument: ("添加文件", "Add document"),
        .jointBodyRecord: ("记录", "Record"),
        .jointBodyKindStreetCommittee: ("街道大工委", "Street joint working committee"),
        .jointBodyKindCommunityCommittee: ("社区大党委", "Community joint committee"),
        .jointBodyKindAreaBody: ("片区联席会议", "Area joint body"),
        .jointBodyKindDistrictGuidance: ("区级指导委员会", "District guidance committee"),
        .jointBodyKindStreetCoordination: ("街道协调委员会", "Street coordination committee"),
        .jointBodyKindCommunityPartTime: ("社区兼职委员会", "Community part-time members' committee"),
        .jointBodyKindSpecialCommittee: ("专项联合委员会", "Special joint committee"),
        .jointBodyRoleLead: ("牵头（1）", "Lead (1)"),
        .jointBodyRoleInner: ("区域内（N）", "Inside the area (N)"),
        .jointBodyRoleOuter: ("区域外（X）", "From outside (X)"),
        .jointBodyPositionChair: ("书记", "Secretary (chair)"),
        .jointBodyPositionDeputyChair: ("副书记", "Deputy secretary"),
        .jointBodyPositionMember: ("委员", "Member"),
        .jointBodyPositionPartTimeMember: ("兼职委员", "Part-time member"),
        .jointBodyPositionTriadResidentsCommittee: ("居委会席位", "Residents' committee seat"),
        .jointBodyPositionTriadPropertyCompany: ("物业服务企业席位", "Property company seat"),
        .jointBodyPositionTriadOwnersCommittee: ("业主委员会席位", "Owners' committee seat"),
        .errorJointBodyWording: (
            "请填写此项（不超过规定长度）。",
            "Fill this in (within the length allowed)."
        ),
        .errorJointBodyNode: (
            "请选择您管理范围内、与该类型相符的党组织（街道大工委挂在街道党工"
                + "委，社区大党委挂在社区党委）。",
            "Choose an organisation in your scope that fits the kind (a street committee hangs on a street, a "
                + "community committee on a community)."
        ),
        .errorJointBodyKind: ("未知的联合组织类型：{0}", "Unknown kind of joint body: {0}"),
        .errorJointBodyKindField: ("请选择联合组织类型。", "Choose the kind of body."),
        .errorJointBodyRoleField: (
            "请选择成员单位的角色（牵头、区域内、区域外）。",
            "Choose the unit's role (lead, inside, outside)."
        ),
        .errorJointBodyPosition: ("请选择职务。", "Choose the position."),
        .errorJointBodyDays: ("终止日期不能早于起始日期。", "The end is before the start."),
        .errorJointBodyEnd: (
            "该记录已终止，或终止日期早于起始日期。",
            "Already ended, or the end is before the start."
        ),
        .errorJointBodyMemberTwice: (
            "{0} 在这段时间已是成员单位。",
            "{0} is already a member in these days."
        ),
        .errorJointBodyLead: (
            "这段时间已有牵头单位；“1+N+X”中牵头只有一个。",
            "There is already a lead in these days; “1+N+X” has one lead."
        ),
        .errorJointBodyTriadBody: (
            "三方席位只设在社区大党委。",
            "Triad seats exist only in a community committee."
        ),
        .errorJointBodyTriadUnit: (
            "三方席位须代表相应类型的单位（居委会、物业服务企业、业主委员会）"
                + "。",
            "A triad seat sits for a unit of its kind (residents' committee, property company, owners' "
                + "committee)."
        ),
        .errorJointBodySeatUnit: (
            "兼职委员和三方席位须选择代表的单位。",
            "A part-time or triad seat needs the unit it sits for."
        ),
        .errorJointBodySeatTaken: (
            "该席位这段时间已由 {0} 担任（自 {1}）；请先终止其任职。",
            "{0} holds this seat in these days (since {1}); end that seat first."
        ),
        .errorJointBodyTriadTaken: (
            "该三方席位已由 {0} 担任（自 {1}）：每类三方席位只能有一个。请先终止"
                + "其任职。",
            "{0} holds this triad seat (since {1}): each triad seat is held once. End that seat first."
        ),
        .errorJointBodyPersonSeated: (
            "此人这段时间已在该组织任职。",
            "This person already holds a seat there in these days."
        ),
        .errorJointBodyCrossPosition: (
            "在成员单位任职只能是副书记或委员。",
            "A seat in a member unit is a deputy or a member."
        ),
        .errorJointBodyCrossUnit: (
            "请选择这段时间在任的成员单位。",
            "Choose a unit that is a member in these days."
        ),
        .errorJointBodyCrossSeat: (
            "交叉任职须是这段时间在本组织任职的人员。",
            "A cross appointment is for someone holding a seat in the body in these days."
        ),
    ])
}

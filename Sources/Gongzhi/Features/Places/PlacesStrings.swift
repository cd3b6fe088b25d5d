/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let mapTitle = Text("map.title")
    static let mapScopeAreas = Text("map.scopeAreas")
    static let mapColourBy = Text("map.colourBy")
    static let mapLayers = Text("map.layers")
    static let mapHint = Text("map.hint")
    static let actionShow = Text("action.show")
    static let layerOrganisations = Text("layer.organisations")
    static let layerMemberHouseholds = Text("layer.memberHouseholds")
    static let measureMemberHouseholds = Text("measure.memberHouseholds")
    static let gridFlagFewHouseholds = Text("gridFlag.fewHouseholds")
    static let gridFlagManyHouseholds = Text("gridFlag.manyHouseholds")
    static let gridFlagPopulationOff = Text("gridFlag.populationOff")
    static let dutyGridWorker = Text("duty.gridWorker")
    static let dutyLaneChief = Text("duty.laneChief")
    static let dutyBuildingChief = Text("duty.buildingChief")
    static let dutyBuildingGroupLeader = Text("duty.buildingGroupLeader")
    static let deptRolePolice = Text("deptRole.police")
    static let deptRoleCityManagement = Text("deptRole.cityManagement")
    static let deptRoleSafety = Text("deptRole.safety")
    static let deptRoleLegal = Text("deptRole.legal")
    static let deptRoleOther = Text("deptRole.other")
    static let gridFigures = Text("grid.figures")
    static let gridStaff = Text("grid.staff")
    static let gridDepartments = Text("grid.departments")
    static let gridContactCommunity = Text("grid.contactCommunity")
    static let gridContactCompound = Text("grid.contactCompound")
    static let gridLinks = Text("grid.links")
    static let gridBuildings = Text("grid.buildings")
    static let gridBack = Text("grid.back")
    static let householdChain = Text("household.chain")
    static let householdLookedAfterBy = Text("household.lookedAfterBy")
    static let householdLooksAfter = Text("household.looksAfter")
    static let householdResidents = Text("household.residents")
    static let householdPopulation = Text("household.population")
    static let nearbyAround = Text("nearby.around")
    static let nearbyNotShown = Text("nearby.notShown")
    static let nearbyPrivacy = Text("nearby.privacy")
    static let placesImport = Text("places.import")
    static let placesImportHint = Text("places.importHint")
    static let placesExportGrids = Text("places.exportGrids")
    static let errorGeoCodeOutOfScope = Text("error.geo.codeOutOfScope")
    static let errorGeoOverlap = Text("error.geo.overlap")
    static let errorGeoNoCode = Text("error.geo.noCode")
    static let errorGeoDuplicateCode = Text("error.geo.duplicateCode")
    static let errorGeoNoCommunity = Text("error.geo.noCommunity")
    static let errorGeoNotCommunity = Text("error.geo.notCommunity")
    static let errorContactTitle = Text("error.contact.title")
    static let errorContactTarget = Text("error.contact.target")
    static let errorGridBranch = Text("error.grid.branch")
    static let errorGridGroup = Text("error.grid.group")
    static let errorGridLeaderMember = Text("error.grid.leaderMember")
    static let errorBuildingOutside = Text("error.building.outside")
    static let errorHouseholdPopulation = Text("error.household.population")
    static let errorHouseholdRoom = Text("error.household.room")
    static let errorHouseholdMemberLivesHere = Text("error.household.memberLivesHere")
    static let errorHouseholdNotMember = Text("error.household.notMember")
    static let errorHouseholdLink = Text("error.household.link")
    static let gridEndDuty = Text("grid.endDuty")
    static let gridAssign = Text("grid.assign")
    static let gridDuty = Text("grid.duty")
    static let gridAddDepartment = Text("grid.addDepartment")
    static let errorGridDutyForm = Text("error.grid.dutyForm")
    static let layerOpenRequests = Text("layer.openRequests")
    static let markerOrg = Text("marker.org")
    static let markerUnit = Text("marker.unit")
    static let markerBuilding = Text("marker.building")
    static let markerRequest = Text("marker.request")
    static let markerMember = Text("marker.member")
    static let markerAgreements = Text("marker.agreements")
    static let layerJointBodies = Text("layer.jointBodies")
    static let mapNoGrids = Text("map.noGrids")
    static let mapContext = Text("map.context")
}

/// The interface strings of Places, in both languages.
enum PlacesStrings {
    static let table = StringTable([
        .mapTitle: ("党建地图", "Party-building map"),
        .mapScopeAreas: ("我的辖区", "My areas"),
        .mapColourBy: ("按指标着色", "Colour by"),
        .mapLayers: ("图层", "Layers"),
        .mapHint: (
            "点击区域逐级下钻；鼠标悬停（手机上长按）查看主要指标。",
            "Click an area to drill down; hover (long-press on a phone) for its key figures."
        ),
        .actionShow: ("显示", "Show"),
        .markerOrg: ("有党组织的单位", "Unit with a party organisation"),
        .markerUnit: ("单位", "Unit"),
        .markerBuilding: ("楼栋", "Building"),
        .markerRequest: ("未办结诉求", "Open request"),
        .markerMember: ("联合组织成员单位", "Joint-body member unit"),
        .markerAgreements: ("共建协议", "agreements"),
        .layerJointBodies: ("大党委成员单位和共建协议", "Joint-body members and agreements"),
        .mapNoGrids: ("这里还没有网格边界可画。", "There are no grid boundaries to draw here yet."),
        .mapContext: (
            "本组织没有自己的网格；图中是所在的{0}及本单位的位置。",
            "This organisation has no grids of its own: the map shows {0}, where it stands, and its unit."
        ),
        .layerOrganisations: ("单位和党组织", "Units and party organisations"),
        .layerMemberHouseholds: ("党员中心户", "Member households"),
        .measureMemberHouseholds: ("党员中心户", "Member households"),
        .gridFlagFewHouseholds: ("户数少于 300 户", "Fewer than 300 households"),
        .gridFlagManyHouseholds: ("户数多于 500 户", "More than 500 households"),
        .gridFlagPopulationOff: ("人口偏离约 1000 人的标准", "Population far from about 1,000"),
        .dutyGridWorker: ("网格员", "Grid worker"),
        .dutyLaneChief: ("街巷长", "Lane chief"),
        .dutyBuildingChief: ("楼长", "Building chief"),
        .dutyBuildingGroupLeader: ("楼栋党小组长", "Building group leader"),
        .deptRolePolice: ("公安", "Police"),
        .deptRoleCityManagement: ("城管", "City management"),
        .deptRoleSafety: ("安监", "Safety"),
        .deptRoleLegal: ("司法", "Legal"),
        .deptRoleOther: ("其他", "Other"),
        .gridFigures: ("网格概况", "Figures"),
        .gridStaff: ("网格服务人员", "Who serves the grid"),
        .gridDepartments: ("下沉部门", "Departments assigned"),
        .gridContactCommunity: ("包联社区", "community"),
        .gridContactCompound: ("包保小区", "compound"),
        .gridLinks: ("联系 {0} 户", "links {0} households"),
        .gridBuildings: ("楼栋", "Buildings"),
        .gridBack: ("返回网格", "Back to the grid"),
        .householdChain: ("党小组—中心户—邻里", "Group → member household → neighbours"),
        .householdLookedAfterBy: ("联系本户的党员中心户", "Member households looking after it"),
        .householdLooksAfter: ("本户联系的邻里", "Households it looks after"),
        .householdResidents: ("住户", "Residents"),
        .householdPopulation: ("{0} 人", "{0} people"),
        .nearbyAround: ("{0}及相邻网格", "{0} and the grids around it"),
        .nearbyNotShown: ("党员未同意公开姓名", "the member has not agreed to show their name"),
        .nearbyPrivacy: (
            "只显示本人同意公开的党员姓名和门牌。",
            "Names and door numbers show only for members who agreed."
        ),
        .placesImport: ("导入网格边界", "Import grid boundaries"),
        .placesImportHint: (
            """
            上传 GeoJSON FeatureCollection：每个要素为 Polygon 或 MultiPolygon，\
            属性含 code（网格编码）、community（社区组织编码），可含 name。\
            坐标默认 WGS84；声明 "coordinateSystem": "GCJ-02" 的文件会自动转换。
            """,
            """
            Upload a GeoJSON FeatureCollection: each feature a Polygon or MultiPolygon with properties code \
            (grid code) and community (the community's organisation code), and optionally name. Coordinates \
            are WGS84; a file declaring "coordinateSystem": "GCJ-02" is converted.
            """
        ),
        .placesExportGrids: ("导出本范围网格边界（GeoJSON）", "Export the grids in your scope (GeoJSON)"),
        .errorGeoCodeOutOfScope: (
            "网格编码 {0} 属于您管理范围以外的网格，请换一个编码。",
            "Grid code {0} belongs to a grid outside your scope; choose another code."
        ),
        .errorGeoOverlap: ("与网格 {0} 重叠。", "Overlaps grid {0}."),
        .errorGeoNoCode: ("缺少网格编码（code）。", "The grid code (code) is missing."),
        .errorGeoDuplicateCode: ("网格编码与第 {0} 个要素重复。", "The grid code repeats feature {0}."),
        .errorGeoNoCommunity: ("缺少所属社区（community）。", "The community (community) is missing."),
        .errorGeoNotCommunity: ("{0} 不是社区党组织。", "{0} is not a community."),
        .errorContactTitle: ("请填写领导职务。", "Give the leader's title."),
        .errorContactTarget: (
            "包联对象须为一个社区或一个小区（网格），二选一。",
            "Assign the leader to one community or one compound (grid)."
        ),
        .errorGridBranch: (
            "网格党支部须属于该网格所在社区。",
            "The grid branch must belong to the grid's community."
        ),
        .errorGridGroup: (
            "楼栋党小组须属于该网格的党支部。",
            "The building group must belong to the grid's branch."
        ),
        .errorGridLeaderMember: (
            "楼栋党小组长须为党员。",
            "A building group leader must be a party member."
        ),
        .errorBuildingOutside: ("楼栋位置不在网格边界内。", "The building's position is outside the grid."),
        .errorHouseholdPopulation: ("户内人口应为 1–30 人。", "A household has 1 to 30 people."),
        .errorHouseholdRoom: ("请填写门牌（单元、室）。", "Give the door (unit and room)."),
        .errorHouseholdMemberLivesHere: (
            "党员中心户须为在本户居住的党员。",
            "A member household needs a party member living in it."
        ),
        .errorHouseholdNotMember: (
            "只有党员中心户才能联系邻里户。",
            "Only a member household links neighbours."
        ),
        .errorHouseholdLink: ("请选择另一户。", "Choose another household."),
        .gridEndDuty: ("结束", "End"),
        .gridAssign: ("安排人员", "Assign a person"),
        .gridDuty: ("职责", "Duty"),
        .gridAddDepartment: ("安排下沉部门", "Assign a department"),
        .errorGridDutyForm: ("请选择人员和职责。", "Choose a person and a duty."),
        .layerOpenRequests: ("未办结诉求", "Open requests"),
    ])
}

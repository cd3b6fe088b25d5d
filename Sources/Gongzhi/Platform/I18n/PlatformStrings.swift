/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let appName = Text("app.name")
    static let appFooter = Text("app.footer")
    static let langSwitch = Text("lang.switch")
    static let navMain = Text("nav.main")
    static let navHome = Text("nav.home")
    static let navOrg = Text("nav.org")
    static let navPeople = Text("nav.people")
    static let navUnits = Text("nav.units")
    static let navImport = Text("nav.import")
    static let navAudit = Text("nav.audit")
    static let navAccessLog = Text("nav.accessLog")
    static let navCommunity = Text("nav.community")
    static let navGrid = Text("nav.grid")
    static let columnName = Text("column.name")
    static let columnIdNumber = Text("column.idNumber")
    static let columnPhone = Text("column.phone")
    static let columnFacets = Text("column.facets")
    static let columnOrgCode = Text("column.orgCode")
    static let columnAddress = Text("column.address")
    static let columnInService = Text("column.inService")
    static let columnEmployer = Text("column.employer")
    static let columnJoinedOn = Text("column.joinedOn")
    static let columnWorkerGrade = Text("column.workerGrade")
    static let columnKind = Text("column.kind")
    static let columnLocationCode = Text("column.locationCode")
    static let columnContactName = Text("column.contactName")
    static let columnContactPhone = Text("column.contactPhone")
    static let columnPartyOrgCode = Text("column.partyOrgCode")
    static let navAccount = Text("nav.account")
    static let navLogout = Text("nav.logout")
    static let actionSave = Text("action.save")
    static let actionCreate = Text("action.create")
    static let actionEdit = Text("action.edit")
    static let actionArchive = Text("action.archive")
    static let actionBack = Text("action.back")
    static let actionSearch = Text("action.search")
    static let actionExportCSV = Text("action.exportCSV")
    static let sectionMore = Text("section.more")
    static let commonYes = Text("common.yes")
    static let commonNo = Text("common.no")
    static let flashSaved = Text("flash.saved")
    static let flashImported = Text("flash.imported")
    static let flashSessionExpired = Text("flash.sessionExpired")
    static let homeUnitOrganizations = Text("home.unitOrganizations")
    static let orgHistory = Text("org.history")
    static let orgManage = Text("org.manage")
    static let orgArchived = Text("org.archived")
    static let fieldName = Text("field.name")
    static let fieldKind = Text("field.kind")
    static let fieldPhone = Text("field.phone")
    static let fieldAddress = Text("field.address")
    static let fieldOrg = Text("field.org")
    static let fieldOrgFind = Text("field.orgFind")
    static let importPreview = Text("import.preview")
    static let auditAny = Text("audit.any")
    static let auditCreate = Text("audit.create")
    static let auditUpdate = Text("audit.update")
    static let auditMove = Text("audit.move")
    static let auditMerge = Text("audit.merge")
    static let auditArchive = Text("audit.archive")
    static let auditRestore = Text("audit.restore")
    static let auditImportCommit = Text("audit.importCommit")
    static let auditPasswordChange = Text("audit.passwordChange")
    static let accessKindUnmaskedRead = Text("accessKind.unmaskedRead")
    static let accessKindOutOfScopeRead = Text("accessKind.outOfScopeRead")
    static let accessKindForbiddenChange = Text("accessKind.forbiddenChange")
    static let accessKindLoginFailed = Text("accessKind.loginFailed")
    static let accessKindAccountLocked = Text("accessKind.accountLocked")
    static let entityOrgNode = Text("entity.org_node")
    static let entityPerson = Text("entity.person")
    static let entityResidentUnit = Text("entity.resident_unit")
    static let entityUser = Text("entity.user")
    static let entityImportBatch = Text("entity.import_batch")
    static let kindDistrictCommittee = Text("kind.districtCommittee")
    static let kindBuildingGroup = Text("kind.buildingGroup")
    static let kindAgencyOrganization = Text("kind.agencyOrganization")
    static let kindEnterpriseOrganization = Text("kind.enterpriseOrganization")
    static let kindNonPublicOrganization = Text("kind.nonPublicOrganization")
    static let kindSocialOrganization = Text("kind.socialOrganization")
    static let kindPropertyCompanyOrganization = Text("kind.propertyCompanyOrganization")
    static let kindPublicInstitutionOrganization = Text("kind.publicInstitutionOrganization")
    static let kindMilitaryPoliceOrganization = Text("kind.militaryPoliceOrganization")
    static let facetPartyMember = Text("facet.partyMember")
    static let facetFirstSecretary = Text("facet.firstSecretary")
    static let roleResident = Text("role.resident")
    static let rolePartyMember = Text("role.partyMember")
    static let roleGridWorker = Text("role.gridWorker")
    static let roleLaneChief = Text("role.laneChief")
    static let roleBuildingChief = Text("role.buildingChief")
    static let roleBuildingGroupLeader = Text("role.buildingGroupLeader")
    static let roleCommunityWorker = Text("role.communityWorker")
    static let roleCommunitySecretary = Text("role.communitySecretary")
    static let roleStreetStaff = Text("role.streetStaff")
    static let roleCommandOperator = Text("role.commandOperator")
    static let roleUnitLiaison = Text("role.unitLiaison")
    static let roleOrgDepartmentAdmin = Text("role.orgDepartmentAdmin")
    static let roleSystemAdmin = Text("role.systemAdmin")
    static let errorTitle = Text("error.title")
    static let errorNotFound = Text("error.notFound")
    static let errorForbidden = Text("error.forbidden")
    static let errorUnauthorized = Text("error.unauthorized")
    static let errorBadRequest = Text("error.badRequest")
    static let errorInternal = Text("error.internal")
    static let errorTooLarge = Text("error.tooLarge")
    static let errorMediaType = Text("error.mediaType")
    static let errorMethod = Text("error.method")
    static let errorCsrf = Text("error.csrf")
    static let errorDuplicate = Text("error.duplicate")
    static let errorBadID = Text("error.badID")
    static let errorPage = Text("error.page")
    static let errorEnum = Text("error.enum")
    static let errorJsonEmpty = Text("error.json.empty")
    static let errorJsonMalformed = Text("error.json.malformed")
    static let errorJsonUnknownField = Text("error.json.unknownField")
    static let errorJsonField = Text("error.json.field")
    static let errorDateInvalid = Text("error.date.invalid")
    static let errorDateBefore = Text("error.date.before")
    static let errorDateAfter = Text("error.date.after")
    static let errorDateOutside = Text("error.date.outside")
    static func phase(_ p: Phase) -> Text { Text(p.labelKey) }
    static let flashApprovalRequested = Text("flash.approval.requested")
    static let fieldPersonFind = Text("field.personFind")
    static let errorListTooLong = Text("error.list.tooLong")
    static func approvalState(_ s: ApprovalState) -> Text { Text(s.labelKey) }
    static func approvalRefusal(_ r: ApprovalRules.Refusal) -> Text { Text(r.messageKey) }
    static let errorPasswordTooShort = Text("error.password.tooShort")
    static let errorPasswordTooLong = Text("error.password.tooLong")
    static let errorPasswordKinds = Text("error.password.kinds")
    static let errorNameEmpty = Text("error.name.empty")
    static let errorNameTooLong = Text("error.name.tooLong")
    static let errorKindInvalid = Text("error.kind.invalid")
    static let errorOrgRequired = Text("error.org.required")
    static let errorTreeKindNotAllowed = Text("error.tree.kindNotAllowed")
    static let errorTreeMoveIntoSubtree = Text("error.tree.moveIntoSubtree")
    static let errorTreeArchived = Text("error.tree.archived")
    static let errorTreeMergeKinds = Text("error.tree.mergeKinds")
    static let errorTreeMergeIntoSelf = Text("error.tree.mergeIntoSelf")
    static let errorTreeHasChildren = Text("error.tree.hasChildren")
    static let errorTreeHasMembers = Text("error.tree.hasMembers")
    static let errorTreeRoot = Text("error.tree.root")
    static let errorIdNumberLength = Text("error.idNumber.length")
    static let errorIdNumberCharacters = Text("error.idNumber.characters")
    static let errorIdNumberBirthDate = Text("error.idNumber.birthDate")
    static let errorIdNumberChecksum = Text("error.idNumber.checksum")
    static let errorPhoneInvalid = Text("error.phone.invalid")
    static let errorGradeLevel = Text("error.grade.level")
    static let errorGradeStep = Text("error.grade.step")
    static let errorCsvEncoding = Text("error.csv.encoding")
    static let errorCsvUnclosedQuote = Text("error.csv.unclosedQuote")
    static let errorImportEmpty = Text("error.import.empty")
    static let errorImportMissingColumns = Text("error.import.missingColumns")
    static let errorImportTooManyRows = Text("error.import.tooManyRows")
    static let errorImportDuplicateInFile = Text("error.import.duplicateInFile")
    static let errorImportNoOrg = Text("error.import.noOrg")
    static let errorImportOrgUnknown = Text("error.import.orgUnknown")
    static let errorImportOrgOutOfScope = Text("error.import.orgOutOfScope")
    static let errorImportYesNo = Text("error.import.yesNo")
    static let errorImportHasErrors = Text("error.import.hasErrors")
    static let errorImportUnknownUnitKind = Text("error.import.unknownUnitKind")
    static let navAccounts = Text("nav.accounts")
    static let navMap = Text("nav.map")
    static let homeNearby = Text("home.nearby")
    static let measureHouseholds = Text("measure.households")
    static let measurePartyMembers = Text("measure.partyMembers")
    static let measureWorkersPerThousandHouseholds = Text("measure.workersPerThousandHouseholds")
    static let gridContacts = Text("grid.contacts")
    static let nearbyNoGrid = Text("nearby.noGrid")
    static let fieldCommunity = Text("field.community")
    static let errorFormNumber = Text("error.form.number")
    static let errorFormChoice = Text("error.form.choice")
    static let errorTextControl = Text("error.text.control")
    static let errorTextBidi = Text("error.text.bidi")
    static let errorTextTooLong = Text("error.text.tooLong")
    static let errorTextRequired = Text("error.text.required")
    static let listTotal = Text("list.total")
    static let navGroupMap = Text("nav.group.map")
    static let navGroupManagement = Text("nav.group.management")
    static let navGroupServices = Text("nav.group.services")
    static let navGroupAnalysis = Text("nav.group.analysis")
    static let navGroupOffice = Text("nav.group.office")
    static let navMore = Text("nav.more")
    static let errorTextLong = Text("error.text.long")
    static let errorGeoLatlng = Text("error.geo.latlng")
    static let errorGeoRange = Text("error.geo.range")
    static let errorGeoOutside = Text("error.geo.outside")
    static let errorGeoJson = Text("error.geo.json")
    static let errorGeoType = Text("error.geo.type")
    static let errorGeoGeometryType = Text("error.geo.geometryType")
    static let errorGeoCoordinates = Text("error.geo.coordinates")
    static let errorGeoTooMany = Text("error.geo.tooMany")
    static let errorGeoTooFewPoints = Text("error.geo.tooFewPoints")
    static let accessKindDuplicateCheck = Text("accessKind.duplicateCheck")
    static let accessKindCodeGuess = Text("accessKind.codeGuess")
    static let errorCodeGuesses = Text("error.code.guesses")
    static let errorRefUnknown = Text("error.ref.unknown")
    static let errorGeoTooManyPoints = Text("error.geo.tooManyPoints")
    static let errorGeoTooManyParts = Text("error.geo.tooManyParts")
    static let errorGeoUnclosed = Text("error.geo.unclosed")
    static let errorGeoSelfIntersecting = Text("error.geo.selfIntersecting")
    static let errorGeoGap = Text("error.geo.gap")
    static let entityGrid = Text("entity.grid")
    static let entityContactAssignment = Text("entity.contact_assignment")
    static let entityGridDuty = Text("entity.grid_duty")
    static let entityGridDepartment = Text("entity.grid_department")
    static let entityBuilding = Text("entity.building")
    static let entityHousehold = Text("entity.household")
    static let entityHouseholdLink = Text("entity.household_link")
    static let errorRequestTransition = Text("error.request.transition")
    static let errorRequestTopLevel = Text("error.request.topLevel")
    static let errorRequestNoExtension = Text("error.request.noExtension")
    static let errorRequestExtensionPending = Text("error.request.extensionPending")
    static let errorRequestWording = Text("error.request.text")
    static let navTodos = Text("nav.todos")
    static let navRequests = Text("nav.requests")
    static let navMyRequests = Text("nav.myRequests")
    static let navMeetings = Text("nav.meetings")
    static let navCalendar = Text("nav.calendar")
    static let requestNew = Text("request.new")
    static let requestCategory = Text("request.category")
    static let requestWording = Text("request.text")
    static let entityApiKey = Text("entity.api_key")
    static let navFigures = Text("nav.figures")
    static let navVisits = Text("nav.visits")
    static let entityVisitPlan = Text("entity.visit_plan")
    static let errorPhotoDamaged = Text("error.photo.damaged")
    static let errorPhotoSize = Text("error.photo.size")
    static let navNotifications = Text("nav.notifications")
    static let entityCalendar = Text("entity.calendar")
    static let entityRequestCategory = Text("entity.request_category")
    static let entityVisit = Text("entity.visit")
    static let entityRequestPhoto = Text("entity.request_photo")

    /// The label of a service category (the four lists, teams, volunteers and activities share them).
    static func serviceCategory(_ category: ServiceCategory) -> Text { Text("serviceCategory.\(category.rawValue)") }
}

/// Strings the platform and several capabilities share: layouts, actions, roles, errors of shared rules.
enum PlatformStrings {
    static let table = StringTable([
        .appName: ("共治", "Gongzhi"),
        .appFooter: (
            "共治 · 党建引领基层治理平台 · 演示数据均为虚构",
            "Gongzhi · party-building-led grassroots governance · all demo data is fictional"
        ),
        .langSwitch: ("English", "中文"),
        .navMain: ("主菜单", "Main menu"),
        .navHome: ("首页", "Home"),
        .navOrg: ("组织体系", "Organisation"),
        .navPeople: ("人员", "People"),
        .navUnits: ("驻区单位", "Resident units"),
        .navImport: ("导入", "Import"),
        .navAudit: ("审计日志", "Audit log"),
        .navAccessLog: ("访问日志", "Access log"),
        .navCommunity: ("我的社区", "My community"),
        .navGrid: ("网格", "Grid"),
        .columnName: ("名称", "Name"),
        .columnIdNumber: ("身份证号", "ID number"),
        .columnPhone: ("手机号", "Mobile"),
        .columnFacets: ("人员类型", "Types"),
        .columnOrgCode: ("组织编码", "Organisation code"),
        .columnAddress: ("地址", "Address"),
        .columnInService: ("在职党员", "In service"),
        .columnEmployer: ("工作单位", "Employer"),
        .columnJoinedOn: ("入党日期", "Joined on"),
        .columnWorkerGrade: ("岗位等级", "Grade"),
        .columnKind: ("单位类型", "Kind"),
        .columnLocationCode: ("所在组织编码", "Location code"),
        .columnContactName: ("联系人", "Contact"),
        .columnContactPhone: ("联系电话", "Contact phone"),
        .columnPartyOrgCode: ("党组织编码", "Party organisation code"),
        .navAccount: ("我的", "Me"),
        .navLogout: ("退出登录", "Sign out"),
        .actionSave: ("保存", "Save"),
        .actionCreate: ("新建", "Create"),
        .actionEdit: ("编辑", "Edit"),
        .actionArchive: ("归档", "Archive"),
        .actionBack: ("返回", "Back"),
        .actionSearch: ("搜索", "Search"),
        .actionExportCSV: ("导出 CSV", "Export CSV"),
        .sectionMore: ("查看全部", "See all"),
        .commonYes: ("是", "Yes"),
        .commonNo: ("否", "No"),
        .flashSaved: ("已保存。", "Saved."),
        .flashImported: ("导入完成。", "Import complete."),
        .flashSessionExpired: (
            "30 分钟未操作，请重新登录。",
            "You were idle for 30 minutes; please sign in again."
        ),
        .homeUnitOrganizations: ("单位党组织", "Unit party organisations"),
        .orgHistory: ("变更历史", "History"),
        .orgManage: ("管理", "Manage"),
        .orgArchived: ("已归档", "Archived"),
        .fieldName: ("名称/姓名", "Name"),
        .fieldKind: ("类型", "Kind"),
        .fieldPhone: ("手机号", "Mobile"),
        .fieldAddress: ("住址", "Address"),
        .fieldOrg: ("所属组织", "Organisation"),
        .fieldOrgFind: ("查找组织", "Find an organisation"),
        .importPreview: ("预览", "Preview"),
        .auditAny: ("全部", "Any"),
        .auditCreate: ("新建", "Created"),
        .auditUpdate: ("修改", "Changed"),
        .auditMove: ("移动", "Moved"),
        .auditMerge: ("合并", "Merged"),
        .auditArchive: ("归档", "Archived"),
        .auditRestore: ("恢复", "Restored"),
        .auditImportCommit: ("批量导入", "Imported"),
        .auditPasswordChange: ("修改密码", "Password changed"),
        .accessKindUnmaskedRead: ("查看完整个人信息", "Read personal data in full"),
        .accessKindOutOfScopeRead: ("越权查看（已拒绝）", "Read outside scope (refused)"),
        .accessKindForbiddenChange: ("越权修改（已拒绝）", "Change refused"),
        .accessKindLoginFailed: ("登录失败", "Failed sign-in"),
        .accessKindAccountLocked: ("账号锁定", "Account locked"),
        .entityOrgNode: ("组织", "Organisation"),
        .entityPerson: ("人员", "Person"),
        .entityResidentUnit: ("驻区单位", "Resident unit"),
        .entityUser: ("账号", "Account"),
        .entityImportBatch: ("导入批次", "Import"),
        .kindDistrictCommittee: ("区委", "District committee"),
        .kindBuildingGroup: ("楼栋党小组", "Building group"),
        .kindAgencyOrganization: ("机关党组织", "Agency party organisation"),
        .kindEnterpriseOrganization: ("国有企业党组织", "State enterprise party organisation"),
        .kindNonPublicOrganization: ("非公企业党组织", "Non-public firm party organisation"),
        .kindSocialOrganization: ("社会组织党组织", "Social organisation party organisation"),
        .kindPropertyCompanyOrganization: ("物业企业党组织", "Property company party organisation"),
        .kindPublicInstitutionOrganization: ("事业单位党组织", "Public institution party organisation"),
        .kindMilitaryPoliceOrganization: ("驻区部队、公安党组织", "Military or police party organisation"),
        .facetPartyMember: ("党员", "Party member"),
        .facetFirstSecretary: ("第一书记", "First secretary"),
        .roleResident: ("居民", "Resident"),
        .rolePartyMember: ("党员", "Party member"),
        .roleGridWorker: ("网格员", "Grid worker"),
        .roleLaneChief: ("街巷长", "Lane chief"),
        .roleBuildingChief: ("楼长", "Building chief"),
        .roleBuildingGroupLeader: ("楼栋党小组长", "Building group leader"),
        .roleCommunityWorker: ("社区工作者", "Community worker"),
        .roleCommunitySecretary: ("社区书记", "Community secretary"),
        .roleStreetStaff: ("街道工作人员", "Street staff"),
        .roleCommandOperator: ("指挥中心值班员", "Command-centre operator"),
        .roleUnitLiaison: ("单位联络员", "Unit liaison"),
        .roleOrgDepartmentAdmin: ("区委组织部管理员", "Organisation department administrator"),
        .roleSystemAdmin: ("系统管理员", "System administrator"),
        .errorTitle: ("出错了", "Something is wrong"),
        .errorNotFound: ("找不到这条记录，或您无权查看。", "Not found, or not yours to see."),
        .errorForbidden: ("您无权进行此操作。", "You may not do this."),
        .errorUnauthorized: ("请先登录。", "Please sign in first."),
        .errorBadRequest: ("请求无效。", "The request is not valid."),
        .errorInternal: (
            "服务器内部错误，已记录，请稍后再试。",
            "Something went wrong on our side; it has been logged. Please try again later."
        ),
        .errorTooLarge: ("提交的内容太大。", "What you sent is too large."),
        .errorMediaType: ("请以 JSON（application/json）提交。", "Send JSON (application/json)."),
        .errorMethod: ("不支持此请求方式。", "This method is not allowed here."),
        .errorCsrf: ("页面已过期，请刷新后重试。", "This page has expired; reload it and try again."),
        .errorDuplicate: ("与已有记录重复。", "This duplicates an existing record."),
        .errorBadID: ("编号“{0}”无效。", "“{0}” is not a valid ID."),
        .errorPage: ("页码“{0}”无效。", "“{0}” is not a valid page number."),
        .errorEnum: ("{0} 的取值“{1}”无效。", "“{1}” is not a valid value for {0}."),
        .errorJsonEmpty: ("请求体为空。", "The request body is empty."),
        .errorJsonMalformed: ("请求体不是有效的 JSON 对象。", "The body is not a valid JSON object."),
        .errorJsonUnknownField: ("不认识的字段：{0}", "Unknown fields: {0}"),
        .errorJsonField: ("字段 {0} 缺失或取值无效。", "Field {0} is missing or has an invalid value."),
        .errorDateInvalid: ("日期无效，请写成 2021-07-01。", "Not a valid date; write it as 2021-07-01."),
        .errorDateBefore: ("日期不能早于 {0}。", "The date cannot be before {0}."),
        .errorDateAfter: ("日期不能晚于 {0}。", "The date cannot be after {0}."),
        .errorDateOutside: ("日期须在 {0} 至 {1} 之间。", "The date must fall between {0} and {1}."),
        .flashApprovalRequested: (
            "已提交，等待审批人同意后计入。", "Submitted; it counts once the approver agrees."
        ),
        .approvalState(.pending): ("待审批", "Waiting"),
        .approvalState(.approved): ("已同意", "Approved"),
        .approvalState(.refused): ("已驳回", "Refused"),
        .approvalRefusal(.selfApproval): (
            "审批人不能是录入人本人。", "The approver cannot be the one recording."
        ),
        .approvalRefusal(.beneficiary): (
            "审批人不能是受益人本人。", "The approver cannot be the person who benefits."
        ),
        .approvalRefusal(.notApprover): (
            "只有指定的审批人可以审批。", "Only the named approver may decide."
        ),
        .approvalRefusal(.decided): ("该事项已审批。", "This has been decided already."),
        .approvalRefusal(.reasonRequired): ("驳回须写明理由。", "A refusal needs a reason."),
        .fieldPersonFind: ("按姓名查找", "Find by name"),
        .errorListTooLong: (
            "超过 {0} 条，请缩小筛选范围后再导出。",
            "More than {0} rows: narrow the filter and export again."
        ),
        .phase(.upcoming): ("未开始", "Not started"),
        .phase(.underway): ("进行中", "Under way"),
        .phase(.ended): ("已结束", "Ended"),
        .errorPasswordTooShort: ("密码至少需要 8 位。", "The password needs at least 8 characters."),
        .errorPasswordTooLong: ("密码不能超过 72 个字节。", "The password may not exceed 72 bytes."),
        .errorPasswordKinds: (
            "密码需包含大写字母、小写字母、数字、符号中的至少三类。",
            "The password needs at least three of: upper case, lower case, digits, symbols."
        ),
        .errorNameEmpty: ("名称不能为空。", "The name may not be empty."),
        .errorNameTooLong: ("名称太长。", "The name is too long."),
        .errorKindInvalid: ("请选择有效的类型。", "Choose a valid kind."),
        .errorOrgRequired: ("请选择所属组织。", "Choose the organisation."),
        .errorTreeKindNotAllowed: (
            "该类型的组织不能放在所选上级之下。",
            "This kind of organisation cannot be placed under the chosen parent."
        ),
        .errorTreeMoveIntoSubtree: (
            "不能移动到自己或自己的下级之下。",
            "A node cannot be moved under itself or its own sub-organisations."
        ),
        .errorTreeArchived: (
            "该组织已归档，不能再修改。",
            "This organisation is archived and cannot be changed."
        ),
        .errorTreeMergeKinds: (
            "只能合并同一类型的组织。",
            "Only organisations of the same kind can be merged."
        ),
        .errorTreeMergeIntoSelf: (
            "不能合并到自己或自己的下级。",
            "A node cannot be merged into itself or its own sub-organisations."
        ),
        .errorTreeHasChildren: (
            "还有下级组织，请先移动或合并。",
            "It still has sub-organisations; move or merge them first."
        ),
        .errorTreeHasMembers: ("还有人员，请先转移。", "It still has people; move them first."),
        .errorTreeRoot: (
            "区委是组织树的根，不能移动、合并或归档。",
            "The district committee is the root and cannot be moved, merged or archived."
        ),
        .errorIdNumberLength: ("身份证号应为 18 位。", "An ID number has 18 characters."),
        .errorIdNumberCharacters: (
            "身份证号前 17 位应为数字，最后一位为数字或 X。",
            "An ID number is 17 digits and a digit or X."
        ),
        .errorIdNumberBirthDate: (
            "身份证号中的出生日期无效。",
            "The date of birth in the ID number is not valid."
        ),
        .errorIdNumberChecksum: (
            "身份证号校验位不正确，请核对。",
            "The ID number's check character is wrong; please check it."
        ),
        .errorPhoneInvalid: (
            "手机号应为 11 位，以 13–19 开头。",
            "A mobile number has 11 digits and starts with 13–19."
        ),
        .errorGradeLevel: ("岗位等级应为一级至四级。", "The level must be 1 to 4."),
        .errorGradeStep: ("档次应为一档至三档。", "The step must be 1 to 3."),
        .errorCsvEncoding: (
            "无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV。",
            "The file's encoding is not recognised; save it as UTF-8 or GBK CSV."
        ),
        .errorCsvUnclosedQuote: ("CSV 中有未闭合的引号。", "The CSV has an unclosed quote."),
        .errorImportEmpty: ("文件为空，或只有表头。", "The file is empty or has only a header."),
        .errorImportMissingColumns: ("缺少必需的列：{0}。", "Required columns are missing: {0}."),
        .errorImportTooManyRows: ("一次最多导入 20000 行。", "At most 20,000 rows can be imported at once."),
        .errorImportDuplicateInFile: ("身份证号与第 {0} 行重复。", "The ID number repeats line {0}."),
        .errorImportNoOrg: ("请填写组织编码。", "The organisation code is missing."),
        .errorImportOrgUnknown: ("组织编码 {0} 不存在。", "There is no organisation with code {0}."),
        .errorImportOrgOutOfScope: (
            "该组织不在您的管理范围内。",
            "This organisation is outside your scope."
        ),
        .errorImportYesNo: ("请填写“是”或“否”。", "Write 是 or 否 (yes or no)."),
        .errorImportHasErrors: (
            "有 {0} 行存在问题，没有导入任何数据。",
            "{0} rows have problems; nothing was imported."
        ),
        .errorImportUnknownUnitKind: (
            """
            单位类型应为：机关、国有企业、非公企业、学校、医院、物业企业、公安、驻\
            军、社会组织、职能部门、志愿服务队。
            """,
            """
            Unit kind must be one of 机关, 国有企业, 非公企业, 学校, 医院, 物业企业, 公安, 驻军, \
            社会组织, 职能部门, 志愿服务队.
            """
        ),
        .navAccounts: ("账号管理", "Accounts"),
        .navMap: ("党建地图", "Party-building map"),
        .homeNearby: ("身边党员", "Party members near me"),
        .measureHouseholds: ("户数", "Households"),
        .measurePartyMembers: ("住户中的党员", "Members living in its households"),
        .measureWorkersPerThousandHouseholds: ("每千户网格员", "Grid workers per 1,000 households"),
        .gridContacts: ("包联领导", "Contact leaders"),
        .nearbyNoGrid: (
            "您的账号还没有关联到网格内的住户。",
            "Your account is not linked to a household in a grid yet."
        ),
        .fieldCommunity: ("社区", "Community"),
        .errorFormNumber: ("请填写 {0} 到 {1} 之间的整数。", "Enter a whole number from {0} to {1}."),
        .errorFormChoice: ("所选的一项无效，请重新选择。", "That choice is not valid: choose again."),
        .errorTextControl: (
            "含有不可见的控制字符，请删去后重新填写（换行和制表符可以保留）。",
            "Contains invisible control characters: remove them and try again (line breaks and tabs may stay)."
        ),
        .errorTextBidi: (
            "含有改变文字方向的隐藏字符，请删去后重新填写。",
            "Contains hidden characters that change the direction of the text: remove them and try again."
        ),
        .errorTextTooLong: (
            "内容过长：每一项最多 20000 字。", "Too long: at most 20,000 characters a field."
        ),
        .errorTextRequired: ("请填写这一项。", "Fill this in."),
        .listTotal: ("共 {0} 条 · 第 {1} / {2} 页", "{0} in all · page {1} of {2}"),
        .navGroupMap: ("党建地图", "Party-building map"),
        .navGroupManagement: ("智慧管理", "Management"),
        .navGroupServices: ("智慧服务", "Services"),
        .navGroupAnalysis: ("智慧研判", "Analysis"),
        .navGroupOffice: ("智慧办公", "Office"),
        .navMore: ("更多", "More"),
        .errorTextLong: ("最多 {0} 个字。", "At most {0} characters."),
        .errorGeoLatlng: ("请提供数字形式的 lat 和 lng 参数。", "Give lat and lng as numbers."),
        .errorGeoRange: (
            "坐标超出范围（纬度 -90~90，经度 -180~180）。",
            "A coordinate is out of range (latitude -90 to 90, longitude -180 to 180)."
        ),
        .errorGeoOutside: (
            "该位置不在本区任何网格内，也不在网格附近。",
            "This place is not in or near any grid of the district."
        ),
        .errorGeoJson: ("文件不是有效的 JSON。", "The file is not valid JSON."),
        .errorGeoType: (
            "文件应为 GeoJSON FeatureCollection 或 Feature。",
            "The file must be a GeoJSON FeatureCollection or Feature."
        ),
        .errorGeoGeometryType: (
            "第 {0} 个要素的几何类型是 {1}，只接受 Polygon 或 MultiPolygon。",
            "Feature {0} is a {1}; only Polygon and MultiPolygon are accepted."
        ),
        .errorGeoCoordinates: (
            "第 {0} 个要素的坐标格式不正确。",
            "Feature {0} has malformed coordinates."
        ),
        .errorGeoTooMany: ("一次最多导入 {0} 个要素。", "At most {0} features can be imported at once."),
        .errorGeoTooFewPoints: (
            "第 {0} 个环的点数太少（至少 4 个点，首尾相同）。",
            "Ring {0} has too few points (at least 4, first and last equal)."
        ),
        .accessKindDuplicateCheck: ("身份证号查重（掩码）", "Duplicate check of a masked ID number"),
        .accessKindCodeGuess: ("输入的码无效", "A code that matched nothing"),
        .errorCodeGuesses: (
            "输错的次数太多，请 15 分钟后再试，或向工作人员核对。",
            "Too many wrong codes: try again in 15 minutes, or check the code with the staff."
        ),
        .errorRefUnknown: (
            "记录不存在或不在您的管理范围内，请核对编号。",
            "No such record within your reach; check the id."
        ),
        .errorGeoTooManyPoints: (
            "第 {0} 个环超过 {1} 个点，请简化边界。",
            "Ring {0} has more than {1} points; simplify the outline."
        ),
        .errorGeoTooManyParts: (
            "一个边界最多 {0} 个环（各部分与洞合计）。",
            "A boundary may have at most {0} rings (parts and holes together)."
        ),
        .errorGeoUnclosed: (
            "第 {0} 个环没有闭合（首尾坐标不同）。",
            "Ring {0} is not closed (first and last points differ)."
        ),
        .errorGeoSelfIntersecting: ("第 {0} 个环自相交。", "Ring {0} crosses itself."),
        .errorGeoGap: (
            "网格之间有约 {0} 平方米的空隙（约在 {1}, {2}）。",
            "A gap of about {0} m² lies between the grids (near {1}, {2})."
        ),
        .entityGrid: ("网格", "Grid"),
        .entityContactAssignment: ("包联", "Contact assignment"),
        .entityGridDuty: ("网格职责", "Grid duty"),
        .entityGridDepartment: ("下沉部门", "Grid department"),
        .entityBuilding: ("楼栋", "Building"),
        .entityHousehold: ("住户", "Household"),
        .entityHouseholdLink: ("中心户联系户", "Member household link"),
        .errorRequestTransition: (
            "当前状态“{1}”下不能执行“{0}”。",
            "“{0}” is not possible while the request is “{1}”."
        ),
        .errorRequestTopLevel: (
            "已上报到区，不能再上报。",
            "It is already with the district; there is no higher level."
        ),
        .errorRequestNoExtension: ("没有待审批的延期申请。", "There is no extension request to decide."),
        .errorRequestExtensionPending: (
            "已有延期申请等待审批。",
            "An extension request is already waiting."
        ),
        .errorRequestWording: ("请描述您的诉求。", "Describe what you need."),
        .navTodos: ("待办", "To-dos"),
        .navRequests: ("居民诉求", "Requests"),
        .navMyRequests: ("我的诉求", "My requests"),
        .navMeetings: ("联席会议", "Joint meetings"),
        .navCalendar: ("工作日历", "Working calendar"),
        .requestNew: ("我有需要", "I need help"),
        .requestCategory: ("类别", "Category"),
        .requestWording: ("描述", "Description"),
        .entityApiKey: ("接口密钥", "API key"),
        .navFigures: ("诉求统计", "Request figures"),
        .navVisits: ("驻点走访", "Household visits"),
        .entityVisitPlan: ("走访计划", "Visit plan"),
        .errorPhotoDamaged: ("照片文件已损坏。", "The photo file is damaged."),
        .errorPhotoSize: ("每张照片不能超过 {0} MB。", "Each photo may be at most {0} MB."),
        .navNotifications: ("通知", "Notifications"),
        .entityCalendar: ("工作日历", "Working calendar"),
        .entityRequestCategory: ("诉求类别", "Request category"),
        .entityVisit: ("走访记录", "Visit"),
        .entityRequestPhoto: ("诉求照片", "Request photo"),
        .errorQueryValue: ("参数 {0} 的值“{1}”无效。", "“{1}” is not a valid value for {0}."),
        .serviceCategory(.elderlyCare): ("助老", "Elderly care"),
        .serviceCategory(.children): ("儿童关爱", "Children"),
        .serviceCategory(.disability): ("助残", "Disability support"),
        .serviceCategory(.health): ("医疗健康", "Health"),
        .serviceCategory(.legal): ("法律服务", "Legal advice"),
        .serviceCategory(.employment): ("就业帮扶", "Employment"),
        .serviceCategory(.repairs): ("维修服务", "Repairs"),
        .serviceCategory(.environment): ("环境卫生", "Environment and cleaning"),
        .serviceCategory(.cultureSports): ("文体活动", "Culture and sports"),
        .serviceCategory(.counselling): ("心理疏导", "Counselling"),
        .serviceCategory(.safety): ("平安应急", "Safety and emergencies"),
        .serviceCategory(.venue): ("场地", "Venues"),
        .serviceCategory(.goods): ("物资资金", "Goods and funds"),
        .serviceCategory(.other): ("其他", "Other"),
    ])
}

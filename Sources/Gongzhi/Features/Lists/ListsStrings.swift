/// The four lists' and action projects' interface strings.
extension Text {
    static let errorListsRateOpen = Text("error.lists.rateOpen")
    static let errorListsRated = Text("error.lists.rated")
    static let listsResidentRatings = Text("lists.residentRatings")
    static let listsMyRating = Text("lists.myRating")
    static let listsRateHint = Text("lists.rateHint")
    static let listsRate = Text("lists.rate")
    static let listsToRate = Text("lists.toRate")
    static let errorListsBeneficiaries = Text("error.lists.beneficiaries")
    static let errorListsBeyondCapacity = Text("error.lists.beyondCapacity")
    static let errorListsBeyondNeed = Text("error.lists.beyondNeed")
    static let errorListsBudget = Text("error.lists.budget")
    static let errorListsCapacity = Text("error.lists.capacity")
    static let errorListsCategory = Text("error.lists.category")
    static let errorListsCategoryMismatch = Text("error.lists.categoryMismatch")
    static let errorListsClaimWho = Text("error.lists.claimWho")
    static let errorListsClosed = Text("error.lists.closed")
    static let errorListsCommunityRequired = Text("error.lists.communityRequired")
    static let errorListsEvidence = Text("error.lists.evidence")
    static let errorListsFuture = Text("error.lists.future")
    static let errorListsGridCommunity = Text("error.lists.gridCommunity")
    static let errorListsMilestoneDone = Text("error.lists.milestoneDone")
    static let errorListsMilestonesOpen = Text("error.lists.milestonesOpen")
    static let errorListsNoHome = Text("error.lists.noHome")
    static let errorListsNotCommunity = Text("error.lists.notCommunity")
    static let errorListsOrigin = Text("error.lists.origin")
    static let errorListsOriginID = Text("error.lists.originID")
    static let errorListsOriginKind = Text("error.lists.originKind")
    static let errorListsOriginTwice = Text("error.lists.originTwice")
    static let errorListsPoint = Text("error.lists.point")
    static let errorListsProjectOver = Text("error.lists.projectOver")
    static let errorListsQuantity = Text("error.lists.quantity")
    static let errorListsRating = Text("error.lists.rating")
    static let errorListsReach = Text("error.lists.reach")
    static let errorListsState = Text("error.lists.state")
    static let errorListsTooMany = Text("error.lists.tooMany")
    static let errorListsTransition = Text("error.lists.transition")
    static let errorListsUnitRequired = Text("error.lists.unitRequired")
    static let errorListsWindow = Text("error.lists.window")
    static let errorListsWithdrawn = Text("error.lists.withdrawn")
    static let homeListsDeskHint = Text("home.lists.deskHint")
    static let homeListsHint = Text("home.lists.hint")
    static let navLists = Text("nav.lists")
    static let navListsPhone = Text("nav.listsPhone")
    static let listsAddMilestone = Text("lists.addMilestone")
    static let listsAddNote = Text("lists.addNote")
    static let listsAddress = Text("lists.address")
    static let listsAlertNeed = Text("lists.alertNeed")
    static let listsAlertResource = Text("lists.alertResource")
    static let listsAny = Text("lists.any")
    static let listsAvailableFrom = Text("lists.availableFrom")
    static let listsAvailableUntil = Text("lists.availableUntil")
    static let listsBeneficiaries = Text("lists.beneficiaries")
    static let listsBudget = Text("lists.budget")
    static let listsBuiltFrom = Text("lists.builtFrom")
    static let listsCancel = Text("lists.cancel")
    static let listsCancelWhy = Text("lists.cancelWhy")
    static let listsCapacity = Text("lists.capacity")
    static let listsCategory = Text("lists.category")
    static let listsClaim = Text("lists.claim")
    static let listsClaimBy = Text("lists.claimBy")
    static let listsClaimForUnit = Text("lists.claimForUnit")
    static let listsClaimed = Text("lists.claimed")
    static let listsClaimedFigure = Text("lists.claimedFigure")
    static let listsClaimedOf = Text("lists.claimedOf")
    static let listsClaimedOn = Text("lists.claimedOn")
    static let listsClaims = Text("lists.claims")
    static let listsClose = Text("lists.close")
    static let listsCloseNote = Text("lists.closeNote")
    static let listsCloseProject = Text("lists.closeProject")
    static let listsClosedOn = Text("lists.closedOn")
    static let listsClosure = Text("lists.closure")
    static let listsCommunity = Text("lists.community")
    static let listsCommunityNeeds = Text("lists.communityNeeds")
    static let listsConditions = Text("lists.conditions")
    static let listsContact = Text("lists.contact")
    static let listsContactPhone = Text("lists.contactPhone")
    static let listsDoneOn = Text("lists.doneOn")
    static let listsDue = Text("lists.due")
    static let listsEvidence = Text("lists.evidence")
    static let listsFree = Text("lists.free")
    static let listsGroups = Text("lists.groups")
    static let listsHours = Text("lists.hours")
    static let listsIntro = Text("lists.intro")
    static let listsKind = Text("lists.kind")
    static let listsMarkDone = Text("lists.markDone")
    static let listsMatch = Text("lists.match")
    static let listsMilestones = Text("lists.milestones")
    static let listsMine = Text("lists.mine")
    static let listsMyOffers = Text("lists.myOffers")
    static let listsNeededFrom = Text("lists.neededFrom")
    static let listsNeededUntil = Text("lists.neededUntil")
    static let listsNeeds = Text("lists.needs")
    static let listsNewItem = Text("lists.newItem")
    static let listsNewProject = Text("lists.newProject")
    static let listsNoSuggestions = Text("lists.noSuggestions")
    static let listsNoneYet = Text("lists.noneYet")
    static let listsNote = Text("lists.note")
    static let listsOffer = Text("lists.offer")
    static let listsOfferedBy = Text("lists.offeredBy")
    static let listsOfferedTo = Text("lists.offeredTo")
    static let listsOfferer = Text("lists.offerer")
    static let listsOpenProject = Text("lists.openProject")
    static let listsOrigin = Text("lists.origin")
    static let listsOriginID = Text("lists.originID")
    static let listsFromRequest = Text("lists.fromRequest")
    static let listsFromRequestHint = Text("lists.fromRequestHint")
    static let listsFromRequestDone = Text("lists.fromRequestDone")
    static let listsOwner = Text("lists.owner")
    static let listsPartners = Text("lists.partners")
    static let listsPhotos = Text("lists.photos")
    static let listsPostNeed = Text("lists.postNeed")
    static let listsProgress = Text("lists.progress")
    static let listsProjects = Text("lists.projects")
    static let listsProjectsIntro = Text("lists.projectsIntro")
    static let listsPublic = Text("lists.public")
    static let listsQuantity = Text("lists.quantity")
    static let listsRaise = Text("lists.raise")
    static let listsRaisedOn = Text("lists.raisedOn")
    static let listsRating = Text("lists.rating")
    static let listsRatingNote = Text("lists.ratingNote")
    static let listsReasonCategory = Text("lists.reasonCategory")
    static let listsReasonCoversAll = Text("lists.reasonCoversAll")
    static let listsReasonCoversPart = Text("lists.reasonCoversPart")
    static let listsReasonDistance = Text("lists.reasonDistance")
    static let listsReasonSameCommunity = Text("lists.reasonSameCommunity")
    static let listsReasonSameGrid = Text("lists.reasonSameGrid")
    static let listsReasonWindow = Text("lists.reasonWindow")
    static let listsResources = Text("lists.resources")
    static let listsSearch = Text("lists.search")
    static let listsServed = Text("lists.served")
    static let listsStart = Text("lists.start")
    static let listsStartedOn = Text("lists.startedOn")
    static let listsState = Text("lists.state")
    static let listsStatus = Text("lists.status")
    static let listsStatusRule = Text("lists.statusRule")
    static let listsSuggestionRule = Text("lists.suggestionRule")
    static let listsSuggestions = Text("lists.suggestions")
    static let listsDetails = Text("lists.text")
    static let listsTitle = Text("lists.title")
    static let listsUnit = Text("lists.unit")
    static let listsWindow = Text("lists.window")
    static let listsWithdraw = Text("lists.withdraw")
    static let listsWithdrawOffer = Text("lists.withdrawOffer")
    static let listsWithdrawn = Text("lists.withdrawn")
    static let listsWithdrawnOn = Text("lists.withdrawnOn")
    static let listKindNeed = Text("listKind.need")
    static let listKindProblem = Text("listKind.problem")
    static let needStatusOpen = Text("needStatus.open")
    static let needStatusPartlyMet = Text("needStatus.partlyMet")
    static let needStatusMet = Text("needStatus.met")
    static let needStatusClosed = Text("needStatus.closed")
    static let listOriginPhone = Text("listOrigin.phone")
    static let listOriginRequest = Text("listOrigin.request")
    static let listOriginVisit = Text("listOrigin.visit")
    static let listOriginMeeting = Text("listOrigin.meeting")
    static let listOriginStaff = Text("listOrigin.staff")
    static let offererUnit = Text("offerer.unit")
    static let offererMember = Text("offerer.member")
    static let offererTeam = Text("offerer.team")
    static let offererDepartment = Text("offerer.department")
    static let offererCommunity = Text("offerer.community")
    static let projectStateProposed = Text("projectState.proposed")
    static let projectStateUnderway = Text("projectState.underway")
    static let projectStateClosed = Text("projectState.closed")
    static let projectStateCancelled = Text("projectState.cancelled")
    static let beneficiaryElders = Text("beneficiary.elders")
    static let beneficiaryChildren = Text("beneficiary.children")
    static let beneficiaryDisabled = Text("beneficiary.disabled")
    static let beneficiaryLowIncome = Text("beneficiary.lowIncome")
    static let beneficiaryVeterans = Text("beneficiary.veterans")
    static let beneficiaryResidents = Text("beneficiary.residents")
    static let entityListItem = Text("entity.list_item")
    static let entityListResource = Text("entity.list_resource")
    static let entityListClaim = Text("entity.list_claim")
    static let entityActionProject = Text("entity.action_project")
    static let listsTeam = Text("lists.team")
    static let listsResource = Text("lists.resource")
}

enum ListsStrings {
    static let table = StringTable([
        .errorListsRateOpen: ("项目办结后才能评价。", "A project is rated once it is closed."),
        .errorListsRated: ("你已评价过这个项目。", "You have rated this project already."),
        .listsResidentRatings: (
            "居民评价 {0} 条，平均 {1} 星", "{0} residents' ratings, {1} stars on average"
        ),
        .listsMyRating: ("我的评价：{0} 星", "My rating: {0} stars"),
        .listsRateHint: (
            "这个项目为你提出的需求而办，已经办结。请评价。",
            "This project served a need you raised and is closed. Please rate it."
        ),
        .listsRate: ("提交评价", "Rate"),
        .listsToRate: ("你的需求已办结，请评价", "Your need was met: rate the project"),
        .errorListsBeneficiaries: (
            "人数须在 0 到 1,000,000 之间。",
            "The number of people must be between 0 and 1,000,000."
        ),
        .errorListsBeyondCapacity: (
            "该资源只剩 {0} 的余量，认领不能超过。",
            "This resource has only {0} left; the claim cannot exceed it."
        ),
        .errorListsBeyondNeed: (
            "该事项只剩 {0} 未满足，认领不能超过所需。",
            "Only {0} of this item is still open; a claim cannot exceed what is needed."
        ),
        .errorListsBudget: (
            "预算须在 0 到 100,000,000 元之间。",
            "The budget must be between 0 and 100,000,000 yuan."
        ),
        .errorListsCapacity: ("容量须在 1 到 {0} 之间。", "The capacity must be between 1 and {0}."),
        .errorListsCategory: ("请选择服务类别。", "Choose a service category."),
        .errorListsCategoryMismatch: (
            "资源的类别与该事项不同。",
            "The resource is of another category than the item."
        ),
        .errorListsClaimWho: (
            "请只指定一项：资源、服务团队或单位。",
            "Name exactly one of a resource, a service team or a unit."
        ),
        .errorListsClosed: ("该事项已关闭。", "This item is closed."),
        .errorListsCommunityRequired: ("请选择社区。", "Choose a community."),
        .errorListsEvidence: ("结项须附佐证材料说明。", "Closing needs evidence."),
        .errorListsFuture: ("日期不能晚于今天。", "The day cannot be after today."),
        .errorListsGridCommunity: ("该网格不属于所选社区。", "The grid is not in the chosen community."),
        .errorListsMilestoneDone: ("该节点已完成。", "This milestone is already done."),
        .errorListsMilestonesOpen: (
            "还有 {0} 个节点未完成，不能结项。",
            "{0} milestones are still open; the project cannot close."
        ),
        .errorListsNoHome: (
            "找不到您所在的社区，请联系社区工作人员。",
            "Your community could not be found; please ask the community staff."
        ),
        .errorListsNotCommunity: (
            "请选择社区（或街道）党组织。",
            "Choose a community (or street) organisation."
        ),
        .errorListsOrigin: ("您不能以这种来源登记事项。", "You cannot record an item from this origin."),
        .errorListsOriginID: ("请填写来源的编号。", "Give the number of the origin."),
        .errorListsOriginKind: (
            "只有“求助”类诉求可以转入需求清单。",
            "Only requests of the kind \"help\" can become needs."
        ),
        .errorListsOriginTwice: (
            "该来源已转为清单事项「{0}」。",
            "This origin is already the list item \"{0}\"."
        ),
        .errorListsPoint: (
            "位置须是有效的经纬度。",
            "The location must be a valid latitude and longitude."
        ),
        .errorListsProjectOver: ("项目已结束，不能再修改。", "The project is over and cannot change."),
        .errorListsQuantity: ("数量须在 1 到 {0} 之间。", "The quantity must be between 1 and {0}."),
        .errorListsRating: ("评价须为 1 到 5 星。", "The rating must be 1 to 5 stars."),
        .errorListsReach: ("该资源不面向这个社区。", "This resource is not offered to this community."),
        .errorListsState: ("请选择项目状态。", "Choose the project state."),
        .errorListsTooMany: ("数量太多。", "Too many."),
        .errorListsTransition: (
            "项目不能从当前状态转到该状态。",
            "The project cannot move to that state from where it is."
        ),
        .errorListsUnitRequired: ("请选择单位。", "Choose a unit."),
        .errorListsWindow: ("结束日期不能早于开始日期。", "The end cannot be before the start."),
        .errorListsWithdrawn: ("已撤回。", "Already withdrawn."),
        .homeListsDeskHint: ("尚无人认领的需求和问题", "Needs and problems nobody has claimed yet"),
        .homeListsHint: (
            "发布需求，看看社区里谁能帮忙",
            "Post a need and see who in the community can help"
        ),
        .navLists: ("四个清单", "Four lists"),
        .navListsPhone: ("需求清单", "Needs list"),
        .listsAddMilestone: ("添加节点", "Add milestone"),
        .listsAddNote: ("记录进展", "Add progress note"),
        .listsAddress: ("地点", "Place"),
        .listsAlertNeed: (
            "新的需求与您提供的资源「{0}」相符",
            "A new need fits your resource \"{0}\""
        ),
        .listsAlertResource: (
            "新资源「{0}」可能满足您的需求",
            "The new resource \"{0}\" may meet your need"
        ),
        .listsAny: ("全部", "All"),
        .listsAvailableFrom: ("可用起始日", "Available from"),
        .listsAvailableUntil: ("可用截止日", "Available until"),
        .listsBeneficiaries: ("受益人数", "Beneficiaries"),
        .listsBudget: ("预算（元）", "Budget (yuan)"),
        .listsBuiltFrom: ("项目来源", "Built from"),
        .listsCancel: ("撤销项目", "Cancel project"),
        .listsCancelWhy: ("撤销原因", "Why cancelled"),
        .listsCapacity: ("可提供数量", "Capacity"),
        .listsCategory: ("类别", "Category"),
        .listsClaim: ("认领", "Claim"),
        .listsClaimBy: ("认领方", "Claimed by"),
        .listsClaimForUnit: ("以本单位认领", "Claim for the unit"),
        .listsClaimed: ("已认领", "Claimed"),
        .listsClaimedFigure: ("已认领 {0} / 需要 {1}", "{0} of {1} claimed"),
        .listsClaimedOf: ("已认领/需要", "Claimed / needed"),
        .listsClaimedOn: ("认领日期", "Claimed on"),
        .listsClaims: ("认领与对接", "Claims and matches"),
        .listsClose: ("关闭事项", "Close item"),
        .listsCloseNote: ("关闭说明", "Why it is closed"),
        .listsCloseProject: ("结项", "Close project"),
        .listsClosedOn: ("关闭日期", "Closed on"),
        .listsClosure: ("结项情况", "Closure"),
        .listsCommunity: ("社区", "Community"),
        .listsCommunityNeeds: ("社区里的公开需求", "Public needs in the community"),
        .listsConditions: ("条件", "Conditions"),
        .listsContact: ("联系人", "Contact"),
        .listsContactPhone: ("联系电话", "Contact phone"),
        .listsDoneOn: ("完成日期", "Done on"),
        .listsDue: ("计划日期", "Due"),
        .listsEvidence: ("佐证材料说明", "Evidence"),
        .listsFree: ("余量/容量", "Free / capacity"),
        .listsGroups: ("受益群体", "Beneficiary groups"),
        .listsHours: ("服务时间", "Hours"),
        .listsIntro: (
            "需求、问题来自居民、走访、诉求和会议；资源由驻区单位、在职党员、"
                + "服务团队和部门提供。状态由认领计算得出。",
            "Needs and problems come from residents, visits, requests and meetings; resources from resident "
                + "units, in-service members, service teams and departments. Status is computed from the claims."
        ),
        .listsKind: ("类型", "Kind"),
        .listsMarkDone: ("标记完成", "Mark done"),
        .listsMatch: ("对接", "Match"),
        .listsMilestones: ("项目节点", "Milestones"),
        .listsMine: ("我发布的需求", "My needs"),
        .listsMyOffers: ("我提供的资源", "What I offer"),
        .listsNeededFrom: ("需要起始日", "Needed from"),
        .listsNeededUntil: ("需要截止日", "Needed until"),
        .listsNeeds: ("需求和问题", "Needs and problems"),
        .listsNewItem: ("登记需求或问题", "Record a need or problem"),
        .listsNewProject: ("新建行动项目", "New action project"),
        .listsNoSuggestions: ("暂无匹配的资源。", "No matching resources yet."),
        .listsNoneYet: ("还没有。", "None yet."),
        .listsNote: ("说明", "Note"),
        .listsOffer: ("提供资源", "Offer a resource"),
        .listsOfferedBy: ("提供方", "Offered by"),
        .listsOfferedTo: ("面向", "Offered to"),
        .listsOfferer: ("提供方类型", "Offerer"),
        .listsOpenProject: ("建立行动项目", "Open an action project"),
        .listsOrigin: ("来源", "Origin"),
        .listsOriginID: ("来源编号", "Origin number"),
        .listsFromRequest: ("列入需求清单", "Add to the needs list"),
        .listsFromRequestHint: (
            "把这件求助登记为社区需求，保留与诉求的关联，以便匹配资源和服务团队。",
            "Record this call for help as a need of the community, linked to the request, so resources and teams "
                + "can be matched to it."
        ),
        .listsFromRequestDone: ("已列入需求清单", "On the needs list"),
        .listsOwner: ("牵头单位", "Owner"),
        .listsPartners: ("参与单位", "Partners"),
        .listsPhotos: ("照片（最多 3 张）", "Photos (at most 3)"),
        .listsPostNeed: ("发布需求", "Post a need"),
        .listsProgress: ("进展", "Progress"),
        .listsProjects: ("行动项目", "Action projects"),
        .listsProjectsIntro: (
            "行动项目由对接成功的需求和资源建立，单位认领的项目计入共建协议的"
                + "履约。",
            "Action projects are built from matched needs and resources; a project a unit owns counts toward "
                + "its agreement."
        ),
        .listsPublic: (
            "在社区内公开（不显示您的姓名）",
            "Public in the community (your name is not shown)"
        ),
        .listsQuantity: ("数量", "Quantity"),
        .listsRaise: ("登记", "Record"),
        .listsRaisedOn: ("登记日期", "Raised on"),
        .listsRating: ("居民评价", "Residents' rating"),
        .listsRatingNote: ("评价说明", "Rating note"),
        .listsReasonCategory: ("类别相符", "Same category"),
        .listsReasonCoversAll: ("余量 {0}，足够", "{0} free, enough for all"),
        .listsReasonCoversPart: ("余量 {0}，可满足部分", "{0} free, covers part"),
        .listsReasonDistance: ("相距约 {0} 米", "About {0} m away"),
        .listsReasonSameCommunity: ("同一社区", "Same community"),
        .listsReasonSameGrid: ("同一网格", "Same grid"),
        .listsReasonWindow: ("时间相符", "Time window fits"),
        .listsResources: ("资源和服务团队", "Resources and service teams"),
        .listsSearch: ("搜索", "Search"),
        .listsServed: ("实际服务人数", "People served"),
        .listsStart: ("启动项目", "Start project"),
        .listsStartedOn: ("启动日期", "Started on"),
        .listsState: ("项目状态", "State"),
        .listsStatus: ("状态", "Status"),
        .listsStatusRule: (
            "状态由有效认领计算：无人认领为“待认领”，认领少于所需为“部分满"
                + "足”，认领满所需为“已满足”。",
            "The status is computed from active claims: none is open, less than needed is partly met, all of "
                + "it is met."
        ),
        .listsSuggestionRule: (
            "推荐规则：类别相同、仍有余量、时间相符；同网格优先，其次同社区、"
                + "能全部满足者、距离近者。",
            "Suggested: same category, room left, time window fits; the same grid first, then the same "
                + "community, those covering all, the nearest."
        ),
        .listsSuggestions: ("推荐资源", "Suggested resources"),
        .listsDetails: ("内容", "Details"),
        .listsTitle: ("标题", "Title"),
        .listsUnit: ("单位", "Unit"),
        .listsWindow: ("可用时间", "Availability"),
        .listsWithdraw: ("撤回", "Withdraw"),
        .listsWithdrawOffer: ("撤回资源", "Withdraw the offer"),
        .listsWithdrawn: ("已撤回", "Withdrawn"),
        .listsWithdrawnOn: ("已于 {0} 撤回", "Withdrawn on {0}"),
        .listKindNeed: ("需求", "Need"),
        .listKindProblem: ("问题", "Problem"),
        .needStatusOpen: ("待认领", "Open"),
        .needStatusPartlyMet: ("部分满足", "Partly met"),
        .needStatusMet: ("已满足", "Met"),
        .needStatusClosed: ("已关闭", "Closed"),
        .listOriginPhone: ("居民发布", "Resident (phone)"),
        .listOriginRequest: ("居民诉求", "Request"),
        .listOriginVisit: ("走访", "Visit"),
        .listOriginMeeting: ("会议", "Meeting"),
        .listOriginStaff: ("工作人员登记", "Staff"),
        .offererUnit: ("驻区单位", "Resident unit"),
        .offererMember: ("在职党员", "In-service member"),
        .offererTeam: ("服务团队", "Service team"),
        .offererDepartment: ("职能部门", "Department"),
        .offererCommunity: ("社区", "Community"),
        .projectStateProposed: ("立项", "Proposed"),
        .projectStateUnderway: ("实施中", "Underway"),
        .projectStateClosed: ("已结项", "Closed"),
        .projectStateCancelled: ("已撤销", "Cancelled"),
        .beneficiaryElders: ("老年人", "Elders"),
        .beneficiaryChildren: ("儿童", "Children"),
        .beneficiaryDisabled: ("残疾人", "People with disabilities"),
        .beneficiaryLowIncome: ("困难家庭", "Low-income families"),
        .beneficiaryVeterans: ("退役军人", "Veterans"),
        .beneficiaryResidents: ("全体居民", "All residents"),
        .entityListItem: ("需求和问题", "Need or problem"),
        .entityListResource: ("资源", "Resource"),
        .entityListClaim: ("认领", "Claim"),
        .entityActionProject: ("行动项目", "Action project"),
        .listsTeam: ("服务团队", "Service team"),
        .listsResource: ("资源", "Resource"),
    ])
}

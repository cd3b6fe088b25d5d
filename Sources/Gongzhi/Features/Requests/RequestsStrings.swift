/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let entityRequestSupport = Text("entity.request_support")
    static let publicCommunities = Text("community.public.list")
    static let publicNone = Text("community.public.none")
    static let publicNumber = Text("community.public.number")
    static let publicCategory = Text("community.public.category")
    static let publicState = Text("community.public.state")
    static let publicRaised = Text("community.public.raised")
    static let publicMeToo = Text("community.public.meToo")
    static let publicNoPhone = Text("community.public.noPhone")
    static let publicRaise = Text("community.public.raise")
    static let publicSignup = Text("community.public.signup")
    static let publicLogin = Text("community.public.login")
    static let publicIntro = Text("community.public.intro")
    static let publicOneStop = Text("community.public.oneStop")
    static let publicOneStopHint = Text("community.public.oneStopHint")
    static let publicGridWorkers = Text("community.public.gridWorkers")
    static let publicRequests = Text("community.public.requests")
    static let publicUnits = Text("community.public.units")
    static let publicMeTooDone = Text("community.public.meTooDone")
    static let publicMeTooButton = Text("community.public.meTooButton")
    static let publicMeTooCount = Text("community.public.meTooCount")
    static let publicTimeline = Text("community.public.timeline")
    static let errorMeTooTwice = Text("error.meToo.twice")
    static let requestAnotherResident = Text("request.anotherResident")
    static let requestStateRaised = Text("requestState.raised")
    static let requestStateGridReview = Text("requestState.gridReview")
    static let requestStateMeetingDecision = Text("requestState.meetingDecision")
    static let requestStateEscalated = Text("requestState.escalated")
    static let requestStateDispatched = Text("requestState.dispatched")
    static let requestStateHandling = Text("requestState.handling")
    static let requestStateResolved = Text("requestState.resolved")
    static let requestStateClosed = Text("requestState.closed")
    static let requestStateMerged = Text("requestState.merged")
    static let requestKindConsultation = Text("requestKind.consultation")
    static let requestKindHelp = Text("requestKind.help")
    static let requestKindComplaint = Text("requestKind.complaint")
    static let requestKindReport = Text("requestKind.report")
    static let requestKindSuggestion = Text("requestKind.suggestion")
    static let channelApp = Text("channel.app")
    static let channelVisit = Text("channel.visit")
    static let channelHotline = Text("channel.hotline")
    static let channelPatrol = Text("channel.patrol")
    static let channelWalkIn = Text("channel.walkIn")
    static let channelOpen311 = Text("channel.open311")
    static let ratingSatisfied = Text("rating.satisfied")
    static let ratingBasicallySatisfied = Text("rating.basicallySatisfied")
    static let ratingUnsatisfied = Text("rating.unsatisfied")
    static let levelCommunity = Text("level.community")
    static let levelStreet = Text("level.street")
    static let levelDistrict = Text("level.district")
    static let requestActionRaise = Text("requestAction.raise")
    static let requestActionTake = Text("requestAction.take")
    static let requestActionSettle = Text("requestAction.settle")
    static let requestActionForward = Text("requestAction.forward")
    static let requestActionDecide = Text("requestAction.decide")
    static let requestActionDispatch = Text("requestAction.dispatch")
    static let requestActionAccept = Text("requestAction.accept")
    static let requestActionReturnDispatch = Text("requestAction.returnDispatch")
    static let requestActionProgress = Text("requestAction.progress")
    static let requestActionRequestExtension = Text("requestAction.requestExtension")
    static let requestActionApproveExtension = Text("requestAction.approveExtension")
    static let requestActionRefuseExtension = Text("requestAction.refuseExtension")
    static let requestActionComplete = Text("requestAction.complete")
    static let requestActionEscalate = Text("requestAction.escalate")
    static let requestActionSupervise = Text("requestAction.supervise")
    static let requestActionRate = Text("requestAction.rate")
    static let requestActionReopen = Text("requestAction.reopen")
    static let requestActionCloseUnrated = Text("requestAction.closeUnrated")
    static let requestActionMerge = Text("requestAction.merge")
    static let requestActionComment = Text("requestAction.comment")
    static let errorRequestChanged = Text("error.request.changed")
    static let errorRequestTextLong = Text("error.request.textLong")
    static let errorRequestKind = Text("error.request.kind")
    static let errorRequestCategory = Text("error.request.category")
    static let errorRequestChannel = Text("error.request.channel")
    static let errorRequestWhere = Text("error.request.where")
    static let errorRequestResult = Text("error.request.result")
    static let errorRequestReason = Text("error.request.reason")
    static let errorRequestMeeting = Text("error.request.meeting")
    static let errorRequestDecision = Text("error.request.decision")
    static let errorRequestHandlers = Text("error.request.handlers")
    static let errorRequestRating = Text("error.request.rating")
    static let errorRequestMergeTarget = Text("error.request.mergeTarget")
    static let errorCalendarMissingYear = Text("error.calendar.missingYear")
    static let errorCalendarCount = Text("error.calendar.count")
    static let errorCalendarFrom = Text("error.calendar.from")
    static let entityJointMeeting = Text("entity.joint_meeting")
    static let flashRaised = Text("flash.raised")
    static let requestNumber = Text("request.number")
    static let requestKind = Text("request.kind")
    static let requestState = Text("request.state")
    static let requestDeadline = Text("request.deadline")
    static let requestOverdue = Text("request.overdue")
    static let requestPublic = Text("request.public")
    static let requestChannel = Text("request.channel")
    static let requestWhere = Text("request.where")
    static let requestWhereHint = Text("request.whereHint")
    static let requestWhereStaff = Text("request.whereStaff")
    static let requestLat = Text("request.lat")
    static let requestLng = Text("request.lng")
    static let requestUseLocation = Text("request.useLocation")
    static let requestLocationDone = Text("request.locationDone")
    static let requestLocationFailed = Text("request.locationFailed")
    static let requestIsPublic = Text("request.isPublic")
    static let requestSubmit = Text("request.submit")
    static let requestHandlers = Text("request.handlers")
    static let requestWorkingDays = Text("request.workingDays")
    static let requestMergeInto = Text("request.mergeInto")
    static let requestNote = Text("request.note")
    static let requestActions = Text("request.actions")
    static let requestPlace = Text("request.place")
    static let requestPlacePoint = Text("request.placePoint")
    static let requestPlaceNote = Text("request.placeNote")
    static let requestPlaceNoteHint = Text("request.placeNoteHint")
    static let requestHousehold = Text("request.household")
    static let requestReporter = Text("request.reporter")
    static let requestShowNumber = Text("request.showNumber")
    static let errorRequestPlaceNote = Text("error.request.placeNote")
    static let requestActionsHint = Text("request.actionsHint")
    static let requestNoteRequired = Text("request.noteRequired")
    static let requestExtraDays = Text("request.extraDays")
    static let requestUsualHandlers = Text("request.usualHandlers")
    static let requestFilterUnits = Text("request.filterUnits")
    static let requestTimeline = Text("request.timeline")
    static let requestTookDays = Text("request.tookDays")
    static let requestLevelNow = Text("request.levelNow")
    static let assignmentPending = Text("assignment.pending")
    static let assignmentAccepted = Text("assignment.accepted")
    static let assignmentReturned = Text("assignment.returned")
    static let assignmentCompleted = Text("assignment.completed")
    static let assignmentWithdrawn = Text("assignment.withdrawn")
    static let todoNext = Text("todo.next")
    static let todoTask = Text("todo.task")
    static let todoOrigin = Text("todo.origin")
    static let todoOtherTasks = Text("todo.otherTasks")
    static let calendarSource = Text("calendar.source")
    static let calendarDaysOff = Text("calendar.daysOff")
    static let calendarWorkingWeekends = Text("calendar.workingWeekends")
    static let metricRaised = Text("metric.raised")
    static let metricResponded = Text("metric.responded")
    static let metricResolved = Text("metric.resolved")
    static let metricOnTime = Text("metric.onTime")
    static let metricSatisfied = Text("metric.satisfied")
    static let metricUnsatisfied = Text("metric.unsatisfied")
    static let metricUnrated = Text("metric.unrated")
    static let metricOpen = Text("metric.open")
    static let metricRaisedDefinition = Text("metric.raised.definition")
    static let metricRespondedDefinition = Text("metric.responded.definition")
    static let metricResolvedDefinition = Text("metric.resolved.definition")
    static let metricOnTimeDefinition = Text("metric.onTime.definition")
    static let metricSatisfiedDefinition = Text("metric.satisfied.definition")
    static let metricUnsatisfiedDefinition = Text("metric.unsatisfied.definition")
    static let metricUnratedDefinition = Text("metric.unrated.definition")
    static let metricOpenDefinition = Text("metric.open.definition")
    static let figuresArea = Text("figures.area")
    static let figuresResponseRate = Text("figures.responseRate")
    static let figuresResolutionRate = Text("figures.resolutionRate")
    static let figuresOnTimeRate = Text("figures.onTimeRate")
    static let figuresSatisfactionRate = Text("figures.satisfactionRate")
    static let figuresStepDays = Text("figures.stepDays")
    static let figuresHint = Text("figures.hint")
    static let figuresDefinitions = Text("figures.definitions")
    static let figuresWholeScope = Text("figures.wholeScope")
    static let homeQueueEscalated = Text("home.queueEscalated")
    static let homeOneStop = Text("home.oneStop")
    static let homeOneStopHint = Text("home.oneStopHint")
    static let homeQueueEscalatedHint = Text("home.queueEscalatedHint")
    static let homeQueueOverdue = Text("home.queueOverdue")
    static let homeQueueOverdueHint = Text("home.queueOverdueHint")
    static let homeQueueSupervised = Text("home.queueSupervised")
    static let homeQueueSupervisedHint = Text("home.queueSupervisedHint")
    static let figuresPeriod = Text("figures.period")
    static let figuresFrom = Text("figures.from")
    static let figuresTo = Text("figures.to")
    static let figuresApply = Text("figures.apply")
    static let figuresAllTime = Text("figures.allTime")
    static let requestPhotos = Text("request.photos")
    static let requestPhoto = Text("request.photo")
    static let requestKeepLocation = Text("request.keepLocation")
    static let errorPhotoType = Text("error.photo.type")
    static let errorPhotoCount = Text("error.photo.count")
    static let errorPhotoLate = Text("error.photo.late")
    static let requestSimilarTitle = Text("request.similarTitle")
    static let requestSimilarHint = Text("request.similarHint")
    static let requestPhotosAgain = Text("request.photosAgain")
    static let requestMergeHint = Text("request.mergeHint")
    static let requestMergedInto = Text("request.mergedInto")
    static let calendarEdit = Text("calendar.edit")
    static let calendarSourceLabel = Text("calendar.sourceLabel")
    static let calendarLines = Text("calendar.lines")
    static let errorCalendarDate = Text("error.calendar.date")
    static let errorCalendarName = Text("error.calendar.name")
    static let errorCalendarNotWeekend = Text("error.calendar.notWeekend")
    static let errorCalendarClash = Text("error.calendar.clash")
    static let errorCalendarSource = Text("error.calendar.source")
    static let errorCalendarLine = Text("error.calendar.line")
    static let requestPick = Text("request.pick")
    static let requestPickHint = Text("request.pickHint")
    static let requestPublicMap = Text("request.publicMap")
    static let requestPublicCount = Text("request.publicCount")
    static let requestAutoUnrated = Text("request.autoUnrated")
    static let requestAutoEscalated = Text("request.autoEscalated")
}

/// The interface strings of Requests, in both languages.
enum RequestsStrings {
    static let table = StringTable([
        .entityRequestSupport: ("同求", "Me too"),
        .publicCommunities: ("社区公开信息", "Community public information"),
        .publicNone: ("暂无公开诉求。", "No public requests yet."),
        .publicNumber: ("编号", "Number"),
        .publicCategory: ("类别", "Category"),
        .publicState: ("状态", "State"),
        .publicRaised: ("提出日期", "Raised"),
        .publicMeToo: ("同求", "Me too"),
        .publicNoPhone: ("（未登记工作电话）", "(no work number on file)"),
        .publicRaise: ("我有需要：提出诉求", "I need something: raise a request"),
        .publicSignup: ("用手机号注册", "Sign up with a mobile number"),
        .publicLogin: ("登录后提出诉求、跟踪办理", "Sign in to raise and follow requests"),
        .publicIntro: ("本页无需登录，不含任何个人信息。", "No sign-in needed; no personal data here."),
        .publicOneStop: ("一站通", "One-stop entry"),
        .publicOneStopHint: (
            "注册登录后可提出诉求、对公开诉求“同求”、评价结果；也可联系网格员。",
            "Signed in, raise requests, join public ones (me too), rate results; or call your grid worker."
        ),
        .publicGridWorkers: ("网格员公示", "Grid workers"),
        .publicRequests: ("公开诉求", "Public requests"),
        .publicUnits: ("承办单位", "Handled by"),
        .publicMeTooDone: ("您已同求，办理进展会通知您。", "You joined; you will be told of each step."),
        .publicMeTooButton: ("我也有这个需要（同求）", "Me too"),
        .publicMeTooCount: ("同求 {0} 人", "{0} residents joined"),
        .publicTimeline: ("办理过程", "Steps"),
        .errorMeTooTwice: ("您已同求过这条诉求。", "You have already joined this request."),
        .requestAnotherResident: ("另一位居民", "Another resident"),
        .requestStateRaised: ("待网格受理", "Waiting for the grid"),
        .requestStateGridReview: ("网格议事", "Grid review"),
        .requestStateMeetingDecision: ("待联席会议定事", "Waiting for the joint meeting"),
        .requestStateEscalated: ("已吹哨上报", "Escalated"),
        .requestStateDispatched: ("已派单待接单", "Dispatched"),
        .requestStateHandling: ("办理中", "Being handled"),
        .requestStateResolved: ("待群众评价", "Waiting for the rating"),
        .requestStateClosed: ("已办结", "Closed"),
        .requestStateMerged: ("已合并", "Merged"),
        .requestKindConsultation: ("咨询", "Consultation"),
        .requestKindHelp: ("求助", "Help"),
        .requestKindComplaint: ("投诉", "Complaint"),
        .requestKindReport: ("举报", "Report"),
        .requestKindSuggestion: ("建议", "Suggestion"),
        .channelApp: ("手机提交", "Phone"),
        .channelVisit: ("入户走访", "Visit"),
        .channelHotline: ("热线电话", "Hotline"),
        .channelPatrol: ("网格巡查", "Patrol"),
        .channelWalkIn: ("现场来访", "Walk-in"),
        .channelOpen311: ("Open311 接口", "Open311"),
        .ratingSatisfied: ("满意", "Satisfied"),
        .ratingBasicallySatisfied: ("基本满意", "Basically satisfied"),
        .ratingUnsatisfied: ("不满意", "Unsatisfied"),
        .levelCommunity: ("社区", "Community"),
        .levelStreet: ("街道", "Street"),
        .levelDistrict: ("区", "District"),
        .requestActionRaise: ("居民提事", "Raised"),
        .requestActionTake: ("受理", "Take"),
        .requestActionSettle: ("网格办结", "Settle in the grid"),
        .requestActionForward: ("提交联席会议", "Forward to the joint meeting"),
        .requestActionDecide: ("会议定事并派单", "Meeting decision and dispatch"),
        .requestActionDispatch: ("派单", "Dispatch"),
        .requestActionAccept: ("接单", "Accept"),
        .requestActionReturnDispatch: ("退单", "Return"),
        .requestActionProgress: ("办理进展", "Progress"),
        .requestActionRequestExtension: ("申请延期", "Ask for more time"),
        .requestActionApproveExtension: ("同意延期", "Approve the extension"),
        .requestActionRefuseExtension: ("不同意延期", "Refuse the extension"),
        .requestActionComplete: ("办结反馈", "Report completion"),
        .requestActionEscalate: ("吹哨上报", "Escalate"),
        .requestActionSupervise: ("督办", "Supervise"),
        .requestActionRate: ("评价", "Rate"),
        .requestActionReopen: ("重新办理", "Reopen"),
        .requestActionCloseUnrated: ("逾期未评价办结", "Closed unrated"),
        .requestActionMerge: ("合并重复诉求", "Merge as duplicate"),
        .requestActionComment: ("备注", "Note"),
        .errorRequestChanged: (
            "这条诉求刚被别人处理过，请刷新后再试。",
            "Someone else has just acted on this request; reload and try again."
        ),
        .errorRequestTextLong: ("描述不能超过 2000 字。", "The description may not exceed 2,000 characters."),
        .errorRequestKind: ("请选择诉求类型。", "Choose the kind of request."),
        .errorRequestCategory: ("请选择有效的诉求类别。", "Choose a valid category."),
        .errorRequestChannel: (
            "代居民登记时请选择来源：走访、热线、巡查或来访。",
            "When raising for a resident, choose the channel: visit, hotline, patrol or walk-in."
        ),
        .errorRequestWhere: (
            "请在地图上选点、使用手机定位，或选择住户。",
            "Pick a place on the map, use the phone's location, or choose a household."
        ),
        .errorRequestResult: ("请填写办理结果。", "Give the result."),
        .errorRequestReason: ("请填写原因。", "Give the reason."),
        .errorRequestMeeting: ("请选择本社区的联席会议。", "Choose a joint meeting of this community."),
        .errorRequestDecision: ("请填写会议决定。", "Give the meeting's decision."),
        .errorRequestHandlers: ("请选择至少一个承办单位。", "Choose at least one handler."),
        .errorRequestRating: ("请选择评价。", "Choose a rating."),
        .errorRequestMergeTarget: ("请选择另一条未办结的诉求。", "Choose another open request."),
        .errorCalendarMissingYear: (
            "{0} 年的工作日历尚未设置，无法计算期限。",
            "There is no working calendar for {0}; the deadline cannot be computed."
        ),
        .errorCalendarCount: (
            "工作日数应为 1–365 之间的整数。",
            "The number of working days must be 1 to 365."
        ),
        .errorCalendarFrom: (
            "参数 from 应为 ISO 8601 时间，例如 2026-09-30T10:00:00+08:00。",
            "from must be an ISO 8601 time, e.g. 2026-09-30T10:00:00+08:00."
        ),
        .entityJointMeeting: ("联席会议", "Joint meeting"),
        .flashRaised: (
            "诉求已提交，网格员会尽快受理。",
            "Your request is in; a grid worker will take it up soon."
        ),
        .requestNumber: ("编号", "Number"),
        .requestKind: ("类型", "Kind"),
        .requestState: ("状态", "State"),
        .requestDeadline: ("期限", "Deadline"),
        .requestOverdue: ("已超期", "overdue"),
        .requestPublic: ("本社区公开的诉求", "Public requests of your community"),
        .requestChannel: ("来源", "Channel"),
        .requestWhere: ("位置", "Where"),
        .requestWhereHint: (
            "可使用手机定位或填写坐标；不填则按您登记的住户所在网格受理。",
            "Use the phone's location or give coordinates; left empty, your registered household's grid takes it."
        ),
        .requestWhereStaff: ("选择网格，或填写坐标。", "Choose the grid, or give coordinates."),
        .requestLat: ("纬度", "Latitude"),
        .requestLng: ("经度", "Longitude"),
        .requestUseLocation: ("使用手机定位", "Use my location"),
        .requestLocationDone: ("已获取位置", "Location set"),
        .requestLocationFailed: ("无法获取位置", "Could not get the location"),
        .requestIsPublic: ("同意不署名公开这条诉求", "It may be shown publicly without my name"),
        .requestSubmit: ("提交", "Submit"),
        .requestHandlers: ("承办单位", "Handlers"),
        .requestWorkingDays: ("办理时限（工作日）", "Time allowed (working days)"),
        .requestMergeInto: ("合并到编号", "Merge into number"),
        .requestNote: ("说明", "Note"),
        .requestActions: ("办理", "Actions"),
        .requestPlace: ("地点", "Place"),
        .requestPlacePoint: ("反映的位置", "The place reported"),
        .requestPlaceNote: ("地点说明", "Where, in words"),
        .requestPlaceNoteHint: (
            "门牌、楼栋或附近地标（选填）",
            "House number, building or a landmark nearby (optional)"
        ),
        .requestHousehold: ("住户", "Household"),
        .requestReporter: ("反映人", "Raised by"),
        .requestShowNumber: ("查看完整号码（将记录）", "Show the full number (logged)"),
        .errorRequestPlaceNote: (
            "地点说明不能超过 100 字。",
            "Where, in words, may not exceed 100 characters."
        ),
        .requestActionsHint: (
            "以下是您现在可以办理的步骤，点开一项填写。",
            "The steps you may take now; open one to fill it in."
        ),
        .requestNoteRequired: ("说明（必填）", "Note (required)"),
        .requestExtraDays: ("需延长的工作日", "Extra working days"),
        .requestUsualHandlers: ("常办此类的单位", "Usually handle this category"),
        .requestFilterUnits: ("查找单位", "Find a unit"),
        .requestTimeline: ("办理过程", "Timeline"),
        .requestTookDays: ("用时 {0} 个工作日", "took {0} working days"),
        .requestLevelNow: ("当前层级：{0}", "now with: {0}"),
        .assignmentPending: ("待接单", "waiting"),
        .assignmentAccepted: ("已接单", "accepted"),
        .assignmentReturned: ("已退单", "returned"),
        .assignmentCompleted: ("已办结", "completed"),
        .assignmentWithdrawn: ("已撤回", "withdrawn"),
        .todoNext: ("待办事项", "Next step"),
        .todoTask: ("事项", "Task"),
        .todoOrigin: ("来源", "From"),
        .todoOtherTasks: ("会议决定等其他待办", "Meeting decisions and other tasks"),
        .calendarSource: ("依据：{0}", "Source: {0}"),
        .calendarDaysOff: ("放假", "Days off"),
        .calendarWorkingWeekends: ("调休上班", "Working weekends"),
        .metricRaised: ("提出", "Raised"),
        .metricResponded: ("按时响应", "Responded in time"),
        .metricResolved: ("已解决", "Resolved"),
        .metricOnTime: ("按期办结", "Resolved on time"),
        .metricSatisfied: ("满意（含基本满意）", "Satisfied (incl. basically)"),
        .metricUnsatisfied: ("不满意", "Unsatisfied"),
        .metricUnrated: ("未评价", "Unrated"),
        .metricOpen: ("未办结", "Open"),
        .metricRaisedDefinition: (
            "期间内提出的诉求，合并到其他诉求的重复件不计。",
            "Requests raised in the period; duplicates merged into another request are not counted."
        ),
        .metricRespondedDefinition: (
            "在响应时限内被网格员接单的诉求。",
            "Requests a grid worker took within the response limit."
        ),
        .metricResolvedDefinition: (
            "已办结（待评价或已关闭）的诉求。"
                + "被评为不满意而重新办理的，在再次办结前不算已解决。",
            "Requests handled (waiting for a rating, or closed). "
                + "One reopened by an unsatisfied rating is not resolved until it is handled again."
        ),
        .metricOnTimeDefinition: (
            "已解决的诉求中，在当时的办理时限内办结的。",
            "Resolved requests that were handled within the deadline in force at the time."
        ),
        .metricSatisfiedDefinition: (
            "居民评为满意或基本满意的诉求；满意率的分母是已评价的诉求。",
            "Requests the resident rated satisfied or basically satisfied; the rate divides by the rated ones."
        ),
        .metricUnsatisfiedDefinition: ("居民评为不满意的诉求。", "Requests the resident rated unsatisfied."),
        .metricUnratedDefinition: (
            "办结后未在期限内评价而自动关闭的诉求，不计入满意。",
            "Requests closed because the resident did not rate in time; never counted as satisfied."
        ),
        .metricOpenDefinition: (
            "尚在办理中的诉求（含因不满意重新办理的）。未办结 + 已解决 = 提出。",
            "Requests still being worked on, including those reopened. Open + resolved = raised."
        ),
        .figuresArea: ("区域", "Area"),
        .figuresDefinitions: ("口径", "What each figure counts"),
        .figuresWholeScope: ("辖区合计（含共享区域）", "Whole scope (shared areas included)"),
        .homeQueueEscalated: ("上报待派", "Whistled up, to dispatch"),
        .homeOneStop: ("一站通", "One-stop"),
        .homeOneStopHint: ("社区公开的诉求与办理进展", "Public requests and their progress"),
        .homeQueueEscalatedHint: (
            "社区吹哨上报、等待派单的诉求。",
            "Requests escalated and waiting for a dispatch."
        ),
        .homeQueueOverdue: ("已逾期", "Overdue"),
        .homeQueueOverdueHint: (
            "未办结且已过本环节时限的诉求。",
            "Open requests past their step's deadline."
        ),
        .homeQueueSupervised: ("督办中", "Supervised"),
        .homeQueueSupervisedHint: ("被督办、尚未办结的诉求。", "Supervised requests not yet resolved."),
        .figuresPeriod: ("提出时间", "Raised between"),
        .figuresFrom: ("起", "From"),
        .figuresTo: ("止", "To"),
        .figuresApply: ("统计", "Show"),
        .figuresAllTime: ("全部时间", "All time"),
        .figuresResponseRate: ("响应率", "Response rate"),
        .figuresResolutionRate: ("解决率", "Resolution rate"),
        .figuresOnTimeRate: ("按期办结率", "On-time rate"),
        .figuresSatisfactionRate: ("满意率", "Satisfaction rate"),
        .figuresStepDays: (
            "各环节平均工作日（受理/议事/办理/评价）",
            "Average working days per step (take/review/handle/rate)"
        ),
        .figuresHint: (
            "每个数字都可点开，查看背后的诉求。未评价的诉求单独计数，不计入满意。",
            "Every number opens the requests behind it. Unrated requests are counted apart, never as satisfied."
        ),
        .requestPhotos: (
            "照片（最多 9 张，JPEG 或 PNG，每张不超过 5 MB）",
            "Photos (up to 9, JPEG or PNG, 5 MB each)"
        ),
        .requestPhoto: ("照片", "Photo"),
        .requestKeepLocation: (
            "保留照片中的位置信息（默认去除）",
            "Keep the location stored in the photos (removed by default)"
        ),
        .errorPhotoType: ("只接受 JPEG 或 PNG 照片。", "Only JPEG or PNG photos are accepted."),
        .errorPhotoCount: ("最多上传 {0} 张照片。", "At most {0} photos."),
        .errorPhotoLate: (
            "诉求已被受理，不能再补充照片；请在办理过程中留言。",
            "The request has been taken; add a note instead of more photos."
        ),
        .requestSimilarTitle: ("可能是同一件事", "This may already be known"),
        .requestSimilarHint: (
            """
            附近已有类似的诉求。如果是同一件事，您可以在“我的诉求”中关注进展；如\
            果不是，请再次点击提交。
            """,
            "Similar requests exist nearby. If it is the same thing, follow it; if not, submit again."
        ),
        .requestPhotosAgain: ("请重新选择照片后再提交。", "Choose the photos again before submitting."),
        .requestMergeHint: (
            "如属重复，用“合并重复诉求”填入目标 ID；原提出人会看到合并后的诉求。",
            "If it is a duplicate, merge it by the target's ID; its reporter will follow the merged request."
        ),
        .requestMergedInto: ("这条诉求已合并到", "This request was merged into"),
        .calendarEdit: ("设置本年日历", "Set this year's calendar"),
        .calendarSourceLabel: ("依据（通知文号）", "Source (the notice)"),
        .calendarLines: (
            "每行一天：日期 名称 off（放假）或 work（调休上班）",
            "One day a line: date name off (day off) or work (working weekend)"
        ),
        .errorCalendarDate: ("日期 {0} 不在 {1} 年内或格式不对。", "{0} is not a date in {1}."),
        .errorCalendarName: ("{0} 缺少名称。", "{0} has no name."),
        .errorCalendarNotWeekend: (
            "{0} 不是周末，不能设为调休上班。",
            "{0} is not a weekend day, so it cannot be a working weekend."
        ),
        .errorCalendarClash: ("{0} 不能既放假又上班。", "{0} cannot be both off and working."),
        .errorCalendarSource: ("请填写依据（通知文号）。", "Give the source (the notice)."),
        .errorCalendarLine: ("无法识别这一行：{0}", "This line is not understood: {0}"),
        .requestPick: ("在地图上选点", "Pick on the map"),
        .requestPickHint: ("点击{0}地图上诉求所在的位置。", "Click where it is on the map of {0}."),
        .requestPublicMap: ("在地图上查看", "See them on the map"),
        .requestPublicCount: ("{0} 条公开的未办结诉求", "{0} open public requests"),
        .requestAutoUnrated: ("未在规定时间内评价", "Not rated in time"),
        .requestAutoEscalated: ("超期自动上报", "Escalated automatically when overdue"),
    ])
}

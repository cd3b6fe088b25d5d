/// The keys this table declares: a call site names `.reportingFunnel`, so a misspelt key does not compile.
extension Text {
    static let reportingReject = Text("reporting.reject")
    static let reportingRejectReason = Text("reporting.rejectReason")
    static let reportingRejected = Text("reporting.rejected")
    static let navReporting = Text("nav.reporting")
    static let navReportingPhone = Text("nav.reportingPhone")
    static let homeReportingHint = Text("home.reportingHint")
    static let homeReportingDeskHint = Text("home.reportingDeskHint")
    static let entityUnitReport = Text("entity.unit_report")
    static let entityMemberReport = Text("entity.member_report")
    static let entityServicePost = Text("entity.service_post")
    static let entityPostClaim = Text("entity.post_claim")
    static let entityMemberService = Text("entity.member_service")
    static let entityReportRound = Text("entity.report_round")
    static let reportingStageReported = Text("reporting.stage.reported")
    static let reportingStageClaimed = Text("reporting.stage.claimed")
    static let reportingStageServed = Text("reporting.stage.served")
    static let reportingStageActive = Text("reporting.stage.active")
    static let reportingFunnel = Text("reporting.funnel")
    static let reportingFunnelDefinition = Text("reporting.funnelDefinition")
    static let reportingByStreet = Text("reporting.byStreet")
    static let reportingUnitReports = Text("reporting.unitReports")
    static let reportingMemberReports = Text("reporting.memberReports")
    static let reportingPosts = Text("reporting.posts")
    static let reportingToVerify = Text("reporting.toVerify")
    static let reportingRounds = Text("reporting.rounds")
    static let reportingExportUnits = Text("reporting.exportUnits")
    static let reportingExportMembers = Text("reporting.exportMembers")
    static let reportingUnit = Text("reporting.unit")
    static let reportingCommunity = Text("reporting.community")
    static let reportingLiaison = Text("reporting.liaison")
    static let reportingOffers = Text("reporting.offers")
    static let reportingTakesOn = Text("reporting.takesOn")
    static let reportingReportedOn = Text("reporting.reportedOn")
    static let reportingEndedOn = Text("reporting.endedOn")
    static let reportingEndReason = Text("reporting.endReason")
    static let reportingEnd = Text("reporting.end")
    static let reportingUnitReportNew = Text("reporting.unitReportNew")
    static let reportingWhereItStands = Text("reporting.whereItStands")
    static let reportingReport = Text("reporting.report")
    static let reportingMemberReportNew = Text("reporting.memberReportNew")
    static let reportingMember = Text("reporting.member")
    static let reportingRecordReport = Text("reporting.recordReport")
    static let reportingShowIdentity = Text("reporting.showIdentity")
    static let reportingShowIdentityHint = Text("reporting.showIdentityHint")
    static let reportingCount = Text("reporting.count")
    static let reportingPostNew = Text("reporting.postNew")
    static let reportingPostTitle = Text("reporting.postTitle")
    static let reportingSkills = Text("reporting.skills")
    static let reportingCapacity = Text("reporting.capacity")
    static let reportingSchedule = Text("reporting.schedule")
    static let reportingHeldOf = Text("reporting.heldOf")
    static let reportingFull = Text("reporting.full")
    static let reportingVerify = Text("reporting.verify")
    static let reportingVerifyHint = Text("reporting.verifyHint")
    static let reportingServedOn = Text("reporting.servedOn")
    static let reportingHours = Text("reporting.hours")
    static let reportingServiceWhat = Text("reporting.serviceText")
    static let reportingPost = Text("reporting.post")
    static let reportingRoundNew = Text("reporting.roundNew")
    static let reportingRoundTitle = Text("reporting.roundTitle")
    static let reportingRoundDefault = Text("reporting.roundDefault")
    static let reportingOpensOn = Text("reporting.opensOn")
    static let reportingClosesOn = Text("reporting.closesOn")
    static let reportingRoundOpen = Text("reporting.roundOpen")
    static let reportingRoundHint = Text("reporting.roundHint")
    static let reportingRoundProgress = Text("reporting.roundProgress")
    static let reportingRoundWaiting = Text("reporting.roundWaiting")
    static let reportingRoundConfirmed = Text("reporting.roundConfirmed")
    static let reportingRoundCloses = Text("reporting.roundCloses")
    static let reportingConfirm = Text("reporting.confirm")
    static let reportingConfirmed = Text("reporting.confirmed")
    static let reportingPhoneIntro = Text("reporting.phoneIntro")
    static let reportingHome = Text("reporting.home")
    static let reportingMyReport = Text("reporting.myReport")
    static let reportingReportedTo = Text("reporting.reportedTo")
    static let reportingIdentityShown = Text("reporting.identityShown")
    static let reportingIdentityHidden = Text("reporting.identityHidden")
    static let reportingIdentityShow = Text("reporting.identityShow")
    static let reportingIdentityHide = Text("reporting.identityHide")
    static let reportingMyPosts = Text("reporting.myPosts")
    static let reportingNoPost = Text("reporting.noPost")
    static let reportingSince = Text("reporting.since")
    static let reportingRelease = Text("reporting.release")
    static let reportingPostsToClaim = Text("reporting.postsToClaim")
    static let reportingClaim = Text("reporting.claim")
    static let reportingRecordService = Text("reporting.recordService")
    static let reportingMyServices = Text("reporting.myServices")
    static let reportingNoServices = Text("reporting.noServices")
    static let reportingVerified = Text("reporting.verified")
    static let reportingUnverified = Text("reporting.unverified")
    static let reportingTransferOut = Text("reporting.transferOut")
    static let errorReportingTwice = Text("error.reporting.twice")
    static let errorReportingUnitTwice = Text("error.reporting.unitTwice")
    static let errorReportingNotReported = Text("error.reporting.notReported")
    static let errorReportingPostFull = Text("error.reporting.postFull")
    static let errorReportingClaimTwice = Text("error.reporting.claimTwice")
    static let errorReportingClaimWho = Text("error.reporting.claimWho")
    static let errorReportingPostClosed = Text("error.reporting.postClosed")
    static let errorReportingHoursNotPositive = Text("error.reporting.hoursNotPositive")
    static let errorReportingHoursTooMany = Text("error.reporting.hoursTooMany")
    static let errorReportingServiceInFuture = Text("error.reporting.serviceInFuture")
    static let errorReportingServiceBeforeReport = Text("error.reporting.serviceBeforeReport")
    static let errorReportingCapacity = Text("error.reporting.capacity")
    static let errorReportingRoundDates = Text("error.reporting.roundDates")
    static let errorReportingRoundClosed = Text("error.reporting.roundClosed")
    static let errorReportingConfirmed = Text("error.reporting.confirmed")
    static let errorReportingVerified = Text("error.reporting.verified")
    static let errorReportingVerifyOwn = Text("error.reporting.verifyOwn")
    static let errorReportingEnded = Text("error.reporting.ended")
    static let errorReportingNoHome = Text("error.reporting.noHome")
    static let errorReportingNotCommunity = Text("error.reporting.notCommunity")
    static let errorReportingCommunityRequired = Text("error.reporting.communityRequired")
    static let errorReportingUnitCommunity = Text("error.reporting.unitCommunity")
    static let errorReportingUnitArchived = Text("error.reporting.unitArchived")
    static let errorReportingNotMember = Text("error.reporting.notMember")
    static let errorReportingDateFuture = Text("error.reporting.dateFuture")
    static let errorReportingDateBeforeStart = Text("error.reporting.dateBeforeStart")
}

enum ReportingStrings {
    static let table = StringTable([
        .reportingReject: ("不予认定", "Refuse"),
        .reportingRejectReason: ("理由", "Reason"),
        .reportingRejected: ("未予认定：{0}", "Not confirmed: {0}"),
        .navReporting: ("双报到", "Dual reporting"),
        .navReportingPhone: ("我的报到", "My reporting"),
        .homeReportingHint: ("报到社区、认领岗位、记录服务", "Report, claim a post, record services"),
        .homeReportingDeskHint: (
            "在职党员报到记录（含已结束）",
            "In-service members' reports (ended ones too)"
        ),
        .entityUnitReport: ("单位报到", "Unit report"),
        .entityMemberReport: ("党员报到", "Member report"),
        .entityServicePost: ("服务岗位", "Service post"),
        .entityPostClaim: ("认岗", "Post claim"),
        .entityMemberService: ("党员服务", "Member service"),
        .entityReportRound: ("重新报到", "Re-report round"),
        .reportingStageReported: ("已报到", "Reported"),
        .reportingStageClaimed: ("已认岗", "Post claimed"),
        .reportingStageServed: ("已服务", "Served"),
        .reportingStageActive: ("近90天活跃", "Active (90 days)"),
        .reportingFunnel: ("报到覆盖", "Coverage"),
        .reportingFunnelDefinition: (
            "截至 {0}：已报到＝报到未结束；已认岗＝其中持有服务岗位；已服务＝其"
                + "中有经核实的服务；近90天活跃＝其中近90天（含当天）有经核实的服务。"
                + "点数字看名单。",
            "As of {0}: reported = an active report; post claimed = of those, holding a post; served = of those,"
                + " a verified service; active = of those, a verified service in the last 90 days (today included). A "
                + "figure opens its list."
        ),
        .reportingByStreet: ("按街道", "By street"),
        .reportingUnitReports: ("单位报到", "Unit reports"),
        .reportingMemberReports: ("党员报到", "Member reports"),
        .reportingPosts: ("服务岗位", "Service posts"),
        .reportingToVerify: ("待核实服务", "Services to verify"),
        .reportingRounds: ("重新报到", "Re-report rounds"),
        .reportingExportUnits: ("导出单位报到 CSV", "Export unit reports (CSV)"),
        .reportingExportMembers: ("导出党员报到 CSV", "Export member reports (CSV)"),
        .reportingUnit: ("单位", "Unit"),
        .reportingCommunity: ("报到社区", "Community"),
        .reportingLiaison: ("联络人", "Liaison"),
        .reportingOffers: ("可提供的资源", "What it offers"),
        .reportingTakesOn: ("认领的岗位或项目", "Posts or projects taken on"),
        .reportingReportedOn: ("报到日期", "Reported on"),
        .reportingEndedOn: ("结束于", "Ended on"),
        .reportingEndReason: ("结束原因（如转出）", "Reason (e.g. moved away)"),
        .reportingEnd: ("结束报到", "End the report"),
        .reportingUnitReportNew: ("单位报到登记", "Report a unit"),
        .reportingWhereItStands: ("单位所在社区", "Where the unit stands"),
        .reportingReport: ("报到", "Report"),
        .reportingMemberReportNew: ("代党员登记报到", "Record a member's report"),
        .reportingMember: ("党员", "Member"),
        .reportingRecordReport: ("登记报到", "Record the report"),
        .reportingShowIdentity: ("亮身份", "Shown to neighbours"),
        .reportingShowIdentityHint: (
            "亮身份：同意向邻居显示我的党员身份",
            "Show my party membership to neighbours"
        ),
        .reportingCount: ("共 {0} 条", "{0} in all"),
        .reportingPostNew: ("新建服务岗位", "New service post"),
        .reportingPostTitle: ("岗位名称", "Post"),
        .reportingSkills: ("所需技能", "Skills"),
        .reportingCapacity: ("名额", "Capacity"),
        .reportingSchedule: ("服务时间", "Schedule"),
        .reportingHeldOf: ("{0} / {1} 人", "{0} of {1}"),
        .reportingFull: ("已满", "Full"),
        .reportingVerify: ("核实", "Verify"),
        .reportingVerifyHint: (
            "只有经核实的服务计入覆盖；不能核实自己的服务。",
            "Only verified services count; nobody verifies their own."
        ),
        .reportingServedOn: ("服务日期", "Day"),
        .reportingHours: ("时长（小时）", "Hours"),
        .reportingServiceWhat: ("服务内容", "What was done"),
        .reportingPost: ("岗位", "Post"),
        .reportingRoundNew: ("发起重新报到", "Open a re-report round"),
        .reportingRoundTitle: ("名称", "Title"),
        .reportingRoundDefault: ("{0}年重新报到", "Re-report {0}"),
        .reportingOpensOn: ("开始", "Opens"),
        .reportingClosesOn: ("截止", "Closes"),
        .reportingRoundOpen: ("发起", "Open the round"),
        .reportingRoundHint: (
            "每年两次：本社区所有在报党员须在截止前再次确认。",
            "Twice a year: every member reported here confirms again before it closes."
        ),
        .reportingRoundProgress: ("已确认 {0} / {1} 人", "{0} of {1} confirmed"),
        .reportingRoundWaiting: ("尚未确认", "Not yet confirmed"),
        .reportingRoundConfirmed: ("已确认", "Confirmed"),
        .reportingRoundCloses: ("{0} 截止", "closes {0}"),
        .reportingConfirm: ("确认报到", "Confirm"),
        .reportingConfirmed: ("已确认", "Confirmed"),
        .reportingPhoneIntro: (
            "在职党员向居住地社区报到，认领服务岗位，参加志愿服务。",
            "In-service members report to the community where they live, claim a post and serve."
        ),
        .reportingHome: ("居住地社区", "Home community"),
        .reportingMyReport: ("我的报到", "My report"),
        .reportingReportedTo: ("已于 {1} 报到到 {0}", "Reported to {0} on {1}"),
        .reportingIdentityShown: (
            "已亮身份：邻居能看到我的党员身份。",
            "Shown: neighbours see that I am a party member."
        ),
        .reportingIdentityHidden: (
            "未亮身份：邻居看不到我的党员身份。",
            "Not shown: neighbours do not see that I am a party member."
        ),
        .reportingIdentityShow: ("亮身份", "Show it"),
        .reportingIdentityHide: ("不再亮身份", "Stop showing it"),
        .reportingMyPosts: ("我的岗位", "My post"),
        .reportingNoPost: ("还没有认领岗位。", "No post claimed yet."),
        .reportingSince: ("自 {0}", "since {0}"),
        .reportingRelease: ("退出岗位", "Give it up"),
        .reportingPostsToClaim: ("可认领的岗位", "Posts to claim"),
        .reportingClaim: ("认领", "Claim"),
        .reportingRecordService: ("记录服务", "Record a service"),
        .reportingMyServices: ("我的服务", "My services"),
        .reportingNoServices: ("还没有服务记录。", "No services yet."),
        .reportingVerified: ("已核实", "Verified"),
        .reportingUnverified: ("待核实", "To verify"),
        .reportingTransferOut: ("转出 / 结束报到", "Moving away"),
        .errorReportingTwice: (
            "已在 {0} 报到（{1}），不能重复报到；请先转出再报到。",
            "Already reported to {0} ({1}): one report at a time; end it first."
        ),
        .errorReportingUnitTwice: (
            "该单位已在 {0} 报到，不能重复报到。",
            "The unit has already reported to {0}."
        ),
        .errorReportingNotReported: (
            "请先报到，再认领岗位或记录服务。",
            "Report first, then claim a post or record a service."
        ),
        .errorReportingPostFull: (
            "这个岗位已满（{0} 人），请选择其他岗位。",
            "This post is full ({0}); choose another."
        ),
        .errorReportingClaimTwice: ("已经认领了这个岗位。", "This post is already held."),
        .errorReportingClaimWho: (
            "请指明认岗的党员或单位。",
            "Name the member or the unit who claims it."
        ),
        .errorReportingPostClosed: ("这个岗位已停用。", "This post is closed."),
        .errorReportingHoursNotPositive: ("时长须大于 0 小时。", "Hours must be more than 0."),
        .errorReportingHoursTooMany: ("一次服务不超过 {0} 小时。", "At most {0} hours for one service."),
        .errorReportingServiceInFuture: ("服务日期不能晚于今天。", "A service cannot be in the future."),
        .errorReportingServiceBeforeReport: (
            "服务日期不能早于报到日期。",
            "A service cannot be before the report."
        ),
        .errorReportingCapacity: ("名额须为 1 到 {0} 人。", "Capacity must be 1 to {0}."),
        .errorReportingRoundDates: (
            "截止日期须不早于开始日期，且在半年之内。",
            "The round closes on or after it opens, within half a year."
        ),
        .errorReportingRoundClosed: (
            "这次重新报到的时间是 {0} 至 {1}。",
            "This round runs from {0} to {1}."
        ),
        .errorReportingConfirmed: ("已经确认过了。", "Already confirmed."),
        .errorReportingVerified: ("这条服务已核实。", "This service is already verified."),
        .errorReportingVerifyOwn: ("不能核实自己的服务。", "Nobody verifies their own service."),
        .errorReportingEnded: ("已经结束了。", "Already ended."),
        .errorReportingNoHome: (
            "你的档案没有居住地社区，请联系社区登记报到。",
            "Your record names no home community: ask the community to record your report."
        ),
        .errorReportingNotCommunity: ("请选择一个社区。", "Choose a community."),
        .errorReportingCommunityRequired: ("请选择报到社区。", "Choose the community to report to."),
        .errorReportingUnitCommunity: (
            "单位只能向所在的社区报到。",
            "A unit reports to the community where it stands."
        ),
        .errorReportingUnitArchived: ("该单位已归档。", "The unit is archived."),
        .errorReportingNotMember: ("只有党员才能报到。", "Only party members report."),
        .errorReportingDateFuture: ("日期不能晚于今天。", "The day cannot be in the future."),
        .errorReportingDateBeforeStart: ("日期不能早于报到日期。", "The day cannot be before the report."),
    ])
}

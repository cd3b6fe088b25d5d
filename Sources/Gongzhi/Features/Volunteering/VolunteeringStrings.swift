import GongzhiCore

/// The keys this table declares: a call site names `.volunteeringTeams`, so a misspelt key does not compile.
extension Text {
    static let navVolunteering = Text("nav.volunteering")
    static let navVolunteeringPhone = Text("nav.volunteeringPhone")
    static let homeVolunteeringHint = Text("home.volunteeringHint")
    static let homeVolunteeringDeskHint = Text("home.volunteeringDeskHint")
    static let entityVolunteer = Text("entity.volunteer")
    static let entityServiceTeam = Text("entity.service_team")
    static let entityActivity = Text("entity.activity")
    static let entityActivitySignup = Text("entity.activity_signup")
    static let entityServiceHour = Text("entity.service_hour")
    static let entityHourCode = Text("entity.hour_code")
    static let errorVolunteeringApprover = Text("error.volunteering.approver")
    static let errorVolunteeringCancelled = Text("error.volunteering.cancelled")
    static let errorVolunteeringCapacity = Text("error.volunteering.capacity")
    static let errorVolunteeringCategory = Text("error.volunteering.category")
    static let errorVolunteeringCategoryRequired = Text("error.volunteering.categoryRequired")
    static let errorVolunteeringCheckedInCancel = Text("error.volunteering.checkedInCancel")
    static let errorVolunteeringCodeCount = Text("error.volunteering.codeCount")
    static let errorVolunteeringDuration = Text("error.volunteering.duration")
    static let errorVolunteeringEnded = Text("error.volunteering.ended")
    static let errorVolunteeringGridOutside = Text("error.volunteering.gridOutside")
    static let errorVolunteeringKind = Text("error.volunteering.kind")
    static let errorVolunteeringMemberTwice = Text("error.volunteering.memberTwice")
    static let errorVolunteeringMinutes = Text("error.volunteering.minutes")
    static let errorVolunteeringNoCode = Text("error.volunteering.noCode")
    static let errorVolunteeringNoCommunity = Text("error.volunteering.noCommunity")
    static let errorVolunteeringNodeKind = Text("error.volunteering.nodeKind")
    static let errorVolunteeringNodeRequired = Text("error.volunteering.nodeRequired")
    static let errorVolunteeringNotRegistered = Text("error.volunteering.notRegistered")
    static let errorVolunteeringNotSignedUp = Text("error.volunteering.notSignedUp")
    static let errorVolunteeringOver = Text("error.volunteering.over")
    static let errorVolunteeringPoint = Text("error.volunteering.point")
    static let errorVolunteeringPoints = Text("error.volunteering.points")
    static let errorVolunteeringRadius = Text("error.volunteering.radius")
    static let errorVolunteeringRegistered = Text("error.volunteering.registered")
    static let errorVolunteeringSignedUp = Text("error.volunteering.signedUp")
    static let errorVolunteeringTeamInactive = Text("error.volunteering.teamInactive")
    static let errorVolunteeringTextRequired = Text("error.volunteering.textRequired")
    static let errorVolunteeringTime = Text("error.volunteering.time")
    static let errorVolunteeringUnitRequired = Text("error.volunteering.unitRequired")
    static let errorVolunteeringWaiting = Text("error.volunteering.waiting")
    static let errorVolunteeringCodeUnknown = Text(VolunteeringRules.Refusal.codeUnknown.messageKey)
    static let volunteeringActivities = Text("volunteering.activities")
    static let volunteeringAddMember = Text("volunteering.addMember")
    static let volunteeringAddress = Text("volunteering.address")
    static let volunteeringApprover = Text("volunteering.approver")
    static let volunteeringAvailability = Text("volunteering.availability")
    static let volunteeringCancelActivity = Text("volunteering.cancelActivity")
    static let volunteeringCancelSignup = Text("volunteering.cancelSignup")
    static let volunteeringCapacity = Text("volunteering.capacity")
    static let volunteeringCapacityPeople = Text("volunteering.capacityPeople")
    static let volunteeringCapacityRule = Text("volunteering.capacityRule")
    static let volunteeringCategories = Text("volunteering.categories")
    static let volunteeringCategory = Text("volunteering.category")
    static let volunteeringCheckIn = Text("volunteering.checkIn")
    static let volunteeringCheckInOut = Text("volunteering.checkInOut")
    static let volunteeringCheckOut = Text("volunteering.checkOut")
    static let volunteeringCheckRule = Text("volunteering.checkRule")
    static let volunteeringCheckedIn = Text("volunteering.checkedIn")
    static let volunteeringCheckedOut = Text("volunteering.checkedOut")
    static let volunteeringCode = Text("volunteering.code")
    static let volunteeringCodeCount = Text("volunteering.codeCount")
    static let volunteeringCommunity = Text("volunteering.community")
    static let volunteeringConfirmed = Text("volunteering.confirmed")
    static let volunteeringDescription = Text("volunteering.description")
    static let volunteeringEnd = Text("volunteering.end")
    static let volunteeringEndedOn = Text("volunteering.endedOn")
    static let volunteeringEndsAt = Text("volunteering.endsAt")
    static let volunteeringFind = Text("volunteering.find")
    static let volunteeringFreeCapacity = Text("volunteering.freeCapacity")
    static let volunteeringHostUnit = Text("volunteering.hostUnit")
    static let volunteeringHostedActivities = Text("volunteering.hostedActivities")
    static let volunteeringHourCodes = Text("volunteering.hourCodes")
    static let volunteeringHours = Text("volunteering.hours")
    static let volunteeringHoursColumn = Text("volunteering.hoursColumn")
    static let volunteeringHoursTotal = Text("volunteering.hoursTotal")
    static let volunteeringIssueCodes = Text("volunteering.issueCodes")
    static let volunteeringJoinWaitList = Text("volunteering.joinWaitList")
    static let volunteeringKind = Text("volunteering.kind")
    static let volunteeringLat = Text("volunteering.lat")
    static let volunteeringLeader = Text("volunteering.leader")
    static let volunteeringLng = Text("volunteering.lng")
    static let volunteeringLocationDone = Text("volunteering.locationDone")
    static let volunteeringLocationFailed = Text("volunteering.locationFailed")
    static let volunteeringManualEntry = Text("volunteering.manualEntry")
    static let volunteeringMembers = Text("volunteering.members")
    static let volunteeringMinutes = Text("volunteering.minutes")
    static let volunteeringMyHours = Text("volunteering.myHours")
    static let volunteeringMyHoursTotal = Text("volunteering.myHoursTotal")
    static let volunteeringMySignups = Text("volunteering.mySignups")
    static let volunteeringNewActivity = Text("volunteering.newActivity")
    static let volunteeringNewTeam = Text("volunteering.newTeam")
    static let volunteeringNoHours = Text("volunteering.noHours")
    static let volunteeringNoSignups = Text("volunteering.noSignups")
    static let volunteeringNote = Text("volunteering.note")
    static let volunteeringOnWaitList = Text("volunteering.onWaitList")
    static let volunteeringOrganiser = Text("volunteering.organiser")
    static let volunteeringOwnerUnit = Text("volunteering.ownerUnit")
    static let volunteeringPerson = Text("volunteering.person")
    static let volunteeringPlace = Text("volunteering.place")
    static let volunteeringPlaces = Text("volunteering.places")
    static let volunteeringPoints = Text("volunteering.points")
    static let volunteeringPointsOffered = Text("volunteering.pointsOffered")
    static let volunteeringPromoted = Text("volunteering.promoted")
    static let volunteeringQRLink = Text("volunteering.qrLink")
    static let volunteeringRadius = Text("volunteering.radius")
    static let volunteeringRankingRule = Text("volunteering.rankingRule")
    static let volunteeringRankings = Text("volunteering.rankings")
    static let volunteeringRedeem = Text("volunteering.redeem")
    static let volunteeringRedeemSubmit = Text("volunteering.redeemSubmit")
    static let volunteeringRegister = Text("volunteering.register")
    static let volunteeringRegisterIntro = Text("volunteering.registerIntro")
    static let volunteeringRegisterPerson = Text("volunteering.registerPerson")
    static let volunteeringRegisteredAt = Text("volunteering.registeredAt")
    static let volunteeringRegisteredOn = Text("volunteering.registeredOn")
    static let volunteeringSignUp = Text("volunteering.signUp")
    static let volunteeringSignedAt = Text("volunteering.signedAt")
    static let volunteeringSignedUp = Text("volunteering.signedUp")
    static let volunteeringSignups = Text("volunteering.signups")
    static let volunteeringSkills = Text("volunteering.skills")
    static let volunteeringSource = Text("volunteering.source")
    static let volunteeringStartsAt = Text("volunteering.startsAt")
    static let volunteeringState = Text("volunteering.state")
    static let volunteeringTeam = Text("volunteering.team")
    static let volunteeringTeamCount = Text("volunteering.teamCount")
    static let volunteeringTeamName = Text("volunteering.teamName")
    static let volunteeringTeams = Text("volunteering.teams")
    static let volunteeringTitle = Text("volunteering.title")
    static let volunteeringTodoCheckIn = Text("volunteering.todoCheckIn")
    static let volunteeringTodoPromoted = Text("volunteering.todoPromoted")
    static let volunteeringTooFew = Text("volunteering.tooFew")
    static let volunteeringUnits = Text("volunteering.units")
    static let volunteeringUseLocation = Text("volunteering.useLocation")
    static let volunteeringUsed = Text("volunteering.used")
    static let volunteeringMinutesCount = Text("volunteering.minutesCount")
    static let volunteeringHoursShort = Text("volunteering.hoursShort")
    static let volunteeringVolunteers = Text("volunteering.volunteers")
    static let volunteeringWaiting = Text("volunteering.waiting")
    static let volunteeringWaitingCount = Text("volunteering.waitingCount")
    static func volunteeringTeamKind(_ v: TeamKind) -> Text { Text("volunteering.teamKind.\(v.rawValue)") }
    static func volunteeringActivityState(_ v: ActivityState) -> Text {
        Text("volunteering.activityState.\(v.rawValue)")
    }
    static func volunteeringSourceLabel(_ v: HourSource) -> Text { Text("volunteering.source.\(v.rawValue)") }
    static func volunteeringSignupStatus(_ v: SignupStatus) -> Text { Text("volunteering.signupStatus.\(v.rawValue)") }
    static func volunteeringPeriod(_ v: VolunteeringRules.Period) -> Text { Text("volunteering.period.\(v.rawValue)") }
}

enum VolunteeringStrings {
    static let table = StringTable([
        .navVolunteering: ("志愿服务", "Volunteering"),
        .navVolunteeringPhone: ("志愿活动", "Volunteer"),
        .homeVolunteeringHint: (
            "报名活动、扫码签到、查看服务时长",
            "Sign up, check in and see your hours"
        ),
        .homeVolunteeringDeskHint: ("在册志愿者", "Registered volunteers"),
        .entityVolunteer: ("志愿者", "Volunteer"),
        .entityServiceTeam: ("服务团队", "Service team"),
        .entityActivity: ("活动", "Activity"),
        .entityActivitySignup: ("活动报名", "Activity sign-up"),
        .entityServiceHour: ("服务时长", "Service hours"),
        .entityHourCode: ("时长码", "Hour code"),
        .errorVolunteeringApprover: (
            "审核人须是管理该服务地点的在岗工作人员",
            "The approver must be an active staff member who manages the place of service"
        ),
        .errorVolunteeringCancelled: ("该活动已取消", "The activity has been cancelled"),
        .errorVolunteeringCapacity: (
            "名额须是正整数（团队 1–1000，活动 1–10000）",
            "Capacity must be a whole number (teams 1–1,000, activities 1–10,000)"
        ),
        .errorVolunteeringCategory: ("服务类别无效", "Unknown service category"),
        .errorVolunteeringCategoryRequired: (
            "请至少选择一个服务类别",
            "Choose at least one service category"
        ),
        .errorVolunteeringCheckedInCancel: (
            "已签到，不能取消报名",
            "Checked in already: the sign-up can no longer be cancelled"
        ),
        .errorVolunteeringCodeCount: ("一次最多生成 {0} 个时长码", "At most {0} hour codes at a time"),
        .errorVolunteeringDuration: (
            "活动时长须在 15 分钟到 12 小时之间，且结束晚于开始",
            "An activity lasts from 15 minutes to 12 hours and ends after it starts"
        ),
        .errorVolunteeringEnded: ("该志愿者登记已结束", "This registration has ended"),
        .errorVolunteeringGridOutside: (
            "网格不在所属组织范围内",
            "The grid is not under the owning organisation"
        ),
        .errorVolunteeringKind: ("请选择团队类型", "Choose the kind of team"),
        .errorVolunteeringMemberTwice: ("此人已是该团队成员", "This person is in the team already"),
        .errorVolunteeringMinutes: ("时长须在 1 到 720 分钟之间", "Minutes must be from 1 to 720"),
        .errorVolunteeringNoCode: (
            "暂时无法生成新的时长码，请稍后再试",
            "No free hour code right now; try again later"
        ),
        .errorVolunteeringNoCommunity: ("找不到此人所在的社区", "The person's community is not known"),
        .errorVolunteeringNodeKind: ("组织方须是社区或街道", "The organiser must be a community or a street"),
        .errorVolunteeringNodeRequired: ("请选择组织方", "Choose the organiser"),
        .errorVolunteeringNotRegistered: ("请先注册为志愿者", "Register as a volunteer first"),
        .errorVolunteeringNotSignedUp: ("你没有报名该活动", "You have not signed up for this activity"),
        .errorVolunteeringOver: ("活动已结束", "The activity is over"),
        .errorVolunteeringPoint: (
            "经纬度须成对填写且有效",
            "Latitude and longitude go together and must be valid"
        ),
        .errorVolunteeringPoints: ("积分须在 0 到 1000 之间", "Points must be from 0 to 1,000"),
        .errorVolunteeringRadius: (
            "签到范围须在 20 到 5000 米之间",
            "The check-in radius must be from 20 to 5,000 metres"
        ),
        .errorVolunteeringRegistered: (
            "此人已注册为志愿者，不能重复注册",
            "This person is registered already; one registration at a time"
        ),
        .errorVolunteeringSignedUp: (
            "你已报名该活动，不能重复报名",
            "Signed up already; one sign-up per activity"
        ),
        .errorVolunteeringTeamInactive: ("该团队已停止活动", "The team is no longer active"),
        .errorVolunteeringTextRequired: ("此项必填", "Required"),
        .errorVolunteeringTime: (
            "时间无效（格式如 2026-05-01 09:30，且在合理范围内）",
            "Not a valid time (e.g. 2026-05-01 09:30, within a sensible range)"
        ),
        .errorVolunteeringUnitRequired: ("单位服务队须选择所属单位", "A unit team needs its unit"),
        .errorVolunteeringWaiting: (
            "你在候补名单上，有名额空出后才能签到",
            "You are on the wait list: you can check in once a place frees up"
        ),
        Text("error.volunteering.shiftEmpty"): (
            "结束时间须晚于开始时间",
            "The end must come after the start"
        ),
        Text("error.volunteering.shiftTooLong"): ("一次服务最长 {0} 小时", "A shift lasts at most {0} hours"),
        Text("error.volunteering.shiftFuture"): ("不能登记尚未结束的服务", "Hours cannot end in the future"),
        Text("error.volunteering.shiftOverlap"): (
            "此人在这段时间已有服务时长记录，时段不能重叠",
            "This person already has hours for part of that time; shifts cannot overlap"
        ),
        Text("error.volunteering.tooEarly"): (
            "还没到签到时间（开始前 30 分钟起可签到）",
            "Too early: check-in opens 30 minutes before the start"
        ),
        Text("error.volunteering.tooLate"): (
            "已过签到/签退时间（签到至结束，签退至结束后 2 小时）",
            "Too late: check-in closes at the end, check-out two hours after it"
        ),
        Text("error.volunteering.locationRequired"): (
            "该活动需要在现场签到，请允许获取位置后再试",
            "This activity checks in on the spot: allow your location and try again"
        ),
        Text("error.volunteering.tooFar"): (
            "你不在活动地点附近，不能签到或签退",
            "You are not at the activity's place"
        ),
        Text("error.volunteering.alreadyCheckedIn"): ("你已签到，不能重复签到", "Checked in already"),
        Text("error.volunteering.notCheckedIn"): ("你还没有签到", "You have not checked in"),
        Text("error.volunteering.alreadyCheckedOut"): ("你已签退", "Checked out already"),
        Text("error.volunteering.codeUsed"): ("该时长码已被使用", "This hour code has been used"),
        .errorVolunteeringCodeUnknown: ("签到码或时长码无效（六位数字）", "Unknown code (six digits)"),
        Text("error.volunteering.approverRequired"): (
            "手工登记须注明审核人",
            "A manual entry must name its approver"
        ),
        Text("error.volunteering.approverIsVolunteer"): (
            "审核人不能是志愿者本人",
            "The approver cannot be the volunteer"
        ),
        .volunteeringActivities: ("活动", "Activities"),
        .volunteeringAddMember: ("加入团队", "Add to team"),
        .volunteeringAddress: ("地点", "Place"),
        .volunteeringApprover: ("审核人", "Approver"),
        .volunteeringAvailability: ("服务时间", "Availability"),
        .volunteeringCancelActivity: ("取消活动", "Cancel the activity"),
        .volunteeringCancelSignup: ("取消报名", "Cancel sign-up"),
        .volunteeringCapacity: ("服务容量", "Capacity"),
        .volunteeringCapacityPeople: ("名额（人）", "Places"),
        .volunteeringCapacityRule: (
            "服务容量：团队可同时承接的活动数；空余 = 容量 − 未结束的活动",
            "Capacity: how many activities the team can run at once; free = capacity − activities not yet ended"
        ),
        .volunteeringCategories: ("服务类别", "Service categories"),
        .volunteeringCategory: ("类别", "Category"),
        .volunteeringCheckIn: ("签到", "Check in"),
        .volunteeringCheckInOut: ("现场签到 / 签退", "Check in / out on the spot"),
        .volunteeringCheckOut: ("签退", "Check out"),
        .volunteeringCheckRule: (
            "开始前 30 分钟至结束可签到，结束后 2 小时内可签退；"
                + "设有地点的活动需在签到范围内。",
            "Check in from 30 minutes before the start until the end, check out until two hours after it; where the "
                + "activity has a point, within its radius."
        ),
        .volunteeringCheckedIn: ("已签到", "Checked in"),
        .volunteeringCheckedOut: ("已签退", "Checked out"),
        .volunteeringCode: ("签到码", "Check-in code"),
        .volunteeringCodeCount: ("数量", "How many"),
        .volunteeringCommunity: ("社区", "Community"),
        .volunteeringConfirmed: ("已报名", "Signed up"),
        .volunteeringDescription: ("说明", "Description"),
        .volunteeringEnd: ("结束登记", "End registration"),
        .volunteeringEndedOn: ("结束日期", "Ended on"),
        .volunteeringEndsAt: ("结束时间", "Ends"),
        .volunteeringFind: ("可报名的活动", "Activities to join"),
        .volunteeringFreeCapacity: ("空余容量", "Free capacity"),
        .volunteeringHostUnit: ("承办单位", "Host unit"),
        .volunteeringHostedActivities: ("驻区单位承办的活动", "Activities hosted by units"),
        .volunteeringHourCodes: ("时长码（每码一人一次）", "Hour codes (one person, once each)"),
        .volunteeringHours: ("服务时长", "Service hours"),
        .volunteeringHoursColumn: ("时长（小时）", "Hours"),
        .volunteeringHoursTotal: ("{0} 条记录，共 {1} 小时", "{0} records, {1} hours in all"),
        .volunteeringIssueCodes: ("生成时长码", "Issue hour codes"),
        .volunteeringJoinWaitList: ("名额已满，加入候补", "Full: join the wait list"),
        .volunteeringKind: ("类型", "Kind"),
        .volunteeringLat: ("纬度（可选）", "Latitude (optional)"),
        .volunteeringLeader: ("队长", "Leader"),
        .volunteeringLng: ("经度（可选）", "Longitude (optional)"),
        .volunteeringLocationDone: ("已获取位置", "Location taken"),
        .volunteeringLocationFailed: ("无法获取位置", "Could not get the location"),
        .volunteeringManualEntry: ("手工登记时长（须审核人）", "Record hours by hand (with an approver)"),
        .volunteeringMembers: ("成员", "Members"),
        .volunteeringMinutes: ("每码时长（分钟）", "Minutes per code"),
        .volunteeringMyHours: ("我的服务时长", "My hours"),
        .volunteeringMyHoursTotal: ("累计 {0} 小时", "{0} hours in all"),
        .volunteeringMySignups: ("我的报名", "My sign-ups"),
        .volunteeringNewActivity: ("发布活动", "New activity"),
        .volunteeringNewTeam: ("新建服务团队", "New service team"),
        .volunteeringNoHours: ("还没有服务时长记录", "No hours yet"),
        .volunteeringNoSignups: ("还没有报名活动", "No sign-ups yet"),
        .volunteeringNote: ("服务内容", "What was done"),
        .volunteeringOnWaitList: ("候补中", "On the wait list"),
        .volunteeringOrganiser: ("组织方", "Organiser"),
        .volunteeringOwnerUnit: ("所属单位", "Unit"),
        .volunteeringPerson: ("志愿者", "Volunteer"),
        .volunteeringPlace: ("服务地点", "Place"),
        .volunteeringPlaces: ("已报 {0} / {1} 人", "{0} of {1} places taken"),
        .volunteeringPoints: ("积分", "Points"),
        .volunteeringPointsOffered: ("参加得 {0} 积分", "{0} points for attending"),
        .volunteeringPromoted: (
            "有名额空出，你已从候补转为正式报名：{0}",
            "A place freed up: you are now signed up for {0}"
        ),
        .volunteeringQRLink: ("扫码链接", "QR link"),
        .volunteeringRadius: ("签到范围（米）", "Check-in radius (m)"),
        .volunteeringRankingRule: (
            "按所选期间在本社区的服务时长排名；"
                + "参与者少于 {0} 个时不显示排名。",
            "Ranked by hours of service given here in the period; a ranking is shown only with at least {0} "
                + "participants."
        ),
        .volunteeringRankings: ("排行榜", "Rankings"),
        .volunteeringRedeem: ("时长码", "Hour code"),
        .volunteeringRedeemSubmit: ("兑换时长", "Redeem"),
        .volunteeringRegister: ("注册志愿者", "Register"),
        .volunteeringRegisterIntro: (
            "注册成为志愿者后即可报名社区活动、签到并累计服务时长。",
            "Register as a volunteer to sign up for activities, check in and collect hours."
        ),
        .volunteeringRegisterPerson: ("登记志愿者", "Register a volunteer"),
        .volunteeringRegisteredAt: ("已注册志愿者 · {0}", "Registered volunteer · {0}"),
        .volunteeringRegisteredOn: ("注册日期", "Registered on"),
        .volunteeringSignUp: ("报名", "Sign up"),
        .volunteeringSignedAt: ("报名时间", "Signed up at"),
        .volunteeringSignedUp: ("已报名", "Signed up"),
        .volunteeringSignups: ("报名与签到", "Sign-ups and attendance"),
        .volunteeringSkills: ("技能特长", "Skills"),
        .volunteeringSource: ("来源", "Source"),
        .volunteeringStartsAt: ("开始时间", "Starts"),
        .volunteeringState: ("状态", "State"),
        .volunteeringTeam: ("服务团队", "Service team"),
        .volunteeringTeamCount: ("共 {0} 支服务团队", "{0} service teams"),
        .volunteeringTeamName: ("团队名称", "Team"),
        .volunteeringTeams: ("服务团队", "Service teams"),
        .volunteeringTitle: ("活动", "Activity"),
        .volunteeringTodoCheckIn: ("按时到场签到", "Check in on the day"),
        .volunteeringTodoPromoted: ("候补转正：按时到场签到", "Off the wait list: check in on the day"),
        .volunteeringTooFew: (
            "参与者 {0} 个，少于 {1} 个，不显示排名",
            "{0} participants, fewer than {1}: no ranking shown"
        ),
        .volunteeringUnits: ("驻区单位", "Units"),
        .volunteeringUseLocation: ("获取我的位置", "Use my location"),
        .volunteeringUsed: ("已使用", "Used"),
        .volunteeringMinutesCount: ("{0} 分钟", "{0} min"),
        .volunteeringHoursShort: ("{0} 小时", "{0} h"),
        .volunteeringVolunteers: ("志愿者", "Volunteers"),
        .volunteeringWaiting: ("候补", "Waiting"),
        .volunteeringWaitingCount: ("候补 {0} 人", "{0} waiting"),
        .volunteeringTeamKind(.partyMemberTeam): ("党员志愿服务队", "Party members' team"),
        .volunteeringTeamKind(.volunteerTeam): ("志愿服务队", "Volunteer team"),
        .volunteeringTeamKind(.unitTeam): ("单位服务队", "Unit team"),
        .volunteeringActivityState(.open): ("正常", "Open"),
        .volunteeringActivityState(.cancelled): ("已取消", "Cancelled"),
        .volunteeringSourceLabel(.checkInOut): ("签到签退", "Check-in/out"),
        .volunteeringSourceLabel(.hourCode): ("时长码", "Hour code"),
        .volunteeringSourceLabel(.manual): ("手工登记", "Manual entry"),
        .volunteeringSignupStatus(.confirmed): ("已报名", "Signed up"),
        .volunteeringSignupStatus(.waiting): ("候补", "Waiting"),
        .volunteeringSignupStatus(.cancelled): ("已取消", "Cancelled"),
        .volunteeringPeriod(.month): ("本月", "Month"),
        .volunteeringPeriod(.quarter): ("本季度", "Quarter"),
        .volunteeringPeriod(.year): ("本年", "Year"),
    ])
}

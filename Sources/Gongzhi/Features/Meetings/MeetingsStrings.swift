/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let meetingID = Text("meeting.id")
    static let meetingKind = Text("meeting.kind")
    static let meetingTitle = Text("meeting.title")
    static let meetingNode = Text("meeting.node")
    static let meetingBody = Text("meeting.body")
    static let meetingNoBody = Text("meeting.noBody")
    static let meetingDate = Text("meeting.date")
    static let meetingTime = Text("meeting.time")
    static let meetingDuration = Text("meeting.duration")
    static let meetingMinutesLong = Text("meeting.minutesLong")
    static let meetingPlace = Text("meeting.place")
    static let meetingHost = Text("meeting.host")
    static let meetingHostUnit = Text("meeting.hostUnit")
    static let meetingHostSuggested = Text("meeting.hostSuggested")
    static let meetingSuggestHost = Text("meeting.suggestHost")
    static let meetingState = Text("meeting.state")
    static let meetingInvited = Text("meeting.invited")
    static let meetingPresent = Text("meeting.present")
    static let meetingDecisions = Text("meeting.decisions")
    static let meetingOpenDecisions = Text("meeting.openDecisions")
    static let meetingDecisionList = Text("meeting.decisionList")
    static let meetingNew = Text("meeting.new")
    static let meetingNone = Text("meeting.none")
    static let meetingAllKinds = Text("meeting.allKinds")
    static let meetingAllBodies = Text("meeting.allBodies")
    static let meetingMine = Text("meeting.mine")
    static let meetingMyTasks = Text("meeting.myTasks")
    static let meetingNoTasks = Text("meeting.noTasks")
    static let meetingAgenda = Text("meeting.agenda")
    static let meetingAgendaHint = Text("meeting.agendaHint")
    static let meetingAgendaEmpty = Text("meeting.agendaEmpty")
    static let meetingPropose = Text("meeting.propose")
    static let meetingAttendance = Text("meeting.attendance")
    static let meetingAttendanceCount = Text("meeting.attendanceCount")
    static let meetingAttendeesNote = Text("meeting.attendeesNote")
    static let meetingQuorum = Text("meeting.quorum")
    static let meetingQuorumMet = Text("meeting.quorumMet")
    static let meetingQuorumNotMet = Text("meeting.quorumNotMet")
    static let meetingQuorumNone = Text("meeting.quorumNone")
    static let meetingInvite = Text("meeting.invite")
    static let meetingInvitee = Text("meeting.invitee")
    static let meetingSource = Text("meeting.source")
    static let meetingSourceRoster = Text("meeting.source.roster")
    static let meetingSourceAdded = Text("meeting.source.added")
    static let meetingCheckIn = Text("meeting.checkIn")
    static let meetingCheckedIn = Text("meeting.checkedIn")
    static let meetingNotCheckedIn = Text("meeting.notCheckedIn")
    static let meetingCheckInAtDesk = Text("meeting.checkInAtDesk")
    static let meetingCheckInCode = Text("meeting.checkInCode")
    static let meetingCheckInHint = Text("meeting.checkInHint")
    static let meetingCheckInPhoneHint = Text("meeting.checkInPhoneHint")
    static let meetingMinutes = Text("meeting.minutes")
    static let meetingNoMinutes = Text("meeting.noMinutes")
    static let meetingDecisionWhat = Text("meeting.decisionText")
    static let meetingOwner = Text("meeting.owner")
    static let meetingOwnerHint = Text("meeting.ownerHint")
    static let meetingOwnerUnit = Text("meeting.ownerUnit")
    static let meetingOwnerPerson = Text("meeting.ownerPerson")
    static let meetingDue = Text("meeting.due")
    static let meetingNoDecisions = Text("meeting.noDecisions")
    static let meetingReschedule = Text("meeting.reschedule")
    static let meetingClose = Text("meeting.close")
    static let meetingCancel = Text("meeting.cancel")
    static let meetingCancelReason = Text("meeting.cancelReason")
    static let meetingCancelledNote = Text("meeting.cancelledNote")
    static let meetingTask = Text("meeting.task")
    static let meetingTaskReport = Text("meeting.taskReport")
    static let meetingDoneNote = Text("meeting.doneNote")
    static let meetingMarkDone = Text("meeting.markDone")
    static let meetingOpen = Text("meeting.open")
    static let meetingFeed = Text("meeting.feed")
    static let meetingFeedHint = Text("meeting.feedHint")
    static let meetingFeedNew = Text("meeting.feedNew")
    static let meetingFeedExists = Text("meeting.feedExists")
    static let meetingFeedShownOnce = Text("meeting.feedShownOnce")
    static let meetingFeedPersonName = Text("meeting.feedPersonName")
    static let homeMeetingsHint = Text("home.meetings.hint")
    static let flashMeetingCheckedIn = Text("flash.meetingCheckedIn")
    static let entityMeeting = Text("entity.meeting")
    static let entityMeetingAgendaItem = Text("entity.meeting_agenda_item")
    static let entityMeetingInvitee = Text("entity.meeting_invitee")
    static let entityMeetingDecision = Text("entity.meeting_decision")
    static let entityMeetingFeed = Text("entity.meeting_feed")
    static let meetingKindStreetYearly = Text("meeting.kind.streetYearly")
    static let meetingKindCommunityQuarterly = Text("meeting.kind.communityQuarterly")
    static let meetingKindTriadMonthly = Text("meeting.kind.triadMonthly")
    static let meetingKindAreaJoint = Text("meeting.kind.areaJoint")
    static let meetingKindMemberCouncil = Text("meeting.kind.memberCouncil")
    static let meetingKindResidentCouncil = Text("meeting.kind.residentCouncil")
    static let meetingKindRequestDecision = Text("meeting.kind.requestDecision")
    static let meetingStateScheduled = Text("meeting.state.scheduled")
    static let meetingStateClosed = Text("meeting.state.closed")
    static let meetingStateCancelled = Text("meeting.state.cancelled")
    static let meetingStateToClose = Text("meeting.state.toClose")
    static let meetingDecisionStateOpen = Text("meeting.decisionState.open")
    static let meetingDecisionStateDone = Text("meeting.decisionState.done")
    static let errorMeetingCommunity = Text("error.meeting.community")
    static let errorMeetingStreet = Text("error.meeting.street")
    static let errorMeetingNode = Text("error.meeting.node")
    static let errorMeetingBodyNode = Text("error.meeting.bodyNode")
    static let errorMeetingHost = Text("error.meeting.host")
    static let errorMeetingKind = Text("error.meeting.kind")
    static let errorMeetingKindParam = Text("error.meeting.kindParam")
    static let errorMeetingDateRange = Text("error.meeting.dateRange")
    static let errorMeetingTime = Text("error.meeting.time")
    static let errorMeetingTooLong = Text("error.meeting.tooLong")
    static let errorMeetingNotScheduled = Text("error.meeting.notScheduled")
    static let errorMeetingAgendaTitle = Text("error.meeting.agendaTitle")
    static let errorMeetingAgendaTwice = Text("error.meeting.agendaTwice")
    static let errorMeetingAgendaOne = Text("error.meeting.agendaOne")
    static let meetingAgendaNeed = Text("meeting.agendaNeed")
    static let errorMeetingInvitedTwice = Text("error.meeting.invitedTwice")
    static let errorMeetingCode = Text("error.meeting.code")
    static let errorMeetingDecisionWhat = Text("error.meeting.decisionText")
    static let errorMeetingDecisionOwner = Text("error.meeting.decisionOwner")
    static let errorMeetingDecisionOneOwner = Text("error.meeting.decisionOneOwner")
    static let errorMeetingOwnerAccount = Text("error.meeting.ownerAccount")
    static let errorMeetingDueBefore = Text("error.meeting.dueBefore")
    static let errorMeetingDecisionDone = Text("error.meeting.decisionDone")
    static let errorMeetingDoneNote = Text("error.meeting.doneNote")
    static let errorMeetingCheckInNotInvited = Text("error.meeting.checkIn.notInvited")
    static let errorMeetingCheckInAlready = Text("error.meeting.checkIn.already")
    static let errorMeetingCheckInNotToday = Text("error.meeting.checkIn.notToday")
    static let errorMeetingCheckInNotOpen = Text("error.meeting.checkIn.notOpen")
    static let errorMeetingCloseOwnerless = Text("error.meeting.close.ownerless")
    static let errorMeetingCloseNoDue = Text("error.meeting.close.noDue")
    static let errorMeetingCloseNotScheduled = Text("error.meeting.close.notScheduled")
    static let errorMeetingCloseNotStarted = Text("error.meeting.close.notStarted")
}

enum MeetingsStrings {
    static let table = StringTable([
        .meetingID: ("编号", "No."),
        .meetingKind: ("会议类型", "Kind"),
        .meetingTitle: ("会议名称", "Title"),
        .meetingNode: ("所属社区/街道", "Community or street"),
        .meetingBody: ("联席组织", "Joint body"),
        .meetingNoBody: ("不属于联席组织", "No joint body"),
        .meetingDate: ("日期", "Date"),
        .meetingTime: ("开始时间", "Starts at"),
        .meetingDuration: ("时长（分钟）", "Length (minutes)"),
        .meetingMinutesLong: ("{0} 分钟", "{0} minutes"),
        .meetingPlace: ("地点", "Place"),
        .meetingHost: ("主持人", "Host"),
        .meetingHostUnit: ("轮值主持单位", "Hosting unit (rotation)"),
        .meetingHostSuggested: ("按轮值顺序，本次由{0}主持。", "By rotation, {0} hosts this meeting."),
        .meetingSuggestHost: ("按轮值推荐主持单位", "Suggest the host by rotation"),
        .meetingState: ("状态", "State"),
        .meetingInvited: ("应到", "Invited"),
        .meetingPresent: ("实到", "Present"),
        .meetingDecisions: ("会议决定", "Decisions"),
        .meetingOpenDecisions: ("未办结决定", "Open decisions"),
        .meetingDecisionList: ("决定事项", "Decisions (owner, due, state)"),
        .meetingNew: ("新建会议", "New meeting"),
        .meetingNone: ("暂无会议。", "No meetings."),
        .meetingAllKinds: ("全部类型", "All kinds"),
        .meetingAllBodies: ("全部联席组织", "All bodies"),
        .meetingMine: ("我的会议", "My meetings"),
        .meetingMyTasks: ("我承办的会议决定", "Decisions I own"),
        .meetingNoTasks: ("暂无承办的决定。", "No decisions to carry out."),
        .meetingAgenda: ("议程", "Agenda"),
        .meetingAgendaHint: (
            """
            议程包括本社区待会议定事的诉求和成员提出的议题；在每条诉求页面上记录\
            会议决定、承办单位和期限。
            """,
            "The agenda lists the community's requests awaiting a decision and items members propose; record each "
                + "request's decision, handlers and deadline on its page."
        ),
        .meetingAgendaEmpty: ("暂无议题。", "Nothing on the agenda yet."),
        .meetingPropose: ("提出议题", "Propose an item"),
        .meetingAttendance: ("参会与签到", "Invitations and check-in"),
        .meetingAttendanceCount: ("已签到 {0} / 应到 {1} 人", "{0} of {1} invited checked in"),
        .meetingAttendeesNote: ("参会人员（原记录）：", "Attendees (as recorded):"),
        .meetingQuorum: (
            "组成人员到会 {0} / {1} 人，过半数需 {2} 人。",
            "{0} of {1} members of the body present; a quorum is {2}."
        ),
        .meetingQuorumMet: ("已达法定人数", "Quorate"),
        .meetingQuorumNotMet: ("未达法定人数", "Not quorate"),
        .meetingQuorumNone: (
            "本会议不属于联席组织或当日无组成人员，不计法定人数。",
            "No roster applies (no joint body, or no seats that day): quorum does not apply."
        ),
        .meetingInvite: ("邀请参会", "Invite"),
        .meetingInvitee: ("参会人", "Invitee"),
        .meetingSource: ("来源", "From"),
        .meetingSourceRoster: ("组成人员", "Roster"),
        .meetingSourceAdded: ("另行邀请", "Added"),
        .meetingCheckIn: ("签到", "Check in"),
        .meetingCheckedIn: ("已签到", "Checked in"),
        .meetingNotCheckedIn: ("未签到", "Not checked in"),
        .meetingCheckInAtDesk: ("代为签到", "Check in at the desk"),
        .meetingCheckInCode: ("签到码", "Check-in code"),
        .meetingCheckInHint: (
            "会场展示签到码或下面的链接（可生成二维码），受邀人员在手机上签到。",
            "Show the code or the link below (make it a QR code): invitees check in on their phones."
        ),
        .meetingCheckInPhoneHint: (
            "输入会场展示的 6 位签到码，仅限受邀人员在会议当天签到。",
            "Enter the 6-digit code shown at the meeting; invitees only, on the meeting's day."
        ),
        .meetingMinutes: ("会议纪要", "Minutes"),
        .meetingNoMinutes: ("暂无纪要。", "No minutes yet."),
        .meetingDecisionWhat: ("决定事项", "Decision"),
        .meetingOwner: ("承办", "Owner"),
        .meetingOwnerHint: (
            "每项决定须有且只有一个承办单位或承办人（须有账号）和办结期限。",
            "Every decision has exactly one owner, a unit or a person with an account, and a due date."
        ),
        .meetingOwnerUnit: ("承办单位", "Owner unit"),
        .meetingOwnerPerson: ("承办人", "Owner person"),
        .meetingDue: ("办结期限", "Due"),
        .meetingNoDecisions: ("暂无决定。", "No decisions yet."),
        .meetingReschedule: ("调整时间地点", "Change time or place"),
        .meetingClose: ("结束会议", "Close the meeting"),
        .meetingCancel: ("取消会议", "Cancel the meeting"),
        .meetingCancelReason: ("取消原因", "Reason for cancelling"),
        .meetingCancelledNote: ("会议已取消：{0}", "The meeting was cancelled: {0}"),
        .meetingTask: ("会议决定事项", "Meeting decision"),
        .meetingTaskReport: ("办结后反馈会议", "Report back when done"),
        .meetingDoneNote: ("办理情况", "What was done"),
        .meetingMarkDone: ("反馈办结", "Report done"),
        .meetingOpen: ("查看会议", "Open the meeting"),
        .meetingFeed: ("日历订阅", "Calendar feed"),
        .meetingFeedHint: (
            """
            在手机或电脑日历中订阅下列地址，会议的时间、地点和取消会自动更新。地\
            址含密钥，请勿外传。
            """,
            "Subscribe to these addresses in a calendar app: changes of time, place and cancellations follow. "
                + "The address carries a secret key: keep it to yourself."
        ),
        .meetingFeedNew: ("生成新的订阅地址", "Make a new feed address"),
        .meetingFeedExists: (
            "已于 {0} 生成订阅地址；重新生成后旧地址失效。",
            "A feed address was made on {0}; a new one replaces it."
        ),
        .meetingFeedShownOnce: (
            "订阅地址只显示这一次，请现在复制。", "The addresses are shown only now: copy them."
        ),
        .meetingFeedPersonName: ("{0}的会议", "{0}'s meetings"),
        .homeMeetingsHint: ("会议通知、签到和承办事项", "Meetings, check-in and decisions you own"),
        .flashMeetingCheckedIn: ("签到成功。", "Checked in."),
        .entityMeeting: ("会议", "Meeting"),
        .entityMeetingAgendaItem: ("会议议题", "Agenda item"),
        .entityMeetingInvitee: ("参会人员", "Meeting invitee"),
        .entityMeetingDecision: ("会议决定", "Meeting decision"),
        .entityMeetingFeed: ("日历订阅", "Calendar feed"),
        .meetingKindStreetYearly: ("街道大工委年度联席会议", "Street yearly joint meeting"),
        .meetingKindCommunityQuarterly: ("社区大党委季度联席会议", "Community quarterly joint meeting"),
        .meetingKindTriadMonthly: ("“3+N”月度联席会议", "3+N monthly meeting"),
        .meetingKindAreaJoint: ("片区联席会议", "Area joint meeting"),
        .meetingKindMemberCouncil: ("党员议事会", "Party members' council"),
        .meetingKindResidentCouncil: ("居民议事会", "Residents' council"),
        .meetingKindRequestDecision: (
            "社区联席会议（会议定事）",
            "Community joint meeting (request decisions)"
        ),
        .meetingStateScheduled: ("待召开", "Scheduled"),
        .meetingStateClosed: ("已结束", "Closed"),
        .meetingStateCancelled: ("已取消", "Cancelled"),
        .meetingStateToClose: ("待结束", "To be closed"),
        .meetingDecisionStateOpen: ("办理中", "Open"),
        .meetingDecisionStateDone: ("已办结", "Done"),
        .errorMeetingCommunity: (
            "此类会议须属于一个社区。",
            "This kind of meeting belongs to a community."
        ),
        .errorMeetingStreet: (
            "街道年度联席会议须属于一个街道。",
            "A street yearly meeting belongs to a street."
        ),
        .errorMeetingNode: ("请选择一个社区或街道。", "Choose one community or street."),
        .errorMeetingBodyNode: (
            "联席组织不属于所选社区或街道。",
            "The joint body does not belong to the chosen community or street."
        ),
        .errorMeetingHost: ("请填写主持人或主持单位。", "Give the host or the hosting unit."),
        .errorMeetingKind: ("会议类型无效。", "Not a kind of meeting."),
        .errorMeetingKindParam: ("会议类型或状态无效。", "Not a kind or state of meeting."),
        .errorMeetingDateRange: (
            "会议日期须在 2000 年之后、{0} 年之内。",
            "The meeting's date must be after 2000 and within {0} years."
        ),
        .errorMeetingTime: ("时间无效，请写成 19:30。", "Not a time; write it as 19:30."),
        .errorMeetingTooLong: ("最多 {0} 个字。", "At most {0} characters."),
        .errorMeetingNotScheduled: (
            "会议已结束或已取消，不能再修改。",
            "The meeting is closed or cancelled: it no longer changes."
        ),
        .errorMeetingAgendaTitle: ("请填写议题。", "Give the item's title."),
        .errorMeetingAgendaTwice: ("该事项已在议程上。", "That item is on the agenda already."),
        .errorMeetingAgendaOne: (
            "一个议题只能对应一件诉求或一项需求。",
            "An agenda item takes up one request or one need, not both."
        ),
        .meetingAgendaNeed: ("或选清单中的需求、问题", "or a need or problem from the lists"),
        .errorMeetingInvitedTwice: ("此人已受邀。", "This person is invited already."),
        .errorMeetingCode: (
            "签到码不对：请输入会场展示的 6 位数字。",
            "Wrong code: enter the 6 digits shown at the meeting."
        ),
        .errorMeetingDecisionWhat: ("请填写决定事项。", "Give the decision."),
        .errorMeetingDecisionOwner: (
            "每项决定须指定一个承办单位或承办人。",
            "Every decision needs an owner: a unit or a person."
        ),
        .errorMeetingDecisionOneOwner: (
            "承办单位和承办人只能选一个。", "Choose one owner: a unit or a person, not both."
        ),
        .errorMeetingOwnerAccount: (
            "承办人须有账号，才能收到待办并反馈。",
            "The owner needs an account to see the task and report back."
        ),
        .errorMeetingDueBefore: (
            "办结期限不能早于会议日期。",
            "The due date cannot be before the meeting."
        ),
        .errorMeetingDecisionDone: ("该决定已反馈办结。", "This decision is reported done already."),
        .errorMeetingDoneNote: ("请填写办理情况。", "Say what was done."),
        .errorMeetingCheckInNotInvited: (
            "您不在本次会议的邀请名单中，不能签到。",
            "You are not invited to this meeting, so you cannot check in."
        ),
        .errorMeetingCheckInAlready: ("已经签到过了。", "Checked in already."),
        .errorMeetingCheckInNotToday: (
            "签到时间为会议开始前 1 小时至结束后 30 分钟；"
                + "会议开始后方可在桌面登记出席。",
            "Check-in on the phone opens an hour before the meeting and closes half an hour after it; "
                + "the desk records attendance once it has begun."
        ),
        .errorMeetingCheckInNotOpen: ("会议已结束或已取消。", "The meeting is closed or cancelled."),
        .errorMeetingCloseOwnerless: (
            "有决定没有承办单位或承办人，不能结束会议。",
            "A decision has no owner: the meeting cannot close."
        ),
        .errorMeetingCloseNoDue: (
            "有决定没有办结期限，不能结束会议。",
            "A decision has no due date: the meeting cannot close."
        ),
        .errorMeetingCloseNotScheduled: ("会议已结束或已取消。", "The meeting is closed or cancelled."),
        .errorMeetingCloseNotStarted: (
            "会议还没有开始，不能结束。", "The meeting has not begun yet and cannot be closed."
        ),
    ])
}

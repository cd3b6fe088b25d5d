/// The service records' interface strings.
extension Text {
    static let navRecords = Text("nav.records")
    static let homeRecordsHint = Text("home.records.hint")
    static let recordsTitle = Text("records.title")
    static let recordsOpen = Text("records.open")
    static let recordsRule = Text("records.rule")
    static let recordsAsOf = Text("records.asOf")
    static let recordsTotals = Text("records.totals")
    static let recordsBalance = Text("records.balance")
    static let recordsDay = Text("records.day")
    static let recordsKind = Text("records.kind")
    static let recordsWhat = Text("records.what")
    static let recordsHours = Text("records.hours")
    static let recordsPoints = Text("records.points")
    static let recordsKindService = Text("records.kind.service")
    static let recordsKindPost = Text("records.kind.post")
    static let recordsKindHours = Text("records.kind.hours")
    static let recordsKindProject = Text("records.kind.project")
    static let recordsKindPoints = Text("records.kind.points")
}

enum RecordsStrings {
    static let table = StringTable([
        .navRecords: ("网上纪实", "Service record"),
        .homeRecordsHint: ("我参加的服务、时长和积分", "My services, hours and points"),
        .recordsTitle: ("{0} 的网上纪实", "Service record of {0}"),
        .recordsOpen: ("查看网上纪实", "Open the service record"),
        .recordsAsOf: ("截至 {0}。打印本页即得纪实表。", "As of {0}. Print this page for a paper record."),
        .recordsRule: (
            "由各项记录汇总：已审核的服务、认领的岗位、签到签退及核定的志愿时"
                + "长、行动项目和积分流水，不手工填写。",
            "Gathered from the records: verified services, posts held, volunteer hours from check-in and "
                + "check-out or approved, action projects and the points ledger; nothing is typed in."
        ),
        .recordsTotals: (
            "服务 {0} 次 · 时长 {1} 小时 · 活动 {2} 个 · 在岗 {3} 个 · 项目 {4} 个",
            "{0} services · {1} hours · {2} activities · {3} posts held · {4} projects"
        ),
        .recordsBalance: ("积分余额 {0}", "points balance {0}"),
        .recordsDay: ("日期", "Day"),
        .recordsKind: ("类型", "Kind"),
        .recordsWhat: ("内容", "What"),
        .recordsHours: ("时长（小时）", "Hours"),
        .recordsPoints: ("积分", "Points"),
        .recordsKindService: ("党员服务", "Member service"),
        .recordsKindPost: ("认领岗位", "Post held"),
        .recordsKindHours: ("志愿服务", "Volunteer hours"),
        .recordsKindProject: ("行动项目", "Action project"),
        .recordsKindPoints: ("积分", "Points"),
    ])
}

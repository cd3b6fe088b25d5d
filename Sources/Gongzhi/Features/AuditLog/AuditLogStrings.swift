/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let actionFilter = Text("action.filter")
    static let actionPrev = Text("action.prev")
    static let actionNext = Text("action.next")
    static let auditAt = Text("audit.at")
    static let auditActor = Text("audit.actor")
    static let auditAction = Text("audit.action")
    static let auditEntity = Text("audit.entity")
    static let auditBefore = Text("audit.before")
    static let auditAfter = Text("audit.after")
    static let auditFrom = Text("audit.from")
    static let auditTo = Text("audit.to")
    static let auditNone = Text("audit.none")
    static let accessKind = Text("access.kind")
    static let accessDetail = Text("access.detail")
    static let errorDateParam = Text("error.date.param")
}

/// The interface strings of AuditLog, in both languages.
enum AuditLogStrings {
    static let table = StringTable([
        .actionFilter: ("筛选", "Filter"),
        .actionPrev: ("上一页", "Previous"),
        .actionNext: ("下一页", "Next"),
        .auditAt: ("时间", "Time"),
        .auditActor: ("操作人", "By"),
        .auditAction: ("操作", "Action"),
        .auditEntity: ("对象", "Record"),
        .auditBefore: ("变更前", "Before"),
        .auditAfter: ("变更后", "After"),
        .auditFrom: ("起始日期", "From"),
        .auditTo: ("截止日期", "To"),
        .auditNone: ("暂无记录。", "Nothing recorded."),
        .accessKind: ("类别", "Kind"),
        .accessDetail: ("详情", "Detail"),
        .errorDateParam: (
            "参数 {0} 的日期“{1}”无效，请写成 2026-11-24。",
            "“{1}” is not a valid date for {0}; write it as 2026-11-24."
        ),
    ])
}

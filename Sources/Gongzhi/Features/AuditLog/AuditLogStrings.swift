/// The interface strings of AuditLog, in both languages.
enum AuditLogStrings {
    static let table = StringTable(
        zhHans: [
            "action.filter": "筛选",
            "action.prev": "上一页",
            "action.next": "下一页",
            "audit.at": "时间",
            "audit.actor": "操作人",
            "audit.action": "操作",
            "audit.entity": "对象",
            "audit.before": "变更前",
            "audit.after": "变更后",
            "audit.from": "起始日期",
            "audit.to": "截止日期",
            "audit.none": "暂无记录。",
            "access.kind": "类别",
            "access.detail": "详情",
            "error.date.param": "参数 {0} 的日期“{1}”无效，请写成 2026-11-24。",
        ],
        en: [
            "action.filter": "Filter",
            "action.prev": "Previous",
            "action.next": "Next",
            "audit.at": "Time",
            "audit.actor": "By",
            "audit.action": "Action",
            "audit.entity": "Record",
            "audit.before": "Before",
            "audit.after": "After",
            "audit.from": "From",
            "audit.to": "To",
            "audit.none": "Nothing recorded.",
            "access.kind": "Kind",
            "access.detail": "Detail",
            "error.date.param": "“{1}” is not a valid date for {0}; write it as 2026-11-24.",
        ]
    )
}

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
    static let auditChanges = Text("audit.changes")
    static let permissionViewTree = Text("permission.viewTree")
    static let permissionEditTree = Text("permission.editTree")
    static let permissionViewPeople = Text("permission.viewPeople")
    static let permissionEditPeople = Text("permission.editPeople")
    static let permissionImportPeople = Text("permission.importPeople")
    static let permissionExportData = Text("permission.exportData")
    static let permissionUnmaskPersonalData = Text("permission.unmaskPersonalData")
    static let permissionViewAudit = Text("permission.viewAudit")
    static let permissionManageAccounts = Text("permission.manageAccounts")
    static let accessDetailPermission = Text("access.detailPermission")
    static let accessDetailChange = Text("access.detailChange")
    static let accessDetailRecord = Text("access.detailRecord")
    static let accessDetailField = Text("access.detailField")
    static let auditField = Text("audit.field")
    static let auditNoFieldChange = Text("audit.noFieldChange")
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
        .auditChanges: ("变更内容", "Changes"),
        .permissionViewTree: ("查看组织与网格", "View the tree and grids"),
        .permissionEditTree: ("编辑组织与网格", "Edit the tree and grids"),
        .permissionViewPeople: ("查看人员", "View people"),
        .permissionEditPeople: ("编辑人员", "Edit people"),
        .permissionImportPeople: ("导入人员", "Import people"),
        .permissionExportData: ("导出数据", "Export data"),
        .permissionUnmaskPersonalData: ("查看完整个人信息", "Unmask personal data"),
        .permissionViewAudit: ("查看日志", "View the logs"),
        .permissionManageAccounts: ("管理账号", "Manage accounts"),
        .accessDetailPermission: ("缺少权限：{0}", "Missing permission: {0}"),
        .accessDetailChange: ("修改{0} #{1}", "Change {0} #{1}"),
        .accessDetailRecord: ("{0} #{1}", "{0} #{1}"),
        .accessDetailField: ("{0} #{1}（字段 {2}）", "{0} #{1} (field {2})"),
        .auditField: ("项目", "Field"),
        .auditNoFieldChange: ("无字段变化", "No field changed"),
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

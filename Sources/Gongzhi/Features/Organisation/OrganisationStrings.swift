/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let actionMove = Text("action.move")
    static let actionMerge = Text("action.merge")
    static let actionMore = Text("action.more")
    static let orgTitle = Text("org.title")
    static let orgTreeHint = Text("org.treeHint")
    static let orgMembers = Text("org.members")
    static let orgChildren = Text("org.children")
    static let orgChildCount = Text("org.childCount")
    static let orgPeople = Text("org.people")
    static let orgRename = Text("org.rename")
    static let orgAddChild = Text("org.addChild")
    static let orgMove = Text("org.move")
    static let orgMerge = Text("org.merge")
    static let orgMergeHint = Text("org.mergeHint")
    static let orgArchiveHint = Text("org.archiveHint")
    static let fieldCode = Text("field.code")
    static let errorCodeTooLong = Text("error.code.tooLong")
    static let errorCodeTaken = Text("error.code.taken")
    static let errorParentRequired = Text("error.parent.required")
    static let errorTargetRequired = Text("error.target.required")
    static let orgParentCode = Text("org.parentCode")
}

/// The interface strings of Organisation, in both languages.
enum OrganisationStrings {
    static let table = StringTable([
        .actionMove: ("移动", "Move"),
        .actionMerge: ("合并", "Merge"),
        .actionMore: ("查看全部", "Show all"),
        .orgTitle: ("组织体系", "Organisation tree"),
        .orgTreeHint: (
            "点击组织名称查看详情、人员和变更历史。",
            "Click a name to see its details, people and history."
        ),
        .orgMembers: ("党员 {0} 名", "{0} members"),
        .orgChildren: ("下级组织", "Sub-organisations"),
        .orgChildCount: ("下级 {0} 个", "{0} below"),
        .orgPeople: ("本级人员", "People at this node"),
        .orgRename: ("名称", "Name"),
        .orgAddChild: ("新建下级组织", "Add a sub-organisation"),
        .orgMove: ("移动到", "Move under"),
        .orgMerge: ("合并到", "Merge into"),
        .orgMergeHint: (
            "下级组织、人员和单位将转入目标组织，本组织归档并指向目标。",
            "Sub-organisations, people and units move to the target; this node is archived with a pointer to it."
        ),
        .orgArchiveHint: (
            "只有没有下级组织和人员的组织才能归档。",
            "Only a node with no active sub-organisations or people can be archived."
        ),
        .fieldCode: ("编码", "Code"),
        .errorCodeTooLong: ("编码不能超过 40 个字符。", "The code may not exceed 40 characters."),
        .errorCodeTaken: ("编码 {0} 已被使用。", "The code {0} is already in use."),
        .errorParentRequired: ("请选择上级组织。", "Choose the parent organisation."),
        .errorTargetRequired: ("请选择合并目标。", "Choose the organisation to merge into."),
        .orgParentCode: ("上级编码", "Parent code"),
    ])
}

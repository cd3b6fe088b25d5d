/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let flashArchived = Text("flash.archived")
    static let fieldGender = Text("field.gender")
    static let fieldIdNumber = Text("field.idNumber")
    static let fieldBirthDate = Text("field.birthDate")
    static let fieldFacets = Text("field.facets")
    static let fieldOrgCode = Text("field.orgCode")
    static let fieldInService = Text("field.inService")
    static let fieldEmployer = Text("field.employer")
    static let fieldHomeCommunity = Text("field.homeCommunity")
    static let fieldJoinedOn = Text("field.joinedOn")
    static let fieldMemberStatus = Text("field.memberStatus")
    static let fieldWorkerGrade = Text("field.workerGrade")
    static let genderMale = Text("gender.male")
    static let genderFemale = Text("gender.female")
    static let peopleNew = Text("people.new")
    static let peopleExportForImport = Text("people.exportForImport")
    static let peopleSearch = Text("people.search")
    static let peopleSearchHint = Text("people.searchHint")
    static let peopleUnmask = Text("people.unmask")
    static let peopleMaskedNote = Text("people.maskedNote")
    static let peopleUnmaskedNote = Text("people.unmaskedNote")
    static let peopleKeepHint = Text("people.keepHint")
    static let importHint = Text("import.hint")
    static let importFile = Text("import.file")
    static let importCommit = Text("import.commit")
    static let importFix = Text("import.fix")
    static let importCounts = Text("import.counts")
    static let importLine = Text("import.line")
    static let importProblems = Text("import.problems")
    static let memberStatusFull = Text("memberStatus.full")
    static let memberStatusProbationary = Text("memberStatus.probationary")
    static let errorIdNumberTaken = Text("error.idNumber.taken")
    static let errorGender = Text("error.gender")
    static let errorAddressTooLong = Text("error.address.tooLong")
    static let errorGradeWording = Text("error.grade.text")
    static let errorGradeRequired = Text("error.grade.required")
    static let errorPersonEmployerRequired = Text("error.person.employerRequired")
    static let errorPersonHome = Text("error.person.home")
    static let errorPersonArchived = Text("error.person.archived")
    static let errorImportUnknownFacet = Text("error.import.unknownFacet")
    static let errorImportNoFacet = Text("error.import.noFacet")
    static let errorImportDone = Text("error.import.done")
    static let importKind = Text("import.kind")
    static let errorSearchMaskedPhone = Text("error.search.maskedPhone")
    static let errorIdNumberRegisteredElsewhere = Text("error.idNumber.registeredElsewhere")
    static let errorIdNumberCheckLimit = Text("error.idNumber.checkLimit")
}

/// The interface strings of People, in both languages.
enum PeopleStrings {
    static let table = StringTable([
        .flashArchived: ("已归档。", "Archived."),
        .fieldGender: ("性别", "Gender"),
        .fieldIdNumber: ("身份证号", "ID number"),
        .fieldBirthDate: ("出生日期", "Date of birth"),
        .fieldFacets: ("人员类型", "Type"),
        .fieldOrgCode: ("组织编码", "Organisation code"),
        .fieldInService: ("在职党员", "In-service member"),
        .fieldEmployer: ("工作单位", "Employer"),
        .fieldHomeCommunity: ("居住社区（报到社区）", "Home community (reports to)"),
        .fieldJoinedOn: ("入党日期", "Joined the Party"),
        .fieldMemberStatus: ("党员类别", "Membership"),
        .fieldWorkerGrade: ("岗位等级（四级十二档）", "Grade (4 levels × 3 steps)"),
        .genderMale: ("男", "Male"),
        .genderFemale: ("女", "Female"),
        .peopleNew: ("新增人员", "Add a person"),
        .peopleExportForImport: (
            "导出可再导入的完整名单（将记录）",
            "Export in full, to import again (logged)"
        ),
        .peopleSearch: ("姓名或手机号", "Name or mobile"),
        .peopleSearchHint: ("如：张 或 5678", "e.g. Zhang or 5678"),
        .peopleUnmask: ("查看完整信息（将记录）", "Show in full (logged)"),
        .peopleMaskedNote: (
            "身份证号、手机号和住址已脱敏显示。",
            "ID number, mobile and address are masked."
        ),
        .peopleUnmaskedNote: (
            "正在显示完整个人信息，本次查看已记入访问日志。",
            "Personal data shown in full; this read has been logged."
        ),
        .peopleKeepHint: (
            "身份证号、手机号、住址留空则保持不变。",
            "Leave ID number, mobile or address empty to keep what is stored."
        ),
        .importHint: (
            """
            上传 Excel 另存的 CSV 文件（UTF-8 或 GBK/GB18030 均可）。第一行为表头，可用以下列\
            名：
            """,
            "Upload a CSV saved from Excel (UTF-8 or GBK/GB18030). "
                + "The first row is the header; these column names are understood:"
        ),
        .importFile: ("CSV 文件", "CSV file"),
        .importCommit: ("确认导入 {0} 行", "Import {0} rows"),
        .importFix: (
            "有 {0} 行存在问题，请修改文件后重新上传；本次没有导入任何数据。",
            "{0} rows have problems; fix the file and upload it again. Nothing was imported."
        ),
        .importCounts: ("共 {0} 行，其中 {1} 行有问题", "{0} rows, {1} with problems"),
        .importLine: ("行号", "Line"),
        .importProblems: ("问题", "Problems"),
        .memberStatusFull: ("正式党员", "Full member"),
        .memberStatusProbationary: ("预备党员", "Probationary member"),
        .errorIdNumberTaken: ("该身份证号已登记。", "This ID number is already registered."),
        .errorGender: ("性别只能是男或女。", "Gender must be male or female."),
        .errorAddressTooLong: ("住址太长。", "The address is too long."),
        .errorGradeWording: (
            "岗位等级请写成“二级三档”。",
            "Write the grade as 二级三档 (level 2, step 3)."
        ),
        .errorGradeRequired: ("社区工作者需填写岗位等级。", "A community worker needs a grade."),
        .errorPersonEmployerRequired: (
            "在职党员需填写工作单位。",
            "An in-service member needs an employer."
        ),
        .errorPersonHome: (
            "居住社区必须是一个有效的社区。",
            "The home community must be an active community."
        ),
        .errorPersonArchived: ("该人员已归档。", "This person is already archived."),
        .errorImportUnknownFacet: (
            "人员类型应为：党员、群众、志愿者、社区工作者、第一书记。",
            "Type must be one of 党员, 群众, 志愿者, 社区工作者, 第一书记."
        ),
        .errorImportNoFacet: ("请至少选择一种人员类型。", "Choose at least one type."),
        .errorImportDone: ("这个批次已经导入过了。", "This batch has already been imported."),
        .importKind: ("导入内容", "What to import"),
        .errorSearchMaskedPhone: (
            "手机号请按尾号四位，或前三位加尾号四位（如 1395678）查询。",
            """
            Search a mobile number by its last four digits, or its first three and last four (e.g. 1395678).
            """
        ),
        .errorIdNumberRegisteredElsewhere: (
            """
            该身份证号已在本区登记（不在您的管理范围内）。请联系组织部门办理转接，\
            不要重复登记。
            """,
            """
            This ID number is already registered in the district, outside your scope. Ask the organisation \
            department to transfer the record instead of registering it again.
            """
        ),
        .errorIdNumberCheckLimit: (
            """
            与此号码掩码相同的身份证号今天核查次数过多，暂不答复。如确需登记，请联\
            系组织部门。
            """,
            """
            ID numbers that look like this one have been checked too often today; no answer is given. Ask the \
            organisation department if you must register it.
            """
        ),
    ])
}

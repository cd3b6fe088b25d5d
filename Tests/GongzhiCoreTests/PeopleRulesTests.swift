import Testing

@testable import GongzhiCore

@Suite("Personal data rules")
struct PeopleRulesTests {
    // 11010519491231002X is the standard's published example.
    @Test func idNumberChecksum() throws {
        let id = try IDNumber("11010519491231002x")
        #expect(id.value == "11010519491231002X")
        #expect(id.birthDate == "1949-12-31")
        #expect(!id.isMale)
        #expect(throws: IDNumber.Problem.checksum) { try IDNumber("110105194912310021") }
        #expect(throws: IDNumber.Problem.length) { try IDNumber("11010519491231002") }
        #expect(throws: IDNumber.Problem.characters) { try IDNumber("1101051949123100AX") }
        #expect(throws: IDNumber.Problem.birthDate) { try IDNumber("110105194902300025") }
    }

    @Test func mobileNumbers() throws {
        #expect(try MobileNumber("+86 139-1234-5678").value == "13912345678")
        #expect(throws: MobileNumber.Invalid.self) { try MobileNumber("12912345678") }
        #expect(throws: MobileNumber.Invalid.self) { try MobileNumber("1391234567") }
        #expect(throws: MobileNumber.Invalid.self) { try MobileNumber("010-12345678") }
    }

    @Test func masking() {
        #expect(Masking.idNumber("11010519491231002X") == "110105********002X")
        #expect(Masking.phone("13912345678") == "139****5678")
        #expect(Masking.address("清河路12号3栋2单元1001室") == "清河路****")
        #expect(Masking.name("欧阳娜娜") == "欧**娜")
        #expect(Masking.name("李华") == "李*")
    }

    @Test func workerGradeFourLevelsTwelveSteps() throws {
        #expect(WorkerGrade.all.count == 12)
        let g = try WorkerGrade(level: 2, step: 3)
        #expect(g.chineseLabel == "二级三档")
        #expect(g.rank == 6)
        #expect(g.promoted() == (try WorkerGrade(level: 3, step: 1)))
        #expect((try WorkerGrade(level: 4, step: 3)).promoted() == nil)
        #expect(throws: WorkerGrade.Invalid.level) { try WorkerGrade(level: 5, step: 1) }
        #expect(throws: WorkerGrade.Invalid.step) { try WorkerGrade(level: 1, step: 0) }
        #expect(PersonImport.grade("二级三档") == g)
        #expect(PersonImport.grade("2-3") == g)
        #expect(PersonImport.grade("五级一档") == nil)
    }

    @Test func passwordPolicy() throws {
        try PasswordPolicy.check("Gongzhi-demo-2026")
        try PasswordPolicy.check("abcdef12!")
        #expect(throws: PasswordPolicy.Problem.tooShort) { try PasswordPolicy.check("Ab1!") }
        #expect(throws: PasswordPolicy.Problem.tooFewKinds) { try PasswordPolicy.check("abcdefgh12") }
    }

    @Test func lockoutAfterFiveFailures() {
        var count = 0
        for _ in 0..<4 {
            let r = LoginLockout.afterFailure(count: count, now: 1000)
            #expect(r.lockedUntil == nil)
            count = r.count
        }
        let fifth = LoginLockout.afterFailure(count: count, now: 1000)
        #expect(fifth.lockedUntil == 1900.0)
        #expect(fifth.count == 0)
    }
}

@Suite("CSV and encodings")
struct CSVTests {
    @Test func parsesQuotesCommasAndLineBreaks() throws {
        let rows = try CSV.parse("姓名,备注\r\n\"王,五\",\"说 \"\"你好\"\"\n第二行\"\r\n李四,\r\n\r\n")
        #expect(rows == [["姓名", "备注"], ["王,五", "说 \"你好\"\n第二行"], ["李四", ""]])
        #expect(throws: CSV.Malformed.self) { try CSV.parse("a,\"b\nc") }
    }

    @Test func writesForExcelAndGuardsFormulas() {
        let out = CSV.write(header: ["a", "b"], rows: [["=SUM(A1)", "x,y"]])
        #expect(out == "\u{FEFF}a,b\r\n'=SUM(A1),\"x,y\"\r\n")
    }

    @Test func decodesUTF8WithAndWithoutBOMAndGB18030() throws {
        let text = "姓名,类型\n张三,党员\n"
        #expect(try TextDecoding.decode(Array(text.utf8)).text == text)
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)).text == text)
        // "张三" in GBK is D5 C5 C8 FD.
        let gbk: [UInt8] = [0xD5, 0xC5, 0xC8, 0xFD]
        let decoded = try TextDecoding.decode(gbk)
        #expect(decoded.text == "张三")
        #expect(decoded.encoding == .gb18030)
    }

    @Test func importReportsEveryProblem() throws {
        let table = try CSV.parse(
            """
            姓名,身份证号,手机号,类型,组织编码,在职党员,工作单位,岗位等级
            张三,11010519491231002X,13912345678,党员,QH-S1,是,某公司,
            ,110105194912310021,123,外星人,,也许,,
            李四,11010519491231002X,,社区工作者,QH-S1,,,
            """)
        let rows = try PersonImport.read(table)
        #expect(rows.count == 3)
        #expect(rows[0].problems.isEmpty)
        #expect(rows[0].inService && rows[0].facets == [.partyMember])
        let keys = Set(rows[1].problems.map(\.messageKey))
        #expect(
            keys.isSuperset(of: [
                "error.name.empty", "error.idNumber.checksum", "error.phone.invalid",
                "error.import.unknownFacet", "error.import.noOrg", "error.import.yesNo",
            ]))
        #expect(rows[2].problems.contains { $0.messageKey == "error.import.duplicateInFile" && $0.args == ["2"] })
        #expect(rows[2].problems.contains { $0.messageKey == "error.grade.required" })
        #expect(throws: PersonImport.FileProblem.missingColumns(["类型", "组织编码"])) {
            try PersonImport.read([["姓名"], ["张三"]])
        }
    }
}

import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("People import (preview, all-or-nothing commit) and CSV export")
struct ImportExportTests {
    static let header = """
        姓名,身份证号,手机号,类型,组织编码,住址,在职党员,工作单位,入党日期,岗位等级\r\
        \n
        """

    func preview(_ c: Client, _ bytes: [UInt8]) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .contentType, value: "text/csv")
        return try await c.send(
            .POST, "/api/v1/people/import/preview?fileName=people.csv", headers: h, body: ByteBuffer(bytes: bytes))
    }

    @Test func utf8WithBOMPreviewThenCommit() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            let csv =
                Self.header
                    + """
                    张三,11010519491231002X,13911112222,党员；志愿者,QH-S1-C1-G1,清河路1号1栋101室,否,,2\
                    001-07-01,\r\n
                    """
                + "李四,,,社区工作者,QH-S1-C1,,,,,二级一档\r\n"
            let res = try await preview(api, [0xEF, 0xBB, 0xBF] + Array(csv.utf8))
            #expect(res.status == .ok)
            let body = try res.json()
            #expect(body["canCommit"] as? Bool == true)
            #expect(body["encoding"] as? String == "utf8")
            let batch = try #require(body["batchId"] as? Int)
            let before = try await Person.query(on: app.db).count()
            let commit = try await api.api(.POST, "/api/v1/people/import/\(batch)/commit")
            #expect(commit.status == .ok)
            #expect(try await Person.query(on: app.db).count() == before + 2)
            let zhang = try #require(
                try await Person.query(on: app.db).filter(\.$idNumber == "11010519491231002X").first())
            #expect(zhang.isPartyMember && zhang.isVolunteer)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "importCommit").count() >= 1)
            // A batch is committed once.
            #expect(try await api.api(.POST, "/api/v1/people/import/\(batch)/commit").status == .conflict)
        }
    }

    @Test func gb18030FileWithErrorsImportsNothing() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            // 姓名,类型,组织编码 / 张三,党员,QH-S1-C1 / 李四,外星人,QH-S2-C1 in GBK bytes.
            let gbk: [UInt8] =
                [
                    0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xC0, 0xE0, 0xD0, 0xCD, 0x2C, 0xD7, 0xE9, 0xD6, 0xAF, 0xB1, 0xE0,
                    0xC2, 0xEB, 0x0D, 0x0A,
                    0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0xB5, 0xB3, 0xD4, 0xB1, 0x2C,
                ] + Array("QH-S1-C1\r\n".utf8)
                + [0xC0, 0xEE, 0xCB, 0xC4, 0x2C, 0xCD, 0xE2, 0xD0, 0xC7, 0xC8, 0xCB, 0x2C] + Array("QH-S2-C1\r\n".utf8)
            let res = try await preview(api, gbk)
            #expect(res.status == .ok)
            let body = try res.json()
            #expect(body["encoding"] as? String == "gb18030")
            #expect(body["errorCount"] as? Int == 1)
            let rows = try #require(body["rows"] as? [[String: Any]])
            #expect(rows[0]["name"] as? String == "张三")
            let problems = (rows[1]["problems"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
            #expect(problems.contains("该组织不在您的管理范围内。"))
            #expect(problems.contains { $0.hasPrefix("人员类型应为") })
            let before = try await Person.query(on: app.db).count()
            let commit = try await api.api(.POST, "/api/v1/people/import/\(body["batchId"] as! Int)/commit")
            #expect(commit.status == .unprocessableEntity)
            #expect(try await Person.query(on: app.db).count() == before)
        }
    }

    @Test func badFilesGetClearMessages() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            let missing = try await preview(api, Array("姓名,手机号\r\n张三,13911112222\r\n".utf8))
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorMessage == "缺少必需的列：类型、组织编码。")
            let empty = try await preview(api, [])
            #expect(empty.status == .unprocessableEntity)
            let worker = try await Client.api(app, as: "gridworker")
            #expect(try await preview(worker, Array(Self.header.utf8)).status == .forbidden)
            // Someone else's batch is not theirs to commit.
            let ok = try await preview(api, Array((Self.header + "张三,,,群众,QH-S1-C1-G1,,,,,\r\n").utf8))
            let batch = try #require(try ok.json()["batchId"] as? Int)
            let street = try await Client.api(app, as: "street")
            #expect(try await street.api(.POST, "/api/v1/people/import/\(batch)/commit").status == .notFound)
        }
    }

    @Test func importThroughThePages() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            #expect(try await c.get("/import").status == .ok)
            let boundary = "----gongzhi"
            let csv = Self.header + "王小二,,13911113333,群众,QH-S1-C1-G1,,,,,\r\n"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(c.csrf!)\r\n"
            body +=
                """
                --\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\nContent-Type:\
                 text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n
                """
            var h = HTTPHeaders()
            h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            let res = try await c.send(.POST, "/import/preview", headers: h, body: ByteBuffer(string: body))
            #expect(res.status == .ok)
            let html = res.body.string
            let action = try #require(
                html.range(of: "action=\"/import/").map { html[$0.upperBound...].prefix { $0 != "/" } })
            #expect(try await c.post("/import/\(action)/commit").status == .seeOther)
            #expect(try await Person.query(on: app.db).filter(\.$name == "王小二").count() == 1)
        }
    }

    @Test func exportIsMaskedUnlessPermittedAndLogged() async throws {
        try await withTestApp { app in
            let person = try await Fixtures.personInScope(app)
            let api = try await Client.api(app, as: "secretary")
            let masked = try await api.api(.GET, "/api/v1/people/export.csv?facet=resident")
            #expect(masked.status == .ok)
            #expect(masked.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let text = masked.body.string
            #expect(text.hasPrefix("\u{FEFF}姓名,身份证号"))
            #expect(text.contains(Masking.phone(person.phone!)))
            #expect(!text.contains(person.phone!))
            let clear = try await api.api(.GET, "/api/v1/people/export.csv?facet=resident&unmasked=1")
            #expect(clear.body.string.contains(person.phone!))
            #expect(clear.body.string.contains("\t" + person.idNumber!))  // kept as text in Excel
            let back = try PersonImport.read(try CSV.parse(String(clear.body.string.dropFirst())))
            #expect(back.contains { $0.idNumber == person.idNumber })  // and read back without the tab
            #expect(try await Fixtures.accessLog(app, .unmaskedRead).count == 1)
            let worker = try await Client.api(app, as: "worker")
            #expect(try await worker.api(.GET, "/api/v1/people/export.csv?unmasked=1").status == .forbidden)
            // The exported file imports again (round trip), here into a fresh check.
            let rows = try CSV.parse(String(text.dropFirst()))
            #expect(try PersonImport.read(rows).allSatisfy { !$0.problems.contains { $0.column == .facets } })
            let page = try await Client.page(app, as: "secretary")
            #expect(try await page.get("/people/export.csv").status == .ok)
            // The export meant for importing again is whole: every row passes the import's own rules (the database
            // check then refuses only ID numbers already registered, as for any import).
            let whole = try PersonImport.read(try CSV.parse(String(clear.body.string.dropFirst())))
            #expect(!whole.isEmpty && whole.allSatisfy { $0.problems.isEmpty }, "\(whole.flatMap(\.problems))")
            let list = try await page.get("/people?facet=resident").body.string
            #expect(list.contains("unmasked=1\" download>导出可再导入的完整名单（将记录）</a>"))
            let workerPage = try await Client.page(app, as: "worker").get("/people").body.string
            #expect(!workerPage.contains("unmasked=1"))
        }
    }
}

@Suite("Units import and the other CSV exports")
struct MoreImportExportTests {
    @Test func unitsImportPreviewAndCommit() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            var h = HTTPHeaders()
            h.replaceOrAdd(name: .contentType, value: "text/csv")
            let csv =
                "单位名称,单位类型,所在组织编码,地址,联系人,联系电话,党组织编码\r\n"
                + "枫林幼儿园,学校,QH-S1-C1,清河路9号,王老师,13933334444,\r\n"
                + "越界单位,医院,QH-S2-C1,,,,\r\n"
            let bad = try await api.send(
                .POST, "/api/v1/units/import/preview", headers: h, body: ByteBuffer(string: csv))
            #expect(try bad.json()["errorCount"] as? Int == 1)
            // An unknown party organisation code is named in the message (not the location's code).
            let unknownOrg = try await api.send(
                .POST, "/api/v1/units/import/preview", headers: h,
                body: ByteBuffer(
                    string: """
                        单位名称,单位类型,所在组织编码,党组织编码\r\n\
                        某单位,学校,QH-S1-C1,NOPE-9\r\n
                        """))
            #expect(unknownOrg.body.string.contains("组织编码 NOPE-9 不存在。"))
            let good = try await api.send(
                .POST, "/api/v1/units/import/preview", headers: h,
                body: ByteBuffer(string: String(csv.split(separator: "\r\n").prefix(2).joined(separator: "\r\n"))))
            let batch = try #require(try good.json()["batchId"] as? Int)
            #expect(try await api.api(.POST, "/api/v1/units/import/\(batch)/commit").status == .ok)
            let unit = try #require(
                try await ResidentUnit.query(on: app.db).filter(
                    \.$name == """
                        枫林幼儿园
                        """
                ).first())
            #expect(unit.kind == .school && unit.contactPhone == "13933334444")
        }
    }

    @Test func treeUnitsAndAuditExport() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            let tree = try await api.api(.GET, "/api/v1/org/nodes/export.csv")
            #expect(tree.status == .ok)
            #expect(tree.body.string.contains("QH-S1-C1-G1"))
            #expect(!tree.body.string.contains("QH-S2-C1"))
            let units = try await api.api(.GET, "/api/v1/units/export.csv")
            #expect(units.body.string.hasPrefix("\u{FEFF}单位名称"))
            #expect(!units.body.string.contains(where: { _ in false }))
            let rows = try CSV.parse(String(units.body.string.dropFirst()))
            #expect(try UnitImport.read(rows).allSatisfy { $0.problems.allSatisfy { $0.column == .contactPhone } })
            let grid = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            try await api.api(.PATCH, "/api/v1/org/nodes/\(grid.id!)", json: ["name": "导出测试网格"])
            let audit = try await api.api(.GET, "/api/v1/audit/export.csv?entityType=org_node")
            #expect(audit.body.string.contains("导出测试网格"))
            let worker = try await Client.api(app, as: "gridworker")
            #expect(try await worker.api(.GET, "/api/v1/org/nodes/export.csv").status == .forbidden)
            let page = try await Client.page(app, as: "secretary")
            for path in ["/org/export.csv", "/units/export.csv", "/audit/export.csv"] {
                #expect(try await page.get(path).status == .ok, "\(path)")
            }
        }
    }
}

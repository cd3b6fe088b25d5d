import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

/// Without the unmask permission no search, filter or import preview tells a hidden digit.
@Suite("Masked stays masked: searches and duplicate checks")
struct MaskingTests {
    static func ids(_ r: TestingHTTPResponse) throws -> [Int] {
        try (r.json()["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }

    @Test func aPhoneIsSearchedOnlyByWhatItsMaskShows() async throws {
        try await withTestApp { app in
            let person = try await Fixtures.personInScope(app)
            let phone = try #require(person.phone)
            let worker = try await Client.api(app, as: "gridworker")
            // The hidden middle digits find nobody: the search is refused, whatever they are.
            let middle = String(phone.dropFirst(3).prefix(4))
            let hidden = try await worker.api(.GET, "/api/v1/people?q=\(middle)5")
            #expect(hidden.status == .unprocessableEntity)
            #expect(try await worker.api(.GET, "/api/v1/people?q=\(phone)").status == .unprocessableEntity)
            // Four digits match the end only, never the middle.
            #expect(
                try Self.ids(try await worker.api(.GET, "/api/v1/people?q=\(phone.suffix(4))")).contains(person.id!))
            let inMiddle = try Self.ids(try await worker.api(.GET, "/api/v1/people?q=\(middle)"))
            let byEnding = try await Person.query(on: app.db).filter(\.$phone, .custom("LIKE"), "%" + middle).all()
                .compactMap(\.id)
            #expect(Set(inMiddle).isSubset(of: Set(byEnding)))
            // The first three with the last four: what the mask shows.
            let masked = String(phone.prefix(3) + phone.suffix(4))
            #expect(try Self.ids(try await worker.api(.GET, "/api/v1/people?q=\(masked)")).contains(person.id!))
            // Someone who may unmask searches freely, and that search is logged.
            let secretary = try await Client.api(app, as: "secretary")
            let before = try await Fixtures.accessLog(app, .unmaskedRead).count
            #expect(try Self.ids(try await secretary.api(.GET, "/api/v1/people?q=\(phone)")).contains(person.id!))
            #expect(try await Fixtures.accessLog(app, .unmaskedRead).count == before + 1)
        }
    }

    @Test func anImportPreviewCannotWalkTheBirthDatesOfAMaskedID() async throws {
        try await withTestApp { app in
            let target = try #require(
                try await Person.query(on: app.db).filter(\.$idNumber != nil).filter(\.$path =~ "/").sort(
                    \.$id, .descending
                )
                .first())
            let id = try #require(target.idNumber)
            // Every ID number that shows the same mask: same region, same last four, other birth dates.
            var guesses: [String] = []
            var day = Date(timeIntervalSince1970: 0)
            while guesses.count < 9 {
                let f = DateFormatter()
                f.dateFormat = "yyyyMMdd"
                f.timeZone = TimeZone(identifier: "Asia/Shanghai")
                let candidate = String(id.prefix(6)) + f.string(from: day) + String(id.suffix(4))
                if candidate != id, (try? IDNumber(candidate)) != nil { guesses.append(candidate) }
                day = day.addingTimeInterval(86_400)
            }
            let rows = (guesses + [id]).enumerated().map { i, n in "试\(i),\(n),,群众,QH-S1-C1,,,,,\r\n" }.joined()
            let worker = try await Client.api(app, as: "worker")
            var h = HTTPHeaders()
            h.replaceOrAdd(name: .contentType, value: "text/csv")
            let res = try await worker.send(
                .POST, "/api/v1/people/import/preview", headers: h,
                body: ByteBuffer(string: ImportExportTests.header + rows))
            #expect(res.status == .ok, "\(res.body.string)")
            let messages = (try res.json()["rows"] as? [[String: Any]] ?? []).map {
                ($0["problems"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }.joined()
            }
            let limited = Lang.zhHans.t(.errorIdNumberCheckLimit)
            #expect(messages.filter { $0.contains(limited) }.count == 10 - DuplicateCheck.perMaskPerDay)
            // Nothing names who or where.
            #expect(!res.body.string.contains(target.name))
            let logged = try await Fixtures.accessLog(app, .duplicateCheck)
            #expect(logged.count == DuplicateCheck.perMaskPerDay)
            #expect(logged.allSatisfy { $0.detail == Masking.idNumber(id) })
            // The next try the same day gets no answer at all.
            let again = try await worker.send(
                .POST, "/api/v1/people/import/preview", headers: h,
                body: ByteBuffer(string: ImportExportTests.header + "试,\(id),,群众,QH-S1-C1,,,,,\r\n"))
            #expect(again.body.string.contains(limited))
        }
    }

    /// Editing a person with an ID number does not spend the day's duplicate checks of its mask.
    @Test func editsThatKeepTheIDNumberAreNotDuplicateChecks() async throws {
        try await withTestApp { app in
            let person = try #require(
                try await Person.query(on: app.db).filter(\.$idNumber != nil)
                    .filter(\.$path =~ (try await Fixtures.node(app, code: "QH-S1-C1")).path).first())
            let worker = try await Client.api(app, as: "worker")
            for n in 0..<(DuplicateCheck.perMaskPerDay + 2) {
                let res = try await worker.api(
                    .PATCH,
                    """
                    /api/v1/people/\(person.id!)
                    """, json: ["address": "清河路\(n)号"])
                #expect(res.status == .ok, "\(res.body.string)")
            }
            #expect(try await Fixtures.accessLog(app, .duplicateCheck).isEmpty)
        }
    }
}

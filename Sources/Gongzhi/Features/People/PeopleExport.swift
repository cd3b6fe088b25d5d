import Fluent
import Vapor

/// Lists as CSV that Excel opens: masked unless the user may unmask, and then the export is logged.
enum PeopleExport {
    static let maxRows = 50_000

    @Sendable static func csv(_ req: Request) async throws -> Response {
        let v = try await req.require(.exportData)
        let f = try PeopleService.ListFilter.parse(req)
        let people = try await PeopleService.query(req.caller, f).sort(\.$name).sort(\.$id).limit(maxRows).all()
        let clear = try req.flag("unmasked") ?? false
        if clear {
            guard v.can(.unmaskPersonalData) else { throw await req.forbidden("unmasked export") }
            await AccessLog.write(req.caller, .unmaskedRead, detail: "people export, \(people.count) rows")
        }
        let names = try await PeopleService.nodeNames(people, on: req.db)
        let lang = req.lang
        let header = PersonImport.Column.allCases.map { lang == .zhHans ? $0.headers[1] : $0.rawValue }
        let codes = try await nodeCodes(people, on: req.db)
        let rows: [[String]] = people.map { p in
            let o = PersonOut(p, masked: !clear, nodeName: names[p.orgNodeID])
            // Chinese labels in Chinese, identifiers in English: both import again.
            let facets = lang == .zhHans ? p.facets.map { lang.t(key: $0.labelKey) } : p.facets.map(\.rawValue)
            // A leading tab keeps Excel from showing an 18-digit ID number as 1.10105E+17; import trims it again.
            let idCell = o.idNumber.map { clear ? "\t" + $0 : $0 } ?? ""
            return [
                o.name, idCell, o.phone ?? "", facets.joined(separator: "；"), codes[p.orgNodeID] ?? "",
                o.address ?? "", p.inService ? lang.t(.commonYes) : lang.t(.commonNo), o.employer ?? "",
                o.joinedOn ?? "", p.workerGrade.map { lang == .zhHans ? $0.chineseLabel : $0.englishLabel } ?? "",
            ]
        }
        return CSVResponse.make(fileName: "people.csv", header: header, rows: rows)
    }

    static func nodeCodes(_ people: [Person], on db: Database) async throws -> [Int: String] {
        let ids = Array(Set(people.map(\.orgNodeID)))
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: try await OrgNode.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.code) })
    }
}

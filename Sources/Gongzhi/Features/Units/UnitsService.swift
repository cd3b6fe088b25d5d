import Fluent
import Vapor

struct UnitInput: StrictInput, Content {
    static let fields: Set<String> = [
        "name", "kind", "address", "locationNodeID", "partyOrgNodeID", "contactName", "contactPhone",
    ]
    var name: String?
    var kind: UnitKind?
    var address: String?
    var locationNodeID: Int?
    var partyOrgNodeID: Int?
    var contactName: String?
    var contactPhone: String?
}

/// Resident units and departments located in the viewer's scope.
enum UnitsService {
    static func find(_ id: Int, _ caller: Caller) async throws -> ResidentUnit {
        try await caller.require(.viewPeople)
        return try await caller.scoped(ResidentUnit.self, id)
    }

    /// Units in scope by the list's filters, by name then id (a stable order for pages).
    static func listQuery(_ req: Request) async throws -> QueryBuilder<ResidentUnit> {
        let v = try await req.require(.viewPeople)
        let q = ResidentUnit.query(on: req.db).inScope(v.scope, \.$path).filter(\.$archived == false)
        if let raw = req.query[String.self, at: "kind"], !raw.isEmpty {
            guard let kind = UnitKind(rawValue: raw) else {
                throw AppError.badRequest(.errorEnum, args: ["kind", raw])
            }
            q.filter(\.$kind == kind)
        }
        if let text = req.query[String.self, at: "q"]?.trimmingWhitespace(), !text.isEmpty {
            q.filter(\.$name ~~ String(text.prefix(50)))
        }
        return q.sort(\.$name).sort(\.$id)
    }

    static func list(_ req: Request) async throws -> Paged<ResidentUnit> {
        try await listQuery(req).paged(try req.pageRequest())
    }

    static func apply(_ input: UnitInput, to unit: ResidentUnit, isNew: Bool, _ caller: Caller) async throws {
        var problems = FieldProblems()
        if isNew || input.name != nil {
            let n = input.name?.trimmingWhitespace() ?? ""
            if n.isEmpty {
                problems["name"] = "error.name.empty"
            } else if n.count > 100 {
                problems["name"] = "error.name.tooLong"
            } else {
                unit.name = n
            }
        }
        if let k = input.kind { unit.kind = k } else if isNew { problems["kind"] = "error.kind.invalid" }
        if let a = input.address {
            unit.address =
                try problems.check("address") { try FormText.optional(a, field: "address", max: 200) } ?? nil
        }
        if let c = input.contactName {
            unit.contactName =
                try problems.check("contactName") { try FormText.optional(c, field: "contactName", max: 50) } ?? nil
        }
        if let raw = input.contactPhone {
            if raw.trimmingWhitespace().isEmpty {
                unit.contactPhone = nil
            } else {
                do throws(MobileNumber.Invalid) { unit.contactPhone = try MobileNumber(raw).value } catch {
                    problems["contactPhone"] = error.messageKey
                }
            }
        }
        if isNew && input.locationNodeID == nil { problems["locationNodeId"] = "error.org.required" }
        try problems.throwIfAny()
        if let loc = input.locationNodeID {
            let node = try await OrgQueries.findForChange(loc, caller, field: "locationNodeId")
            guard node.kind.isTerritorial, !node.archived else {
                throw AppError.invalid(.errorUnitLocation, field: "locationNodeId")
            }
            unit.locationNodeID = node.id!
            unit.path = node.path
        }
        if let org = input.partyOrgNodeID {
            let node = try await OrgQueries.findForChange(org, caller, field: "partyOrgNodeId")
            guard !node.kind.isTerritorial else {
                throw AppError.invalid(.errorUnitPartyOrg, field: "partyOrgNodeId")
            }
            unit.partyOrgNodeID = node.id
        }
    }

    static func create(_ caller: Caller, _ input: UnitInput) async throws -> ResidentUnit {
        try await caller.require(.editPeople)
        let unit = ResidentUnit()
        unit.archived = false
        try await apply(input, to: unit, isNew: true, caller)
        try await caller.db.writing { db in
            try await unit.create(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .create, entity: .residentUnit, id: unit.id!,
                label: unit.name,
                scopePath: unit.path, before: nil as ResidentUnit.Snapshot?, after: unit.snapshot)
        }
        return unit
    }

    static func findForChange(_ id: Int, _ caller: Caller) async throws -> ResidentUnit {
        let v = try await caller.require(.editPeople)
        guard let u = try await ResidentUnit.find(id, on: caller.db) else { throw AppError.notFound() }
        guard v.scope.includes(TreePath(u.path)) else {
            throw await caller.forbidden("change unit \(id)", scopePath: u.path)
        }
        return u
    }

    static func update(_ caller: Caller, id: Int, _ input: UnitInput) async throws -> ResidentUnit {
        let unit = try await findForChange(id, caller)
        let before = unit.snapshot
        try await apply(input, to: unit, isNew: false, caller)
        try await caller.db.writing { db in
            try await unit.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .update, entity: .residentUnit, id: id, label: unit.name,
                scopePath: unit.path, before: before, after: unit.snapshot)
        }
        return unit
    }

    static func archive(_ caller: Caller, id: Int) async throws -> ResidentUnit {
        let unit = try await findForChange(id, caller)
        if unit.archived { throw AppError.conflict(.errorUnitArchived) }
        let before = unit.snapshot
        try await caller.db.writing { db in
            unit.archived = true
            try await unit.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .archive, entity: .residentUnit, id: id, label: unit.name,
                scopePath: unit.path, before: before, after: unit.snapshot)
        }
        return unit
    }

    static func out(_ units: [ResidentUnit], _ caller: Caller, masked: Bool = true) async throws -> [UnitOut] {
        let ids = Array(Set(units.map(\.locationNodeID)))
        let names =
            ids.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await OrgNode.query(on: caller.db).filter(\.$id ~~ ids).all().map {
                    ($0.id!, $0.name)
                })
        return units.map { UnitOut($0, masked: masked, locationName: names[$0.locationNodeID], lang: caller.lang) }
    }
}

enum UnitsAPI {
    static func register(_ api: RoutesBuilder) {
        api.get(UnitsRoute.apiList, use: list)
        api.post(UnitsRoute.apiList, use: create)
        api.get(UnitsRoute.apiExport, use: export)
        api.post(UnitsRoute.apiImportPreview, body: .collect(maxSize: "10mb"), use: UnitsImport.previewAPI)
        api.post(UnitsRoute.apiImportCommit(batch: .key), use: PeopleImport.commitUnitsAPI)
        api.get(UnitsRoute.apiUnit(.key), use: show)
        api.patch(UnitsRoute.apiUnit(.key), use: update)
        api.post(UnitsRoute.apiArchive(.key), use: archive)
    }

    @Sendable static func list(_ req: Request) async throws -> Paged<UnitOut> {
        let page = try await UnitsService.list(req)
        return Paged(rows: try await UnitsService.out(page.rows, req.caller), total: page.total, asked: page.asked)
    }
    /// Units in scope as CSV with the import's columns, so the file goes back in unchanged.
    @Sendable static func export(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        // The whole list: an export is never a page of it.
        let units = try await UnitsService.listQuery(req).all()
        let codes = try await nodeCodes(
            units.flatMap { [$0.locationNodeID, $0.partyOrgNodeID].compactMap { $0 } }, on: req.db)
        let lang = req.lang
        let header = UnitImport.Column.allCases.map { lang == .zhHans ? $0.headers[1] : $0.rawValue }
        let rows = units.map { u in
            [
                u.name, lang == .zhHans ? lang.t(key: u.kind.labelKey) : u.kind.rawValue,
                codes[u.locationNodeID] ?? "",
                u.address ?? "",
                u.contactName ?? "", u.contactPhone.map(Masking.phone) ?? "",
                u.partyOrgNodeID.flatMap { codes[$0] } ?? "",
            ]
        }
        return CSVResponse.make(fileName: "units.csv", header: header, rows: rows)
    }

    static func nodeCodes(_ ids: [Int], on db: Database) async throws -> [Int: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: try await OrgNode.query(on: db).filter(\.$id ~~ unique).all().map {
                ($0.id!, $0.code)
            })
    }

    @Sendable static func show(_ req: Request) async throws -> UnitOut {
        try await UnitsService.out([try await UnitsService.find(try req.intParameter("id"), req.caller)], req.caller)[
            0]
    }
    @Sendable static func create(_ req: Request) async throws -> Response {
        let u = try await UnitsService.create(req.caller, try req.decodeStrict(UnitInput.self))
        return try await UnitsService.out([u], req.caller)[0].encodeResponse(status: .created, for: req)
    }
    @Sendable static func update(_ req: Request) async throws -> UnitOut {
        let id = try req.intParameter("id")
        return try await UnitsService.out(
            [try await UnitsService.update(req.caller, id: id, try req.decodeStrict(UnitInput.self))], req.caller)[0]
    }
    @Sendable static func archive(_ req: Request) async throws -> UnitOut {
        try await UnitsService.out(
            [try await UnitsService.archive(req.caller, id: try req.intParameter("id"))], req.caller)[0]
    }
}

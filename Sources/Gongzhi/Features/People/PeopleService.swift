import Fluent
import Vapor

/// People in the viewer's scope: lists, changes with audit, and logged unmasked reads.
enum PeopleService {
    struct ListFilter {
        var q: String?
        var facet: PersonFacet?
        var orgID: Int?
        var inService: Bool?
        var relation: Relation?
        var includeArchived = false

        /// How a person belongs to the viewer's area: organised in it (their party organisation or node is in
        /// scope), or an in-service member reporting to a community in it (双报到). One definition each, so the
        /// figures on the home page, the tree and the lists count alike.
        enum Relation: String, CaseIterable, Sendable, APIEnum {
            case organised, reporting
        }
        var page = 1

        static func parse(_ req: Request) throws -> ListFilter {
            var f = ListFilter()
            f.q = req.query[String.self, at: "q"].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            if let raw = req.query[String.self, at: "facet"], !raw.isEmpty {
                guard let facet = PersonFacet(rawValue: raw) else {
                    throw AppError.badRequest(.errorEnum, args: ["facet", raw])
                }
                f.facet = facet
            }
            if let raw = req.query[String.self, at: "orgId"], !raw.isEmpty {
                guard let id = Int(raw) else { throw AppError.badRequest(.errorBadID, args: [raw]) }
                f.orgID = id
            }
            f.inService = try req.flag("inService")
            if let raw = req.query[String.self, at: "relation"], !raw.isEmpty {
                guard let relation = Relation(rawValue: raw) else {
                    throw AppError.badRequest(.errorEnum, args: ["relation", raw])
                }
                f.relation = relation
            }
            f.includeArchived = try req.flag("includeArchived") ?? false
            f.page = try req.page()
            return f
        }
    }

    static let pageSize = 50

    /// The people query for the viewer: their subtree (or home community), or only themselves.
    static func scoped(_ v: Viewer, on db: Database) -> QueryBuilder<Person> {
        if v.scope.isSelfOnly {
            return Person.query(on: db).filter(\.$id == (v.scope.ownPersonID ?? -1))
        }
        return Person.query(on: db).inScope(v.scope, \.$path, or: \.$homePath)
    }

    static func query(_ caller: Caller, _ f: ListFilter) async throws -> QueryBuilder<Person> {
        let v = try await caller.require(.viewPeople)
        let q = scoped(v, on: caller.db)
        if !f.includeArchived { q.filter(\.$archived == false) }
        if let text = f.q {
            if MobileNumber.looksLikePhoneQuery(text) {
                try await phoneFilter(q, text, v, caller)
            } else {
                q.filter(\.$name ~~ text)
            }
        }
        switch f.facet {
        case .partyMember: q.filter(\.$isPartyMember == true)
        case .resident: q.filter(\.$isResident == true)
        case .volunteer: q.filter(\.$isVolunteer == true)
        case .communityWorker: q.filter(\.$isCommunityWorker == true)
        case .firstSecretary: q.filter(\.$isFirstSecretary == true)
        case nil: break
        }
        if let s = f.inService { q.filter(\.$inService == s) }
        switch f.relation {
        case .organised: if !v.scope.isSelfOnly { q.inScope(v.scope, \.$path) }
        case .reporting:
            if !v.scope.isSelfOnly { q.filter(\.$inService == true).inScope(v.scope, optional: \.$homePath) }
        case nil: break
        }
        if let id = f.orgID {
            let node = try await OrgQueries.findInScope(id, caller)
            q.group(.or) { $0.filter(\.$path =~ node.path).filter(\.$homePath =~ node.path) }
        }
        return q
    }

    /// Without the unmask permission a number is searched only by what its mask shows: the last four digits
    /// (尾号), or the first three with the last four. Matching hidden digits would reveal them one search at a time.
    static func phoneFilter(_ q: QueryBuilder<Person>, _ digits: String, _ v: Viewer, _ caller: Caller) async throws {
        if v.can(.unmaskPersonalData) {
            q.filter(\.$phone ~~ digits)
            if digits.count > 4 {
                await AccessLog.write(caller, .unmaskedRead, detail: "phone search \(Masking.phone(digits))")
            }
            return
        }
        switch digits.count {
        case 4:
            q.filter(\.$phone, .custom("LIKE"), "%" + digits)
        case 7:
            q.filter(\.$phone, .custom("LIKE"), String(digits.prefix(3)) + "%")
                .filter(\.$phone, .custom("LIKE"), "%" + digits.suffix(4))
        default:
            throw AppError.invalid(.errorSearchMaskedPhone, field: "q")
        }
    }

    static func list(_ caller: Caller, _ f: ListFilter) async throws -> (people: [Person], total: Int) {
        let q = try await query(caller, f)
        let total = try await q.copy().count()
        let people = try await q.sort(\.$name).sort(\.$id).range((f.page - 1) * pageSize..<f.page * pageSize).all()
        return (people, total)
    }

    static func find(_ id: Int, _ caller: Caller) async throws -> Person {
        let v = try caller.requireViewer()
        if v.scope.isSelfOnly, v.scope.ownPersonID == id, let me = try await Person.find(id, on: caller.db) {
            return me
        }
        try await caller.require(.viewPeople)
        if let p = try await scoped(v, on: caller.db).filter(\.$id == id).first() { return p }
        if let other = try await Person.find(id, on: caller.db) {
            throw await caller.outOfScope("person \(id)", scopePath: other.path)
        }
        throw AppError.notFound()
    }

    static func findForChange(_ id: Int, _ caller: Caller) async throws -> Person {
        let v = try await caller.require(.editPeople)
        guard let p = try await Person.find(id, on: caller.db) else { throw AppError.notFound() }
        // Changes belong to the organisation that keeps the record, not to a home community that can see it.
        guard v.scope.includes(TreePath(p.path)) else {
            throw await caller.forbidden("change person \(id)", scopePath: p.path)
        }
        return p
    }

    static func nodeNames(_ people: [Person], on db: Database) async throws -> [Int: String] {
        let ids = Array(Set(people.map(\.orgNodeID)))
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: try await OrgNode.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.name) })
    }

    static func create(_ caller: Caller, _ input: PersonInput) async throws -> Person {
        try await caller.require(.editPeople)
        let person = Person()
        person.archived = false
        person.inService = false
        person.shownToNeighbours = false
        person.setFacets([])
        try input.apply(to: person, isNew: true)
        try await place(person, orgNodeID: input.orgNodeID!, homeNodeID: input.homeNodeID, caller)
        try await ensureUniqueID(person, caller)
        try await caller.db.writing { db in
            try await person.create(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .create, entity: .person, id: person.id!,
                label: person.name,
                scopePath: person.path, before: nil as Person.Snapshot?, after: person.snapshot)
        }
        return person
    }

    static func update(_ caller: Caller, id: Int, _ input: PersonInput) async throws -> Person {
        let person = try await findForChange(id, caller)
        let before = person.snapshot
        let idNumberBefore = person.idNumber
        try input.apply(to: person, isNew: false)
        if input.orgNodeID != nil || input.homeNodeID != nil {
            try await place(
                person, orgNodeID: input.orgNodeID ?? person.orgNodeID,
                homeNodeID: input.homeNodeID ?? person.homeNodeID, caller)
        }
        // Only a new ID number is checked: an edit of the name must not spend the day's checks of its mask.
        if person.idNumber != idNumberBefore { try await ensureUniqueID(person, caller) }
        try await caller.db.writing { db in
            try await person.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .update, entity: .person, id: id, label: person.name,
                scopePath: person.path, before: before, after: person.snapshot)
        }
        return person
    }

    static func archive(_ caller: Caller, id: Int) async throws -> Person {
        let person = try await findForChange(id, caller)
        if person.archived { throw AppError.conflict(.errorPersonArchived) }
        let before = person.snapshot
        try await caller.db.writing { db in
            person.archived = true
            try await person.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .archive, entity: .person, id: id, label: person.name,
                scopePath: person.path, before: before, after: person.snapshot)
        }
        return person
    }

    /// Clear personal data, for those allowed; every such read is written to the access log.
    static func unmasked(_ caller: Caller, id: Int) async throws -> Person {
        let person = try await find(id, caller)
        let v = try caller.requireViewer()
        let isSelf = v.user.personID == id
        guard isSelf || v.can(.unmaskPersonalData) else {
            throw await caller.forbidden("unmask person \(id)", scopePath: person.path)
        }
        await AccessLog.write(caller, .unmaskedRead, detail: "person \(id) \(person.name)", scopePath: person.path)
        return person
    }

    static func place(_ person: Person, orgNodeID: Int, homeNodeID: Int?, _ caller: Caller) async throws {
        let node = try await OrgQueries.findForChange(orgNodeID, caller, field: "orgNodeId")
        if node.archived { throw AppError.invalid(.errorTreeArchived, field: "orgNodeId") }
        person.orgNodeID = node.id!
        person.path = node.path
        if let homeNodeID {
            // A home community outside the registrar's scope is the member's own report to make (双报到).
            let home = try await caller.scoped(OrgNode.self, homeNodeID, field: "homeNodeId")
            guard home.kind == .communityCommittee, !home.archived else {
                throw AppError.invalid(.errorPersonHome, field: "homeNodeId")
            }
            person.homeNodeID = home.id
            person.homePath = home.path
        }
    }

    static func ensureUniqueID(_ person: Person, _ caller: Caller) async throws {
        guard let idn = person.idNumber else { return }
        let verdict = try await DuplicateCheck.idNumbers([idn], ignoring: person.id, caller)[idn] ?? .free
        guard let key = DuplicateCheck.messageKey(verdict) else { return }
        if verdict == .limited { throw AppError(status: .tooManyRequests, code: "too_many_requests", messageKey: key) }
        var e = AppError.conflict(key: key)
        e.fields["idNumber"] = key
        throw e
    }
}

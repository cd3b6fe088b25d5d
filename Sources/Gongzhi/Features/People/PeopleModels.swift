import Fluent
import Vapor

/// A person as the pages show them: personal data masked unless the viewer asked, with permission, for the
/// clear values. No interface labels: the views add them in the reader's language.
struct PersonRecord: Sendable {
    let id: Int
    let name: String
    let gender: String?
    let idNumber: String?
    let birthDate: String?
    let phone: String?
    let address: String?
    let facets: [PersonFacet]
    let orgNodeID: Int
    let orgNodeName: String?
    let homeNodeID: Int?
    let inService: Bool
    let employer: String?
    let joinedOn: String?
    let memberStatus: MemberStatus?
    let workerGrade: WorkerGrade?
    let archived: Bool

    init(_ p: Person, masked: Bool, nodeName: String?) {
        id = p.id ?? 0
        name = p.name
        gender = p.gender
        idNumber = masked ? p.idNumber.map(Masking.idNumber) : p.idNumber
        birthDate = masked ? nil : p.idNumber.flatMap { try? IDNumber($0).birthDate }
        phone = masked ? p.phone.map(Masking.phone) : p.phone
        address = masked ? p.address.map(Masking.address) : p.address
        facets = p.facets
        orgNodeID = p.orgNodeID
        orgNodeName = nodeName
        homeNodeID = p.homeNodeID
        inService = p.inService
        employer = p.employer
        joinedOn = p.joinedOn
        memberStatus = p.memberStatus
        workerGrade = p.workerGrade
        archived = p.archived
    }

    static func query(_ people: [Person], masked: Bool = true, on db: any Database) async throws -> [PersonRecord] {
        let names = try await PeopleService.nodeNames(people, on: db)
        return people.map { PersonRecord($0, masked: masked, nodeName: names[$0.orgNodeID]) }
    }
}

/// The list of people: one page of a filtered list.
struct PeopleListModel: Sendable {
    let people: [PersonRecord]
    let total: Int
    let page: Int
    let hasNext: Bool
    let url: String
    /// The filter as typed.
    let q: String
    let facet: String
    let orgID: String
    let canCreate: Bool
    let export: Link?
    /// The same list in clear, for importing again (ID numbers and phones whole): for those who may unmask, and
    /// logged as an unmasked read when downloaded.
    let exportForImport: Link?

    var paged: Paged<PersonRecord> {
        Paged(rows: people, total: total, asked: PageRequest(number: page, size: PeopleService.pageSize))
    }

    static func query(_ req: Request) async throws -> PeopleListModel {
        let v = try await req.require(.viewPeople)
        let f = try PeopleService.ListFilter.parse(req)
        let (people, total) = try await PeopleService.list(req.caller, f)
        let value = { (k: String) in req.query[String.self, at: k] }
        let filters = ["q", "facet", "orgId", "inService", "relation"]
        return PeopleListModel(
            people: try await PersonRecord.query(people, on: req.db), total: total, page: f.page,
            hasNext: f.page * PeopleService.pageSize < total, url: req.url.string, q: value("q") ?? "",
            facet: value("facet") ?? "", orgID: value("orgId") ?? "", canCreate: v.can(.editPeople),
            export: v.can(.exportData) ? PeopleRoute.export.query(filters.map { ($0, value($0)) }) : nil,
            exportForImport: v.can(.exportData) && v.can(.unmaskPersonalData)
                ? PeopleRoute.export.query(filters.map { ($0, value($0)) } + [("unmasked", "1")]) : nil)
    }
}

/// One person's page.
struct PersonPageModel: Sendable {
    let person: PersonRecord
    let masked: Bool
    let canUnmask: Bool
    let canEdit: Bool
    let contacts: [PlacesQueries.LeaderContact]
    /// Nil when the viewer may not read the audit log.
    let history: [AuditEntry]?

    static func query(_ p: Person, masked: Bool, viewer v: Viewer, on db: any Database) async throws
        -> PersonPageModel
    {
        PersonPageModel(
            person: try await PersonRecord.query([p], masked: masked, on: db)[0], masked: masked,
            canUnmask: masked && v.can(.unmaskPersonalData),
            canEdit: v.can(.editPeople) && v.scope.includes(TreePath(p.path)) && !p.archived,
            contacts: try await PlacesQueries.contacts(ofLeader: p.id!, on: db),
            history: v.can(.viewAudit) ? try await AuditHistory.entries(.person, id: p.id!, on: db) : nil)
    }
}

/// The form for a new or existing person; values typed are kept when the form comes back with errors.
struct PersonFormModel: Sendable {
    struct Node: Sendable {
        let id: Int
        let name: String
        let kindLabelKey: String
    }
    /// The stored record, masked (its masked values are the placeholders of the boxes left empty).
    let person: PersonRecord?
    let input: PersonInput?
    let error: AppError?
    let nodes: [Node]
    let communities: [Node]

    static func query(
        _ person: Person?, input: PersonInput?, error: AppError?, viewer v: Viewer, on db: any Database
    ) async throws -> PersonFormModel {
        let nodes = try await OrgQueries.pickerChoices(v.scope, on: db)
        let communities = try await OrgNode.query(on: db).filter(\.$kind == .communityCommittee)
            .filter(\.$archived == false).sort(\.$name).all()
        func node(_ n: OrgNode) -> Node { Node(id: n.id!, name: n.name, kindLabelKey: n.kind.labelKey) }
        return PersonFormModel(
            person: person.map { PersonRecord($0, masked: true, nodeName: nil) }, input: input, error: error,
            nodes: nodes.map { Node(id: $0.id, name: $0.name, kindLabelKey: "") }, communities: communities.map(node))
    }
}

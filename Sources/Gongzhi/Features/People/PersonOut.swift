import Vapor

/// A person as pages and the API show them: personal data masked unless the caller asked,
/// with permission, for the clear values (and that read was logged).
struct PersonOut: Content {
    let id: Int
    let name: String
    let gender: String?
    let idNumber: String?
    let birthDate: String?
    let phone: String?
    let address: String?
    let masked: Bool
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

    /// Masking is `PersonRecord`'s, so pages and the API cannot mask differently.
    init(_ p: Person, masked: Bool, nodeName: String?) {
        let r = PersonRecord(p, masked: masked, nodeName: nodeName)
        id = r.id
        name = r.name
        gender = r.gender
        idNumber = r.idNumber
        birthDate = r.birthDate
        phone = r.phone
        address = r.address
        self.masked = masked
        facets = r.facets
        orgNodeID = r.orgNodeID
        orgNodeName = r.orgNodeName
        homeNodeID = r.homeNodeID
        inService = r.inService
        employer = r.employer
        joinedOn = r.joinedOn
        memberStatus = r.memberStatus
        workerGrade = r.workerGrade
        archived = r.archived
    }
}

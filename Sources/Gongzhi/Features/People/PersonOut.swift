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

    init(_ p: Person, masked: Bool, nodeName: String?, lang: Lang) {
        id = p.id ?? 0
        name = p.name
        gender = p.gender
        idNumber = masked ? p.idNumber.map(Masking.idNumber) : p.idNumber
        birthDate = masked ? nil : p.idNumber.flatMap { try? IDNumber($0).birthDate }
        phone = masked ? p.phone.map(Masking.phone) : p.phone
        address = masked ? p.address.map(Masking.address) : p.address
        self.masked = masked
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
}

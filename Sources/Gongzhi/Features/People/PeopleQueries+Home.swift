import Fluent
import Vapor

/// What Home reads from People: where a user's person lives, and their own record, masked.
extension PeopleQueries {
    /// One's own record as plain data, personal data masked as everywhere else; labels are the reader's.
    struct OwnRecord: Sendable {
        let name: String
        let gender: String?
        let idNumber: String?
        let birthDate: String?
        let phone: String?
        let address: String?
        let facets: [PersonFacet]
        let orgNodeName: String?
        let inService: Bool
        let employer: String?
        let joinedOn: String?
        let memberStatus: MemberStatus?
        let workerGrade: WorkerGrade?
    }

    /// The node a person lives under (their home node, else the node they are registered at).
    static func homeNodeID(ofPerson id: Int, on db: any Database) async throws -> Int? {
        guard let p = try await Person.find(id, on: db) else { return nil }
        return p.homeNodeID ?? p.orgNodeID
    }

    static func ownRecord(personID id: Int, on db: any Database) async throws -> OwnRecord? {
        guard let p = try await Person.find(id, on: db) else { return nil }
        let node = try await OrgNode.find(p.orgNodeID, on: db)
        let o = PersonOut(p, masked: true, nodeName: node?.name)
        return OwnRecord(
            name: o.name, gender: o.gender, idNumber: o.idNumber, birthDate: o.birthDate, phone: o.phone,
            address: o.address, facets: o.facets, orgNodeName: o.orgNodeName, inService: o.inService,
            employer: o.employer, joinedOn: o.joinedOn, memberStatus: o.memberStatus, workerGrade: o.workerGrade)
    }
}

import Fluent

/// Units' part of the demo district: each street's departments, each community's resident units (with the party
/// organisation Organisation made for them) and a volunteer team that requests can be dispatched to.
enum UnitsDemo {
    static func load(_ d: DemoDistrict) async throws {
        let orgs = Dictionary(d.unitOrgs.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var units: [ResidentUnit] = []
        func unit(_ name: String, _ kind: UnitKind, at node: OrgNode, address: String?) -> ResidentUnit {
            let u = ResidentUnit()
            u.name = name
            u.kind = kind
            u.locationNodeID = node.id!
            u.path = node.path
            u.address = address
            u.archived = false
            units.append(u)
            return u
        }
        for (s, street) in d.streets.enumerated() {
            for (k, (name, kind)) in DemoData.streetDepartments.enumerated() {
                let road = DemoData.roadNames[(s * 3 + k) % DemoData.roadNames.count]
                _ = unit(DemoData.streetNames[s] + name, kind, at: street, address: "\(road)\(10 + k)号")
            }
        }
        for (i, community) in d.communities.enumerated() {
            let road = DemoData.roadNames[i % DemoData.roadNames.count]
            for (k, spec) in DemoData.unitSpecs(community: i, scale: d.scale) {
                let address = "\(road)\(100 + k * 12)号"
                let u = unit(DemoData.unitName(spec, community: i), spec.kind, at: community, address: address)
                u.contactName = DemoData.name(&d.rng)
                u.contactPhone = d.nextPhone()
                u.partyOrgNodeID = orgs[DemoData.unitOrgCode(community: community.code, k)]?.id
            }
            let cname = DemoData.communityNames[i % DemoData.communityNames.count]
            let team = unit("\(cname.dropLast(2))社区志愿服务队", .volunteerTeam, at: community, address: nil)
            team.contactName = DemoData.name(&d.rng)
            team.contactPhone = d.nextPhone()
            // The "3+N" triad: every community has a residents' committee, an owners' committee and a property
            // company serving its housing (JointBodies seats them under the community committee).
            let prefix = String(cname.dropLast(2))
            _ = unit(prefix + "社区居民委员会", .residentsCommittee, at: community, address: nil)
            _ = unit(prefix + "小区业主委员会", .ownersCommittee, at: community, address: nil)
            if !DemoData.unitSpecs(community: i, scale: d.scale).contains(where: { $0.1.kind == .propertyCompany }) {
                let p = unit(prefix + "物业服务中心", .propertyCompany, at: community, address: "\(road)8号")
                p.contactName = DemoData.name(&d.rng)
                p.contactPhone = d.nextPhone()
            }
        }
        try await units.create(on: d.db)
        d.counts["units", default: 0] += units.count
    }
}

import Fluent

/// Organisation's part of the demo district: the tree. District → street → community → grid branch → building
/// group, and the party organisations of the units that have one (Units attaches them to its units by code).
enum OrganisationDemo {
    static func load(_ d: DemoDistrict) async throws {
        let db = d.db
        func node(_ kind: OrgNodeKind, _ name: String, _ code: String, parent: OrgNode?) async throws -> OrgNode {
            let n = OrgNode(kind: kind, name: name, code: code, parentID: parent?.id)
            try await n.create(on: db)
            n.path = parent.map { $0.treePath.child(id: n.id!).value } ?? TreePath.root(id: n.id!).value
            try await n.save(on: db)
            d.counts["nodes", default: 0] += 1
            return n
        }
        let district = try await node(.districtCommittee, DemoData.districtName, "QH", parent: nil)
        d.district = district
        var communityIndex = 0
        for (s, count) in d.scale.communitiesPerStreet.enumerated() {
            let street = try await node(
                .streetCommittee, DemoData.streetNames[s] + "党工委", "QH-S\(s + 1)", parent: district)
            d.streets.append(street)
            for c in 0..<count {
                let cname = DemoData.communityNames[communityIndex % DemoData.communityNames.count]
                let community = try await node(
                    .communityCommittee, "\(cname)党委", "\(street.code)-C\(c + 1)", parent: street)
                d.communities.append(community)
                for g in 0..<d.rng.int(d.scale.gridsPerCommunity) {
                    let name = "\(cname)第\(g + 1)网格党支部"
                    let grid = try await node(.gridBranch, name, "\(community.code)-G\(g + 1)", parent: community)
                    d.grids.append(grid)
                    for b in 0..<d.scale.groupsPerGrid {
                        let name = "\(cname)\(g + 1)网格\(b * 2 + 1)号楼党小组"
                        d.groups.append(try await node(.buildingGroup, name, "\(grid.code)-B\(b + 1)", parent: grid))
                    }
                }
                for (k, spec) in DemoData.unitSpecs(community: communityIndex, scale: d.scale) {
                    guard let kind = spec.org else { continue }
                    let unitName = DemoData.unitName(spec, community: communityIndex)
                    let code = DemoData.unitOrgCode(community: community.code, k)
                    d.unitOrgs.append(try await node(kind, "\(unitName)党支部", code, parent: community))
                }
                communityIndex += 1
            }
        }
    }
}

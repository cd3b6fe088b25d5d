import Fluent

/// What the demo's base (the tree, units and people, made in one seeded pass) hands to each capability's demo step
/// (`Capability.demo`), in the order of `Capability.all`, inside the load's one transaction. The random generator
/// travels with it, so the district comes out the same on every start.
final class DemoDistrict: @unchecked Sendable {
    let db: any Database
    let passwordHash: String
    let scale: DemoScale
    var rng: SeededRandom
    let district: OrgNode
    let streets: [OrgNode]
    let communities: [OrgNode]
    let grids: [OrgNode]
    let groups: [OrgNode]
    let unitOrgs: [OrgNode]
    let roads: [String]
    /// The people behind the demo resident and party member accounts.
    let residentPersonID: Int?
    let memberPersonID: Int?

    init(
        db: any Database, passwordHash: String, scale: DemoScale, rng: SeededRandom, district: OrgNode,
        streets: [OrgNode], communities: [OrgNode], grids: [OrgNode], groups: [OrgNode], unitOrgs: [OrgNode],
        roads: [String], residentPersonID: Int?, memberPersonID: Int?
    ) {
        self.db = db
        self.passwordHash = passwordHash
        self.scale = scale
        self.rng = rng
        self.district = district
        self.streets = streets
        self.communities = communities
        self.grids = grids
        self.groups = groups
        self.unitOrgs = unitOrgs
        self.roads = roads
        self.residentPersonID = residentPersonID
        self.memberPersonID = memberPersonID
    }
}

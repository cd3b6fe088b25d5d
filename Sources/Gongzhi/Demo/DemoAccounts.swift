import Fluent

/// The demo accounts, one for every role (README lists them), placed on the district's nodes; the grid roles sit
/// on people who serve the first grid. Accounts' demo step, after Places has staffed the grids.
enum DemoAccounts {
    static func load(_ d: DemoDistrict) async throws {
        let db = d.db
        let district: OrgNode = d.district
        let streets = d.streets
        let communities = d.communities
        let grids = d.grids
        let groups = d.groups
        let unitOrgs = d.unitOrgs
        let accounts = DemoData.accounts
        let duties = try await GridDuty.query(on: db).filter(
            \.$gridID == (try await Grid.query(on: db).filter(\.$branchNodeID == grids[0].id!).first()?.id ?? -1)
        ).all()
        func dutyPerson(_ d: GridDuty.Duty) -> Int? { duties.first { $0.duty == d }?.personID }

        let secondStreetCommunity = communities.first { $0.parentID == streets[1].id } ?? communities.last!
        for a in accounts {
            let nodeFor: OrgNode =
                switch a.role {
                case .systemAdmin, .orgDepartmentAdmin: district
                case .streetStaff, .commandOperator: streets[0]
                case .communitySecretary: a.username == "secretary2" ? secondStreetCommunity : communities[0]
                case .communityWorker: communities[0]
                case .gridWorker, .laneChief, .buildingChief, .resident, .partyMember: grids[0]
                case .buildingGroupLeader: groups[0]
                case .unitLiaison: unitOrgs.first { $0.parentID == communities[0].id } ?? communities[0]
                }
            let personID: Int? =
                switch a.role {
                case .resident: d.residentPersonID
                case .partyMember: d.memberPersonID
                case .gridWorker: dutyPerson(.gridWorker)
                case .laneChief: dutyPerson(.laneChief)
                case .buildingChief: dutyPerson(.buildingChief)
                case .buildingGroupLeader: dutyPerson(.buildingGroupLeader)
                default: nil
                }
            // The person behind a demo account carries the account's name, so pages agree with each other.
            if let pid = personID, let p = try await Person.find(pid, on: db),
                let given = a.name.split(separator: " ").last
            {
                p.name = String(given)
                try await p.save(on: db)
            }
            let u = User(
                username: a.username, phone: a.phone, displayName: a.name, passwordHash: d.passwordHash,
                role: a.role, orgNodeID: nodeFor.id!, personID: personID)
            try await u.create(on: db)
            // The command centre watches a second street too: a shared scope.
            if a.role == .commandOperator, streets.count > 1 {
                try await ScopeShare(userID: u.id!, orgNodeID: streets[1].id!).create(on: db)
            }
        }
    }
}

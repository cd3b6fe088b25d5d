import Fluent
import Foundation

/// Geometry, buildings, households and the people who serve the grids of the fictional district.
/// The district is a rectangle split into street strips, community blocks and grid strips, so boundaries
/// share edges exactly: no gaps, no overlaps, and every point of the district is in one grid.
enum DemoPlaces {
    static let districtBox = BBox(minLat: 31.80, minLng: 117.20, maxLat: 31.92, maxLng: 117.36)

    static func rect(_ b: BBox) -> MultiPolygon {
        MultiPolygon([
            Polygon(outer: [
                Coordinate(lat: b.minLat, lng: b.minLng), Coordinate(lat: b.minLat, lng: b.maxLng),
                Coordinate(lat: b.maxLat, lng: b.maxLng), Coordinate(lat: b.maxLat, lng: b.minLng),
                Coordinate(lat: b.minLat, lng: b.minLng),
            ])
        ])
    }

    /// Cuts [lo, hi] into n parts of random but similar widths.
    static func cuts(_ lo: Double, _ hi: Double, _ n: Int, _ rng: inout SeededRandom) -> [Double] {
        let weights = (0..<n).map { _ in Double(rng.int(80...120)) }
        let total = weights.reduce(0, +)
        var out = [lo]
        var acc = lo
        for w in weights.dropLast() {
            acc += (hi - lo) * w / total
            out.append(acc)
        }
        return out + [hi]
    }

    static func load(
        on db: Database, rng: inout SeededRandom, scale: DemoScale, district: OrgNode, streets: [OrgNode],
        communities: [OrgNode], grids branches: [OrgNode], groups: [OrgNode], roads: [String]
    ) async throws {
        func area(_ node: OrgNode, _ b: BBox) async throws {
            let a = Area()
            a.orgNodeID = node.id!
            a.set(rect(b))
            try await a.create(on: db)
        }
        try await area(district, districtBox)
        var communityBox: [Int: BBox] = [:]
        var streetBox: [Int: BBox] = [:]
        let streetCuts = cuts(districtBox.minLng, districtBox.maxLng, streets.count, &rng)
        for (s, street) in streets.enumerated() {
            let sb = BBox(
                minLat: districtBox.minLat, minLng: streetCuts[s], maxLat: districtBox.maxLat, maxLng: streetCuts[s + 1]
            )
            streetBox[street.id!] = sb
            try await area(street, sb)
            let mine = communities.filter { $0.parentID == street.id }
            let rows = cuts(sb.minLat, sb.maxLat, mine.count, &rng)
            for (c, community) in mine.enumerated() {
                let cb = BBox(minLat: rows[c], minLng: sb.minLng, maxLat: rows[c + 1], maxLng: sb.maxLng)
                communityBox[community.id!] = cb
                try await area(community, cb)
            }
        }

        // Grids, one per grid branch, as strips of their community.
        var gridOf: [Int: Grid] = [:]  // branch id → grid
        for community in communities {
            let cb = communityBox[community.id!]!
            let mine = branches.filter { $0.parentID == community.id }
            // Two rows of grids when there are three or more, so grids are blocks rather than long strips.
            let rowCount = mine.count >= 3 ? 2 : 1
            let rowCuts = cuts(cb.minLat, cb.maxLat, rowCount, &rng)
            var boxes: [BBox] = []
            for r in 0..<rowCount {
                let firstRow = rowCount == 1 ? mine.count : (mine.count + 1) / 2
                let inRow = r == 0 ? firstRow : mine.count - firstRow
                let cols = cuts(cb.minLng, cb.maxLng, inRow, &rng)
                for c in 0..<inRow {
                    boxes.append(BBox(minLat: rowCuts[r], minLng: cols[c], maxLat: rowCuts[r + 1], maxLng: cols[c + 1]))
                }
            }
            for (g, branch) in mine.enumerated() {
                let grid = Grid()
                grid.code = branch.code
                grid.name = branch.name.replacingOccurrences(of: "党支部", with: "")
                grid.communityNodeID = community.id!
                grid.branchNodeID = branch.id
                grid.path = branch.path
                grid.archived = false
                grid.set(rect(boxes[g]))
                try await grid.create(on: db)
                gridOf[branch.id!] = grid
            }
        }

        // Buildings on a lattice inside each grid, households in each building.
        var households: [Household] = []
        var buildingsOfGrid: [Int: [Building]] = [:]
        for branch in branches {
            let grid = gridOf[branch.id!]!
            let b = grid.shape.bbox
            let count = rng.int(scale.householdsPerGrid)
            let nBuildings = max(1, (count + scale.householdsPerBuilding - 1) / scale.householdsPerBuilding)
            let side = Int(Double(nBuildings).squareRoot().rounded(.up))
            let myGroups = groups.filter { $0.parentID == branch.id }
            let road = roads[branch.id! % roads.count]
            var batch: [Building] = []
            for i in 0..<nBuildings {
                let r = i / side
                let c = i % side
                let bd = Building()
                bd.gridID = grid.id!
                bd.name = "\(i + 1)栋"
                bd.address = "\(road)\(10 + grid.id! % 90)号\(i + 1)栋"
                bd.lat = b.minLat + (b.maxLat - b.minLat) * (Double(r) + 0.5) / Double(side)
                bd.lng = b.minLng + (b.maxLng - b.minLng) * (Double(c) + 0.5) / Double(side)
                bd.groupNodeID = myGroups.isEmpty ? nil : myGroups[i % myGroups.count].id
                bd.path = grid.path
                batch.append(bd)
            }
            try await batch.create(on: db)
            let stored = try await Building.query(on: db).filter(\.$gridID == grid.id!).sort(\.$id).all()
            buildingsOfGrid[grid.id!] = stored
            for k in 0..<count {
                let bd = stored[k % stored.count]
                let h = Household()
                h.buildingID = bd.id!
                h.gridID = grid.id!
                let n = k / stored.count
                h.room = "\(n % 2 + 1)单元\(n / 2 + 1)0\(rng.int(1...2))室"
                h.population =
                    [1, 2, 2, 3, 3, 3, 4, 4, 5][rng.int(0...8)] - (rng.chance(0.15) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0)
                h.population = max(1, h.population)
                h.isMemberHousehold = false
                h.path = grid.path
                households.append(h)
            }
        }
        for chunk in stride(from: 0, to: households.count, by: 400) {
            try await Array(households[chunk..<min(chunk + 400, households.count)]).create(on: db)
        }

        // People who live in a grid get a household there.
        var householdsOfGrid: [Int: [Household]] = [:]
        for h in try await Household.query(on: db).sort(\.$id).all() {
            householdsOfGrid[h.gridID, default: []].append(h)
        }
        let branchOfGroup = Dictionary(uniqueKeysWithValues: groups.map { ($0.id!, $0.parentID!) })
        var residentsOfGrid: [Int: [Person]] = [:]
        var membersOfGrid: [Int: [Person]] = [:]
        let local = try await Person.query(on: db).filter(\.$inService == false).filter(\.$isCommunityWorker == false)
            .sort(\.$id).all()
        for p in local {
            guard let branchID = gridOf[p.orgNodeID] != nil ? p.orgNodeID : branchOfGroup[p.orgNodeID],
                let grid = gridOf[branchID],
                let hs = householdsOfGrid[grid.id!], !hs.isEmpty
            else { continue }
            let h = hs[rng.int(0...(hs.count - 1))]
            p.householdID = h.id
            if p.isPartyMember {
                membersOfGrid[grid.id!, default: []].append(p)
            } else {
                residentsOfGrid[grid.id!, default: []].append(p)
            }
            if p.isPartyMember && rng.chance(0.7) { p.shownToNeighbours = true }
            try await p.save(on: db)
        }

        // Party-member households: a member's household linking the neighbours in its building.
        for (gridID, members) in membersOfGrid {
            let hs = householdsOfGrid[gridID] ?? []
            var used = Set<Int>()
            for member in members.prefix(max(1, hs.count * 6 / 100)) {
                guard let hid = member.householdID, used.insert(hid).inserted, let h = hs.first(where: { $0.id == hid })
                else { continue }
                h.isMemberHousehold = true
                h.memberPersonID = member.id
                try await h.save(on: db)
                let neighbours = hs.filter { $0.buildingID == h.buildingID && $0.id != h.id }.prefix(rng.int(4...8))
                try await neighbours.map { HouseholdLink(member: h.id!, household: $0.id!) }.create(on: db)
            }
        }

        // Grid workers from the community's workers, the three chiefs from residents and members.
        for branch in branches {
            let grid = gridOf[branch.id!]!
            let workers = try await Person.query(on: db).filter(\.$orgNodeID == grid.communityNodeID)
                .filter(\.$isCommunityWorker == true).sort(\.$id).all()
            if !workers.isEmpty {
                try await GridDuty(
                    gridID: grid.id!, personID: workers[(grid.id! + 1) % workers.count].id!, duty: .gridWorker
                ).create(on: db)
            }
            let residents = residentsOfGrid[grid.id!] ?? []
            let members = membersOfGrid[grid.id!] ?? []
            if let lane = residents.first {
                try await GridDuty(gridID: grid.id!, personID: lane.id!, duty: .laneChief).create(on: db)
            }
            if residents.count > 1 {
                try await GridDuty(gridID: grid.id!, personID: residents[1].id!, duty: .buildingChief).create(on: db)
            }
            for (i, group) in groups.filter({ $0.parentID == branch.id }).enumerated() where i < members.count {
                try await GridDuty(
                    gridID: grid.id!, personID: members[i].id!, duty: .buildingGroupLeader, groupNodeID: group.id
                ).create(on: db)
            }
        }

        // Departments sunk to each grid: the street's police station, city management, safety and legal offices.
        let units = try await ResidentUnit.query(on: db).all()
        for unit in units {
            let box = communityBox[unit.locationNodeID] ?? streetBox[unit.locationNodeID] ?? districtBox
            unit.lat = box.minLat + (box.maxLat - box.minLat) * Double(rng.int(15...85)) / 100
            unit.lng = box.minLng + (box.maxLng - box.minLng) * Double(rng.int(15...85)) / 100
            try await unit.save(on: db)
        }
        for community in communities {
            let streetUnits = units.filter { $0.locationNodeID == community.parentID }
            for grid in gridOf.values where grid.communityNodeID == community.id {
                for u in streetUnits {
                    let role: GridDepartment.Role =
                        u.kind == .police
                        ? .police
                        : u.name.hasSuffix("城管中队")
                            ? .cityManagement
                            : u.name.hasSuffix("安监站") ? .safety : u.name.hasSuffix("司法所") ? .legal : .other
                    try await GridDepartment(gridID: grid.id!, unitID: u.id!, role: role).create(on: db)
                }
            }
        }

        // Leaders' contact points: district leaders to communities, street leaders to compounds (grids).
        let titles = ["区委常委、组织部部长", "区委常委、政法委书记", "副区长"]
        for (i, title) in titles.enumerated() {
            let leader = try await leaderPerson(at: district, &rng, on: db)
            for community in communities.enumerated().filter({ $0.offset % titles.count == i }).map(\.element) {
                try await contact(leader, title: title, community: community, grid: nil, on: db)
            }
        }
        for street in streets {
            let leader = try await leaderPerson(at: street, &rng, on: db)
            let streetGrids = gridOf.values.filter { g in
                communities.contains { $0.id == g.communityNodeID && $0.parentID == street.id }
            }
            .sorted { $0.id! < $1.id! }
            for grid in streetGrids.prefix(2) {
                try await contact(leader, title: "街道党工委书记", community: nil, grid: grid, on: db)
            }
        }
    }

    static func leaderPerson(at node: OrgNode, _ rng: inout SeededRandom, on db: Database) async throws -> Person {
        let p = Person()
        p.name = DemoData.name(&rng)
        p.orgNodeID = node.id!
        p.path = node.path
        p.setFacets([.partyMember])
        p.memberStatus = .full
        p.inService = false
        p.archived = false
        p.shownToNeighbours = false
        try await p.create(on: db)
        return p
    }

    static func contact(_ leader: Person, title: String, community: OrgNode?, grid: Grid?, on db: Database) async throws
    {
        let c = ContactAssignment()
        c.leaderPersonID = leader.id!
        c.leaderTitle = title
        c.communityNodeID = community?.id
        c.gridID = grid?.id
        c.path = community?.path ?? grid?.path ?? "/"
        c.since = "2026-01-01"
        c.active = true
        try await c.create(on: db)
    }
}

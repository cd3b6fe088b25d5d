import Fluent
import Foundation

/// Geometry, buildings, households and the people who serve the grids of the fictional district.
/// The district is cut into street strips, community blocks and grid blocks, then drawn through a moved lattice
/// (`DemoStreets`) so boundaries bend like streets yet share edges exactly: no gaps, no overlaps, and every point
/// of the district is in one grid. A real district imports its own boundaries.
enum DemoPlaces {
    static let districtBox = BBox(minLat: 31.80, minLng: 117.20, maxLat: 31.92, maxLng: 117.36)

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
        // The regular district first (boxes cut with the demo's generator, as before), then every box drawn
        // through the moved lattice so boundaries bend like streets and still share their edges exactly.
        var ordered: [(node: OrgNode, box: BBox)] = [(district, districtBox)]
        var communityBox: [Int: BBox] = [:]
        var streetBox: [Int: BBox] = [:]
        let streetCuts = cuts(districtBox.minLng, districtBox.maxLng, streets.count, &rng)
        for (s, street) in streets.enumerated() {
            let sb = BBox(
                minLat: districtBox.minLat, minLng: streetCuts[s], maxLat: districtBox.maxLat,
                maxLng: streetCuts[s + 1]
            )
            streetBox[street.id!] = sb
            ordered.append((street, sb))
            let mine = communities.filter { $0.parentID == street.id }
            let rows = cuts(sb.minLat, sb.maxLat, mine.count, &rng)
            for (c, community) in mine.enumerated() {
                let cb = BBox(minLat: rows[c], minLng: sb.minLng, maxLat: rows[c + 1], maxLng: sb.maxLng)
                communityBox[community.id!] = cb
                ordered.append((community, cb))
            }
        }
        var gridBoxes: [(community: OrgNode, branch: OrgNode, box: BBox)] = []
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
                    boxes.append(
                        BBox(minLat: rowCuts[r], minLng: cols[c], maxLat: rowCuts[r + 1], maxLng: cols[c + 1]))
                }
            }
            for (g, branch) in mine.enumerated() { gridBoxes.append((community, branch, boxes[g])) }
        }
        let lattice = DemoStreets(box: districtBox, seed: 0x51AE_E75)
        let boxes = ordered.map(\.box) + gridBoxes.map(\.box)
        let corners = Array(
            Set(
                boxes.flatMap { b in
                    [b.minLat, b.maxLat].flatMap { lat in [b.minLng, b.maxLng].map { Coordinate(lat: lat, lng: $0) } }
                }
            )
        )
        for (node, box) in ordered {
            let a = Area()
            a.orgNodeID = node.id!
            a.set(lattice.shape(box, corners: corners))
            try await a.create(on: db)
        }

        // Grids, one per grid branch, as blocks of their community.
        var gridOf: [Int: Grid] = [:]  // branch id → grid
        var regularBox: [Int: BBox] = [:]  // grid id → its box in the regular district
        for (community, branch, box) in gridBoxes {
            let grid = Grid()
            grid.code = branch.code
            grid.name = branch.name.replacingOccurrences(of: "党支部", with: "")
            grid.communityNodeID = community.id!
            grid.branchNodeID = branch.id
            grid.path = branch.path
            grid.archived = false
            grid.set(lattice.shape(box, corners: corners))
            try await grid.create(on: db)
            gridOf[branch.id!] = grid
            regularBox[grid.id!] = box
        }

        // Buildings on a lattice inside each grid, households in each building.
        var households: [Household] = []
        var buildingsOfGrid: [Int: [Building]] = [:]
        for branch in branches {
            let grid = gridOf[branch.id!]!
            let b = regularBox[grid.id!]!
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
                let at = lattice.warp(
                    Coordinate(
                        lat: b.minLat + (b.maxLat - b.minLat) * (Double(r) + 0.5) / Double(side),
                        lng: b.minLng + (b.maxLng - b.minLng) * (Double(c) + 0.5) / Double(side)
                    )
                )
                bd.lat = at.lat
                bd.lng = at.lng
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
                    [1, 2, 2, 3, 3, 3, 4, 4, 5][rng.int(0...8)] - (rng.chance(0.15) ? 1 : 0)
                    + (rng.chance(0.1) ? 1 : 0)
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
                guard let hid = member.householdID, used.insert(hid).inserted,
                    let h = hs.first(where: { $0.id == hid })
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
            let lat = box.minLat + (box.maxLat - box.minLat) * Double(rng.int(15...85)) / 100
            let at = lattice.warp(
                Coordinate(lat: lat, lng: box.minLng + (box.maxLng - box.minLng) * Double(rng.int(15...85)) / 100)
            )
            unit.lat = at.lat
            unit.lng = at.lng
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

    static func contact(_ leader: Person, title: String, community: OrgNode?, grid: Grid?, on db: Database)
        async throws
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

/// The demo's streets: a lattice over the district whose points are moved a little (seeded), and a map that
/// carries each cell of the regular lattice onto its moved cell (bilinear, so a straight east–west or north–south
/// line stays straight within a cell and bends where it crosses a lattice line, as streets do). Boxes that share
/// an edge are densified at the same points (lattice crossings and every box's corners on that edge), so after
/// the map they still share their edges exactly: no gaps, no overlaps.
struct DemoStreets {
    let box: BBox
    let nx: Int, ny: Int
    let points: [[Coordinate]]  // [row j][column i], j from south, i from west
    var stepLng: Double { (box.maxLng - box.minLng) / Double(nx) }
    var stepLat: Double { (box.maxLat - box.minLat) / Double(ny) }

    init(box: BBox, nx: Int = 20, ny: Int = 15, seed: UInt64) {
        self.box = box
        self.nx = nx
        self.ny = ny
        var rng = SeededRandom(state: seed)
        let sx = (box.maxLng - box.minLng) / Double(nx)
        let sy = (box.maxLat - box.minLat) / Double(ny)
        func jitter() -> Double { Double(rng.int(-24...24)) / 100 }
        func inward() -> Double { Double(rng.int(0...20)) / 100 }
        points = (0...ny).map { j in
            (0...nx).map { i in
                var lat = box.minLat + Double(j) * sy
                var lng = box.minLng + Double(i) * sx
                let edgeX = i == 0 || i == nx
                let edgeY = j == 0 || j == ny
                // Interior points move freely; points on the border move along it and inwards, never out.
                if !edgeX { lng += jitter() * sx }
                if !edgeY { lat += jitter() * sy }
                if edgeX && !edgeY { lng += (i == 0 ? 1 : -1) * inward() * sx }
                if edgeY && !edgeX { lat += (j == 0 ? 1 : -1) * inward() * sy }
                return Coordinate(lat: lat, lng: lng)
            }
        }
    }

    /// Where a point of the regular district lands.
    func warp(_ c: Coordinate) -> Coordinate {
        let fx = (c.lng - box.minLng) / stepLng
        let fy = (c.lat - box.minLat) / stepLat
        let i = max(0, min(nx - 1, Int(fx.rounded(.down))))
        let j = max(0, min(ny - 1, Int(fy.rounded(.down))))
        let u = fx - Double(i)
        let v = fy - Double(j)
        let a = points[j][i]
        let b = points[j][i + 1]
        let c2 = points[j + 1][i]
        let d = points[j + 1][i + 1]
        func mix(_ p: Double, _ q: Double, _ r: Double, _ s: Double) -> Double {
            (p * (1 - u) + q * u) * (1 - v) + (r * (1 - u) + s * u) * v
        }
        return Coordinate(lat: mix(a.lat, b.lat, c2.lat, d.lat), lng: mix(a.lng, b.lng, c2.lng, d.lng))
    }

    /// A box of the regular district as a polygon of the moved one. `corners` are every box's corners, so a
    /// neighbour's corner on this box's edge is a vertex of both.
    func shape(_ b: BBox, corners: [Coordinate]) -> MultiPolygon {
        func along(_ from: Coordinate, _ to: Coordinate) -> [Coordinate] {
            var out = [from]
            if from.lat == to.lat {
                let lo = min(from.lng, to.lng)
                let hi = max(from.lng, to.lng)
                var xs = (1..<nx).map { box.minLng + Double($0) * stepLng }.filter { $0 > lo && $0 < hi }
                xs += corners.filter { $0.lat == from.lat && $0.lng > lo && $0.lng < hi }.map(\.lng)
                xs = Array(Set(xs)).sorted()
                if from.lng > to.lng { xs.reverse() }
                out += xs.map { Coordinate(lat: from.lat, lng: $0) }
            } else {
                let lo = min(from.lat, to.lat)
                let hi = max(from.lat, to.lat)
                var ys = (1..<ny).map { box.minLat + Double($0) * stepLat }.filter { $0 > lo && $0 < hi }
                ys += corners.filter { $0.lng == from.lng && $0.lat > lo && $0.lat < hi }.map(\.lat)
                ys = Array(Set(ys)).sorted()
                if from.lat > to.lat { ys.reverse() }
                out += ys.map { Coordinate(lat: $0, lng: from.lng) }
            }
            return out
        }
        let sw = Coordinate(lat: b.minLat, lng: b.minLng)
        let se = Coordinate(lat: b.minLat, lng: b.maxLng)
        let ne = Coordinate(lat: b.maxLat, lng: b.maxLng)
        let nw = Coordinate(lat: b.maxLat, lng: b.minLng)
        let ring = along(sw, se) + along(se, ne) + along(ne, nw) + along(nw, sw)
        return MultiPolygon([Polygon(outer: (ring + [sw]).map(warp))])
    }
}

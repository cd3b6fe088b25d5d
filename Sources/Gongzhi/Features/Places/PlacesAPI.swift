import Fluent
import Vapor

enum PlacesAPI {
    struct Named: Content {
        let id: Int
        let name: String
        let code: String?
    }
    struct Located: Content {
        let grid: Named
        let community: Named?
        let street: Named?
        /// False when the point lies just outside every grid and the nearest grid is given instead.
        let inside: Bool
        let distanceMetres: Double
    }
    struct GridOut: Content {
        let id: Int
        let code: String
        let name: String
        let communityNodeID: Int
        let communityName: String?
        let branchNodeID: Int?
        let figures: GridFigures
        let flags: [GridSizing.Flag]
        let flagLabels: [String]
    }
    /// Someone who serves a grid; `dutyID` is the assignment, for ending it (`DELETE /grids/{id}/duties/{duty}`).
    struct PersonRef: Content {
        let dutyID: Int
        let personID: Int
        let name: String
        let duty: GridDuty.Duty
        let dutyLabel: String
        let groupNodeID: Int?

        init(_ d: GridDuty, name: String, _ req: Request) {
            dutyID = d.id!
            personID = d.personID
            self.name = name
            duty = d.duty
            dutyLabel = req.t(d.duty.labelKey)
            groupNodeID = d.groupNodeID
        }
    }
    struct DepartmentRef: Content {
        let unitID: Int
        let name: String
        let role: GridDepartment.Role
        let roleLabel: String
    }
    struct ContactRef: Content {
        let id: Int
        let leaderPersonID: Int
        let leaderName: String
        let title: String
        let communityNodeID: Int?
        let gridID: Int?
        let since: String
    }
    struct BuildingOut: Content {
        let id: Int
        let name: String
        let address: String
        let households: Int
        let groupNodeID: Int?
    }
    struct GridDetail: Content {
        let grid: GridOut
        let boundary: String
        let staff: [PersonRef]
        let departments: [DepartmentRef]
        let contacts: [ContactRef]
        let buildings: [BuildingOut]
    }

    static let nearestWithinMetres = 500.0

    static func register(_ api: RoutesBuilder) {
        api.get("places", "locate", use: locate)
        api.get("places", "export.geojson", use: PlacesExport.geojson)
        api.on(.POST, "places", "import", "preview", body: .collect(maxSize: "20mb"), use: GridImport.previewAPI)
        api.post("places", "import", ":batch", "commit", use: GridImport.commitAPI)
        api.get("grids", use: list)
        api.get("grids", ":id", use: show)
        api.get("grids", ":id", "households", use: households)
        api.get("households", ":id", use: HouseholdsAPI.show)
        api.get("contact-assignments", use: ContactsAPI.list)
        api.post("contact-assignments", use: ContactsAPI.create)
        api.get("nearby", use: NearbyAPI.show)
        PlacesCommands.register(api)
    }

    static func coordinate(_ req: Request) throws -> Coordinate {
        guard let latRaw = req.query[String.self, at: "lat"], let lngRaw = req.query[String.self, at: "lng"],
            let lat = Double(latRaw), let lng = Double(lngRaw)
        else { throw AppError.badRequest("error.geo.latlng") }
        let c = Coordinate(lat: lat, lng: lng)
        guard c.isValid else { throw AppError.badRequest("error.geo.range") }
        return c
    }

    @Sendable static func locate(_ req: Request) async throws -> Located {
        _ = try req.requireViewer()
        let p = try coordinate(req)
        let (index, info) = try await req.application.placesIndex.current(on: req.db)
        var hit = index.containing(p).first.map { (id: $0, metres: 0.0) }
        if hit == nil { hit = index.nearest(p, maxMetres: nearestWithinMetres) }
        guard let hit, let g = info[hit.id] else { throw AppError.invalid("error.geo.outside") }
        let community = try await OrgNode.find(g.communityNodeID, on: req.db)
        let street = try await community?.parentID.asyncMap { try await OrgNode.find($0, on: req.db) } ?? nil
        return Located(
            grid: Named(id: g.id, name: g.name, code: g.code),
            community: community.map { Named(id: $0.id!, name: $0.name, code: $0.code) },
            street: street.map { Named(id: $0.id!, name: $0.name, code: $0.code) },
            inside: hit.metres == 0, distanceMetres: (hit.metres * 10).rounded() / 10)
    }

    static func out(_ grids: [Grid], _ req: Request) async throws -> [GridOut] {
        let figures = try await PlacesQueries.figures(for: grids.compactMap(\.id), on: req.db)
        let cids = Array(Set(grids.map(\.communityNodeID)))
        let names =
            cids.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await OrgNode.query(on: req.db).filter(\.$id ~~ cids).all().map {
                    ($0.id!, $0.name)
                })
        return grids.map { g in
            let f = figures[g.id!] ?? GridFigures()
            return GridOut(
                id: g.id!, code: g.code, name: g.name, communityNodeID: g.communityNodeID,
                communityName: names[g.communityNodeID],
                branchNodeID: g.branchNodeID, figures: f, flags: f.flags, flagLabels: f.flags.map { req.t($0.labelKey) }
            )
        }
    }

    @Sendable static func list(_ req: Request) async throws -> [GridOut] {
        let v = try await req.require(.viewTree)
        var grids = try await PlacesQueries.gridsInScope(v.scope, on: req.db)
        if let raw = req.query[String.self, at: "communityId"], !raw.isEmpty {
            guard let cid = Int(raw) else { throw AppError.badRequest("error.badID", args: [raw]) }
            grids = grids.filter { $0.communityNodeID == cid }
        }
        let out = try await out(grids, req)
        if try req.flag("flagged") == true { return out.filter { !$0.flags.isEmpty } }
        return out
    }

    static func detail(_ grid: Grid, _ req: Request) async throws -> GridDetail {
        let gid = grid.id!
        let duties = try await GridDuty.query(on: req.db).filter(\.$gridID == gid).all()
        let people =
            duties.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await Person.query(on: req.db).filter(\.$id ~~ duties.map(\.personID)).all()
                    .map { ($0.id!, $0) })
        let order = GridDuty.Duty.allCases
        let staff = duties.sorted {
            (order.firstIndex(of: $0.duty)!, $0.id!) < (order.firstIndex(of: $1.duty)!, $1.id!)
        }.compactMap { d -> PersonRef? in
            guard let p = people[d.personID] else { return nil }
            return PersonRef(d, name: p.name, req)
        }
        let depts = try await GridDepartment.query(on: req.db).filter(\.$gridID == gid).all()
        let units =
            depts.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await ResidentUnit.query(on: req.db).filter(\.$id ~~ depts.map(\.unitID))
                    .all().map { ($0.id!, $0) })
        let departments = depts.compactMap { d in
            units[d.unitID].map {
                DepartmentRef(unitID: d.unitID, name: $0.name, role: d.role, roleLabel: req.t(d.role.labelKey))
            }
        }
        let contacts = try await ContactsAPI.refs(
            try await ContactAssignment.query(on: req.db).filter(\.$active == true)
                .group(.or) { $0.filter(\.$gridID == gid).filter(\.$communityNodeID == grid.communityNodeID) }.all(),
            on: req.db)
        let buildings = try await Building.query(on: req.db).filter(\.$gridID == gid).sort(\.$id).all()
        let counts = Dictionary(
            grouping: try await Household.query(on: req.db).filter(\.$gridID == gid).field(\.$id).field(\.$buildingID)
                .all(), by: \.buildingID
        ).mapValues(\.count)
        return GridDetail(
            grid: try await out([grid], req)[0], boundary: grid.boundary, staff: staff, departments: departments,
            contacts: contacts,
            buildings: buildings.map {
                BuildingOut(
                    id: $0.id!, name: $0.name, address: $0.address, households: counts[$0.id!] ?? 0,
                    groupNodeID: $0.groupNodeID)
            })
    }

    @Sendable static func show(_ req: Request) async throws -> GridDetail {
        try await req.require(.viewTree)
        return try await detail(try await PlacesQueries.findGrid(try req.intParameter("id"), req), req)
    }

    @Sendable static func households(_ req: Request) async throws -> [HouseholdsAPI.HouseholdOut] {
        try await req.require(.viewPeople)
        let grid = try await PlacesQueries.findGrid(try req.intParameter("id"), req)
        let hs = try await Household.query(on: req.db).filter(\.$gridID == grid.id!).sort(\.$id).all()
        return try await HouseholdsAPI.out(hs, req)
    }
}

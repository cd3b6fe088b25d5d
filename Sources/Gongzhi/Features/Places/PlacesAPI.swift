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
    }
    /// Someone who serves a grid; `dutyID` is the assignment, for ending it (`DELETE /grids/{id}/duties/{duty}`).
    struct PersonRef: Content {
        let dutyID: Int
        let personID: Int
        let name: String
        let duty: GridDuty.Duty
        let groupNodeID: Int?

        init(_ s: GridFacts.Staff, _ lang: Lang) {
            dutyID = s.dutyID
            personID = s.personID
            name = s.name
            duty = s.duty
            groupNodeID = s.groupNodeID
        }
    }
    struct DepartmentRef: Content {
        let unitID: Int
        let name: String
        let role: GridDepartment.Role
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
        api.get(PlacesRoute.apiLocate, use: locate)
        api.get(PlacesRoute.apiExport, use: PlacesExport.geojson)
        api.post(PlacesRoute.apiImportPreview, body: .collect(maxSize: "20mb"), use: GridImport.previewAPI)
        api.post(PlacesRoute.apiImportCommit(batch: .key), use: GridImport.commitAPI)
        api.get(PlacesRoute.apiGrids, use: list)
        api.get(PlacesRoute.apiGrid(.key), use: show)
        api.get(PlacesRoute.apiGridHouseholds(.key), use: households)
        api.get(PlacesRoute.apiHousehold(.key), use: HouseholdsAPI.show)
        api.get(PlacesRoute.apiContacts, use: ContactsAPI.list)
        api.post(PlacesRoute.apiContacts, use: ContactsAPI.create)
        api.get(PlacesRoute.apiNearby, use: NearbyAPI.show)
        PlacesCommands.register(api)
    }

    static func coordinate(_ req: Request) throws -> Coordinate {
        guard let latRaw = req.query[String.self, at: "lat"], let lngRaw = req.query[String.self, at: "lng"],
            let lat = Double(latRaw), let lng = Double(lngRaw)
        else { throw AppError.badRequest(.errorGeoLatlng) }
        let c = Coordinate(lat: lat, lng: lng)
        guard c.isValid else { throw AppError.badRequest(.errorGeoRange) }
        return c
    }

    @Sendable static func locate(_ req: Request) async throws -> Located {
        _ = try req.requireViewer()
        let p = try coordinate(req)
        let (index, info) = try await req.application.placesIndex.current(on: req.db)
        var hit = index.containing(p).first.map { (id: $0, metres: 0.0) }
        if hit == nil { hit = index.nearest(p, maxMetres: nearestWithinMetres) }
        guard let hit, let g = info[hit.id] else { throw AppError.invalid(.errorGeoOutside) }
        let community = try await OrgNode.find(g.communityNodeID, on: req.db)
        let street = try await community?.parentID.asyncMap { try await OrgNode.find($0, on: req.db) } ?? nil
        return Located(
            grid: Named(id: g.id, name: g.name, code: g.code),
            community: community.map { Named(id: $0.id!, name: $0.name, code: $0.code) },
            street: street.map { Named(id: $0.id!, name: $0.name, code: $0.code) },
            inside: hit.metres == 0, distanceMetres: (hit.metres * 10).rounded() / 10)
    }

    static func out(_ grids: [Grid], _ caller: Caller) async throws -> [GridOut] {
        let figures = try await PlacesQueries.figures(for: grids.compactMap(\.id), on: caller.db)
        let cids = Array(Set(grids.map(\.communityNodeID)))
        let names =
            cids.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await OrgNode.query(on: caller.db).filter(\.$id ~~ cids).all().map {
                    ($0.id!, $0.name)
                })
        return grids.map { g in
            let f = figures[g.id!] ?? GridFigures()
            return GridOut(
                id: g.id!, code: g.code, name: g.name, communityNodeID: g.communityNodeID,
                communityName: names[g.communityNodeID],
                branchNodeID: g.branchNodeID, figures: f, flags: f.flags
            )
        }
    }

    @Sendable static func list(_ req: Request) async throws -> [GridOut] {
        let v = try await req.require(.viewTree)
        var grids = try await PlacesQueries.gridsInScope(v.scope, on: req.db)
        if let raw = req.query[String.self, at: "communityId"], !raw.isEmpty {
            guard let cid = Int(raw) else { throw AppError.badRequest(.errorBadID, args: [raw]) }
            grids = grids.filter { $0.communityNodeID == cid }
        }
        let out = try await out(grids, req.caller)
        if try req.flag("flagged") == true { return out.filter { !$0.flags.isEmpty } }
        return out
    }

    static func detail(_ grid: Grid, _ caller: Caller) async throws -> GridDetail {
        detail(try await PlacesQueries.facts(grid, on: caller.db), caller.lang)
    }

    /// The grid as the API answers, with labels in the caller's language.
    static func detail(_ f: GridFacts, _ lang: Lang) -> GridDetail {
        GridDetail(
            grid: GridOut(
                id: f.id, code: f.code, name: f.name, communityNodeID: f.communityNodeID,
                communityName: f.communityName, branchNodeID: f.branchNodeID, figures: f.figures,
                flags: f.figures.flags),
            boundary: f.boundary, staff: f.staff.map { PersonRef($0, lang) },
            departments: f.departments.map {
                DepartmentRef(
                    unitID: $0.unitID, name: $0.name, role: $0.role)
            },
            contacts: f.contacts,
            buildings: f.buildings.map {
                BuildingOut(
                    id: $0.id, name: $0.name, address: $0.address, households: $0.households,
                    groupNodeID: $0.groupNodeID)
            })
    }

    @Sendable static func show(_ req: Request) async throws -> GridDetail {
        try await req.require(.viewTree)
        return try await detail(try await PlacesQueries.findGrid(try req.intParameter("id"), req.caller), req.caller)
    }

    @Sendable static func households(_ req: Request) async throws -> [HouseholdsAPI.HouseholdOut] {
        try await req.require(.viewPeople)
        let grid = try await PlacesQueries.findGrid(try req.intParameter("id"), req.caller)
        let hs = try await Household.query(on: req.db).filter(\.$gridID == grid.id!).sort(\.$id).all()
        return try await HouseholdsAPI.out(hs, req.caller)
    }
}

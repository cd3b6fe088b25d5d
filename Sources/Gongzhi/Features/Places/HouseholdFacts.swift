import Fluent
import Vapor

/// A household as plain data, for the API's `HouseholdDetail` and the household page: the chain from its building
/// group's leader through the member households that look after it to who lives there.
struct HouseholdFacts: Sendable {
    let household: HouseholdsAPI.HouseholdOut
    let residents: [PersonOut]
    let buildingGroup: PlacesAPI.Named?
    let groupLeader: GridFacts.Staff?
    let memberHouseholds: [HouseholdsAPI.HouseholdOut]
    let linkedHouseholds: [HouseholdsAPI.HouseholdOut]
}

/// 身边党员 as plain data: the viewer's grid, the member households around it and who serves it.
struct NearbyFacts: Sendable {
    let grid: PlacesAPI.Named?
    let entries: [NearbyAPI.Entry]
    let staff: [GridFacts.Staff]
}

extension PlacesQueries {
    static func householdFacts(_ h: Household, lang: Lang, on db: any Database) async throws -> HouseholdFacts {
        let residents = try await PeopleQueries.residents(ofHousehold: h.id!, lang: lang, on: db)
        let building = try await Building.find(h.buildingID, on: db)
        let group = try await building?.groupNodeID.asyncMap { try await OrgNode.find($0, on: db) } ?? nil
        var leader: GridFacts.Staff?
        if let gid = group?.id,
            let duty = try await GridDuty.query(on: db).filter(\.$groupNodeID == gid)
                .filter(\.$duty == .buildingGroupLeader).first(),
            let p = try await PeopleQueries.briefs([duty.personID], on: db)[duty.personID]
        {
            leader = .init(
                dutyID: duty.id!, personID: p.id, name: p.name, duty: duty.duty, groupNodeID: duty.groupNodeID)
        }
        let me = try await HouseholdsAPI.out([h], on: db)[0]
        let lookedAfterBy =
            me.linkedBy.isEmpty
            ? []
            : try await HouseholdsAPI.out(
                try await Household.query(on: db).filter(\.$id ~~ me.linkedBy).all(), on: db)
        let linked =
            me.links.isEmpty
            ? []
            : try await HouseholdsAPI.out(
                try await Household.query(on: db).filter(\.$id ~~ me.links).sort(\.$id).all(), on: db)
        return HouseholdFacts(
            household: me, residents: residents,
            buildingGroup: group.map { .init(id: $0.id!, name: $0.name, code: $0.code) }, groupLeader: leader,
            memberHouseholds: lookedAfterBy, linkedHouseholds: linked)
    }

    /// A member's name and room show only when they agreed; otherwise only that a member household is there.
    static func nearby(of v: Viewer, on db: any Database) async throws -> NearbyFacts {
        guard let home = try await homeGrid(of: v, on: db) else {
            return NearbyFacts(grid: nil, entries: [], staff: [])
        }
        var box = home.shape.bbox
        let pad = 0.002  // about 200 m: grids touching or very near count as neighbours
        box = BBox(
            minLat: box.minLat - pad, minLng: box.minLng - pad, maxLat: box.maxLat + pad, maxLng: box.maxLng + pad)
        let grids = try await Grid.query(on: db).filter(\.$archived == false)
            .filter(\.$minLat <= box.maxLat).filter(\.$maxLat >= box.minLat)
            .filter(\.$minLng <= box.maxLng).filter(\.$maxLng >= box.minLng).all()
        let gridName = Dictionary(uniqueKeysWithValues: grids.map { ($0.id!, $0.name) })
        let hs = try await Household.query(on: db).filter(\.$gridID ~~ grids.compactMap(\.id))
            .filter(\.$isMemberHousehold == true).all()
        let members = try await PeopleQueries.briefs(hs.compactMap(\.memberPersonID), on: db)
        let buildings = Dictionary(
            uniqueKeysWithValues: try await Building.query(on: db).filter(\.$id ~~ hs.map(\.buildingID)).all().map {
                ($0.id!, $0)
            })
        func rank(_ h: Household) -> (Int, Int) { (h.gridID == home.id ? 0 : 1, h.id!) }
        let entries = hs.sorted { rank($0) < rank($1) }.map { h -> NearbyAPI.Entry in
            let m = h.memberPersonID.flatMap { members[$0] }
            let agreed = m?.shownToNeighbours == true
            return NearbyAPI.Entry(
                gridName: gridName[h.gridID] ?? "", building: buildings[h.buildingID]?.name ?? "",
                room: agreed ? h.room : nil, name: agreed ? m?.name : nil, agreed: agreed)
        }
        let staff = try await facts(home, on: db).staff
        return NearbyFacts(
            grid: .init(id: home.id!, name: home.name, code: home.code), entries: entries, staff: staff)
    }
}

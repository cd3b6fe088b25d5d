import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// Suggestions for a need: the database narrows the resources to those of the need's category, on offer, with room
/// left and within reach (offered in the need's community, or to the street or district above it), nearest first;
/// `Matching` ranks the nearest of them and says why each is suggested.
enum ListsMatching {
    /// How many of the nearest candidates the ranking sees: far more than it suggests, so the tiers it weighs
    /// before distance (grid, community, covering all) are decided among enough of them.
    static let window = 200

    struct Reason: Content, Equatable {
        let code: String
        var value: Int?
    }

    struct Suggestion: Content {
        let kind: Matching.CandidateKind
        let id: Int
        let title: String
        let offeredBy: String
        let free: Int
        let capacity: Int
        let distanceMetres: Int?
        let reasons: [Reason]
    }

    static func candidate(_ r: ListResource, free: Int) -> Matching.Candidate {
        Matching.Candidate(
            kind: .resource, id: r.id!, categories: [r.category], gridID: r.gridID, communityNodeID: r.communityNodeID,
            lat: r.lat, lng: r.lng, free: free, from: r.availableFrom.flatMap(LocalDate.init),
            until: r.availableUntil.flatMap(LocalDate.init))
    }

    static func need(_ i: ListItem, open: Int) -> Matching.Need {
        Matching.Need(
            category: i.category, gridID: i.gridID, communityNodeID: i.communityNodeID, lat: i.lat, lng: i.lng,
            open: open, from: i.neededFrom.flatMap(LocalDate.init), until: i.neededUntil.flatMap(LocalDate.init))
    }

    /// The ranked suggestions for an item the caller sees. A liaison (`units`) is shown only their units' resources:
    /// another unit's offer or a member's own is not theirs to claim, nor a team.
    static func suggestions(
        for i: ListItem, units: [Int]? = nil, limit: Int = Matching.defaultLimit, now: Date, on db: any Database
    ) async throws -> [Suggestion] {
        let claimed = try await ListsFacts.claimed(items: [i.id!], on: db)[i.id!] ?? []
        let open = ListRules.open(needed: i.quantity, claimed: claimed)
        guard open > 0, i.closedOn == nil else { return [] }
        var rows = try await nearest(to: i, today: LocalDate(instant: now.timeIntervalSince1970), on: db)
        var teams = try await teams(for: i, now: now, on: db)
        if let units {
            rows = rows.filter { $0.unitID.map(units.contains) ?? false }
            teams = []
        }
        let candidates = rows.map(\.candidate) + teams.map(candidate)
        let ranked = Matching.suggestions(for: need(i, open: open), among: candidates, limit: limit)
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.candidate.id, $0) })
        let teamByID = Dictionary(uniqueKeysWithValues: teams.map { ($0.id, $0) })
        let unitNames = try await UnitsQueries.names(
            rows.compactMap(\.unitID) + teams.compactMap(\.ownerUnitID), on: db)
        return ranked.compactMap { s in
            let metres = s.metres.map { Int($0.rounded()) }
            if s.candidate.kind == .team, let t = teamByID[s.candidate.id] {
                return Suggestion(
                    kind: .team, id: t.id, title: t.name,
                    offeredBy: t.ownerUnitID.flatMap { unitNames[$0] } ?? t.skills,
                    free: t.freeCapacity, capacity: t.memberCount, distanceMetres: metres,
                    reasons: s.reasons.map(reason))
            }
            guard let row = byID[s.candidate.id] else { return nil }
            return Suggestion(
                kind: s.candidate.kind, id: s.candidate.id, title: row.title,
                offeredBy: row.unitID.flatMap { unitNames[$0] } ?? row.contactName, free: s.candidate.free,
                capacity: row.capacity, distanceMetres: metres, reasons: s.reasons.map(reason))
        }
    }

    /// The service teams within reach of an item: of its street, kept in its community (or below) or by the street
    /// itself (Volunteering's published teams).
    static func teams(for i: ListItem, now: Date, on db: any Database) async throws -> [TeamOffer] {
        guard let community = try await OrgNode.find(i.communityNodeID, on: db) else { return [] }
        let above = ListsFacts.ancestorPaths(of: community.path)
        guard let street = above.max(by: { $0.count < $1.count }) else { return [] }
        return try await VolunteeringQueries.teamOffers(under: TreePath(street), now: now, db: db).filter {
            $0.path.hasPrefix(community.path) || above.contains($0.path)
        }
    }

    static func candidate(_ t: TeamOffer) -> Matching.Candidate {
        Matching.Candidate(
            kind: .team, id: t.id, categories: t.categories, gridID: t.gridID, communityNodeID: t.communityNodeID,
            lat: t.lat, lng: t.lng, free: t.freeCapacity, from: nil, until: nil)
    }

    static func reason(_ r: Matching.Reason) -> Reason {
        switch r {
        case .category: Reason(code: "category")
        case .sameGrid: Reason(code: "sameGrid")
        case .sameCommunity: Reason(code: "sameCommunity")
        case .distance(let m): Reason(code: "distance", value: m)
        case .coversAll(let f): Reason(code: "coversAll", value: f)
        case .coversPart(let f): Reason(code: "coversPart", value: f)
        case .windowFits: Reason(code: "windowFits")
        }
    }

    struct Row: Sendable {
        let candidate: Matching.Candidate
        let title: String
        let unitID: Int?
        let contactName: String
        let capacity: Int
    }

    /// One indexed query: the category's resources within reach with room left and a window not yet over, the
    /// same grid first, then the same community, then by a flat-earth distance that orders like the real one
    /// within a city; at most `window` rows.
    static func nearest(to i: ListItem, today: LocalDate, on db: any Database) async throws -> [Row] {
        let sql = try db.sql()
        guard let community = try await OrgNode.find(i.communityNodeID, on: db) else { return [] }
        let above = ListsFacts.ancestorPaths(of: community.path)
        let lat = i.lat ?? 0
        let lng = i.lng ?? 0
        let k = cos(lat * .pi / 180)
        let known = i.lat != nil && i.lng != nil
        let reach: SQLQueryString =
            above.isEmpty
            ? "r.path LIKE \(bind: community.path + "%")"
            : "(r.path LIKE \(bind: community.path + "%") OR r.path IN \(SQLBind.group(above)))"
        let distance: SQLQueryString =
            known
            ? "CASE WHEN r.lat IS NULL THEN 1 ELSE 0 END, (r.lat - \(bind: lat)) * (r.lat - \(bind: lat)) + "
                + "(r.lng - \(bind: lng)) * (r.lng - \(bind: lng)) * \(bind: k * k)"
            : "r.id ASC"
        let query: SQLQueryString = """
            SELECT r.id, r.title, r.unit_id, r.contact_name, r.grid_id, r.community_node_id, r.lat, r.lng, \
            r.capacity, r.available_from, r.available_until, CAST(r.capacity - COALESCE((SELECT SUM(c.quantity) \
            FROM list_claims c WHERE c.resource_id = r.id AND c.withdrawn_at IS NULL), 0) AS BIGINT) AS free \
            FROM list_resources r WHERE r.category = \(bind: i.category.rawValue) AND r.withdrawn_on IS NULL \
            AND (r.available_until IS NULL OR r.available_until >= \(bind: today.description)) \
            AND \(reach) AND r.capacity > COALESCE((SELECT SUM(c.quantity) FROM list_claims c \
            WHERE c.resource_id = r.id AND c.withdrawn_at IS NULL), 0) \
            ORDER BY CASE WHEN r.grid_id = \(bind: i.gridID ?? -1) THEN 0 \
            WHEN r.community_node_id = \(bind: i.communityNodeID) THEN 1 ELSE 2 END, \(distance) \
            LIMIT \(unsafeRaw: String(window))
            """
        return try await sql.raw(query).all().map { row in
            let free = try row.decode(column: "free", as: Int.self)
            let c = Matching.Candidate(
                kind: .resource, id: try row.decode(column: "id", as: Int.self),
                categories: [i.category], gridID: try row.decode(column: "grid_id", as: Int?.self),
                communityNodeID: try row.decode(column: "community_node_id", as: Int?.self),
                lat: try row.decode(column: "lat", as: Double?.self),
                lng: try row.decode(column: "lng", as: Double?.self),
                free: free, from: try row.decode(column: "available_from", as: String?.self).flatMap(LocalDate.init),
                until: try row.decode(column: "available_until", as: String?.self).flatMap(LocalDate.init))
            return Row(
                candidate: c, title: try row.decode(column: "title", as: String.self),
                unitID: try row.decode(column: "unit_id", as: Int?.self),
                contactName: try row.decode(column: "contact_name", as: String.self),
                capacity: try row.decode(column: "capacity", as: Int.self))
        }
    }
}

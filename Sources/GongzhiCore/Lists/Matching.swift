import Foundation

/// Ranked suggestions for a need: resources and service teams of the same category with room left, nearest first.
///
/// The order, each step breaking the ties of the one before: the same grid, then the same community, then the
/// rest; those that can cover all that is still open before those that cover part; the shorter distance (unknown
/// last); the larger free capacity; resources before teams, then the older offer. Candidates of another category,
/// without free capacity or whose time window misses the need's are not suggested at all.
public enum Matching {
    public struct Need: Sendable, Equatable {
        public var category: ServiceCategory
        public var gridID: Int?
        public var communityNodeID: Int?
        public var lat: Double?
        public var lng: Double?
        /// What is still open (needed less the active claims).
        public var open: Int
        public var from: LocalDate?
        public var until: LocalDate?

        public init(
            category: ServiceCategory, gridID: Int?, communityNodeID: Int?, lat: Double?, lng: Double?, open: Int,
            from: LocalDate?, until: LocalDate?
        ) {
            self.category = category
            self.gridID = gridID
            self.communityNodeID = communityNodeID
            self.lat = lat
            self.lng = lng
            self.open = open
            self.from = from
            self.until = until
        }
    }

    public enum CandidateKind: String, CaseIterable, Codable, Sendable, Comparable {
        case resource
        case team

        public static func < (a: Self, b: Self) -> Bool { a == .resource && b == .team }
    }

    public struct Candidate: Sendable, Equatable {
        public var kind: CandidateKind
        public var id: Int
        public var categories: [ServiceCategory]
        public var gridID: Int?
        public var communityNodeID: Int?
        public var lat: Double?
        public var lng: Double?
        public var free: Int
        public var from: LocalDate?
        public var until: LocalDate?

        public init(
            kind: CandidateKind, id: Int, categories: [ServiceCategory], gridID: Int?, communityNodeID: Int?,
            lat: Double?, lng: Double?, free: Int, from: LocalDate?, until: LocalDate?
        ) {
            self.kind = kind
            self.id = id
            self.categories = categories
            self.gridID = gridID
            self.communityNodeID = communityNodeID
            self.lat = lat
            self.lng = lng
            self.free = free
            self.from = from
            self.until = until
        }
    }

    /// Why a candidate was suggested, in the order the ranking weighs it.
    public enum Reason: Sendable, Equatable {
        case category(ServiceCategory)
        case sameGrid
        case sameCommunity
        case distance(metres: Int)
        case coversAll(free: Int)
        case coversPart(free: Int)
        case windowFits
    }

    public enum Locality: Int, Sendable, Comparable {
        case sameGrid
        case sameCommunity
        case elsewhere

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Suggestion: Sendable, Equatable {
        public var candidate: Candidate
        public var locality: Locality
        public var metres: Double?
        public var reasons: [Reason]
    }

    public static let defaultLimit = 10

    public static func suggestions(for need: Need, among candidates: [Candidate], limit: Int = defaultLimit)
        -> [Suggestion]
    {
        guard need.open > 0, limit > 0 else { return [] }
        var kept: [Suggestion] = []
        for c in candidates where fits(c, need) {
            kept.append(suggestion(c, need))
        }
        kept.sort(by: { before($0, $1, open: need.open) })
        return Array(kept.prefix(limit))
    }

    public static func fits(_ c: Candidate, _ need: Need) -> Bool {
        c.categories.contains(need.category) && c.free > 0 && windowsMeet(c, need)
    }

    /// Two windows meet unless one ends before the other starts; an open end meets everything on that side.
    static func windowsMeet(_ c: Candidate, _ need: Need) -> Bool {
        if let end = c.until, let start = need.from, end < start { return false }
        if let end = need.until, let start = c.from, end < start { return false }
        return true
    }

    static func suggestion(_ c: Candidate, _ need: Need) -> Suggestion {
        let locality: Locality
        if let g = need.gridID, c.gridID == g {
            locality = .sameGrid
        } else if let n = need.communityNodeID, c.communityNodeID == n {
            locality = .sameCommunity
        } else {
            locality = .elsewhere
        }
        var metres: Double?
        if let a = need.lat, let b = need.lng, let x = c.lat, let y = c.lng {
            metres = distance(lat1: a, lng1: b, lat2: x, lng2: y)
        }
        var reasons: [Reason] = [.category(need.category)]
        switch locality {
        case .sameGrid: reasons.append(.sameGrid)
        case .sameCommunity: reasons.append(.sameCommunity)
        case .elsewhere: break
        }
        if let metres { reasons.append(.distance(metres: Int(metres.rounded()))) }
        reasons.append(c.free >= need.open ? .coversAll(free: c.free) : .coversPart(free: c.free))
        if c.from != nil || c.until != nil, need.from != nil || need.until != nil { reasons.append(.windowFits) }
        return Suggestion(candidate: c, locality: locality, metres: metres, reasons: reasons)
    }

    static func before(_ a: Suggestion, _ b: Suggestion, open: Int) -> Bool {
        if a.locality != b.locality { return a.locality < b.locality }
        let coverA = a.candidate.free >= open
        let coverB = b.candidate.free >= open
        if coverA != coverB { return coverA }
        switch (a.metres, b.metres) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.candidate.free != b.candidate.free { return a.candidate.free > b.candidate.free }
        if a.candidate.kind != b.candidate.kind { return a.candidate.kind < b.candidate.kind }
        return a.candidate.id < b.candidate.id
    }

    /// Great-circle distance in metres (haversine); exact enough for "which is nearer" within a city and safe at the
    /// poles and across the antimeridian.
    public static func distance(lat1: Double, lng1: Double, lat2: Double, lng2: Double) -> Double {
        let r = 6_371_000.0
        let p1 = lat1 * .pi / 180
        let p2 = lat2 * .pi / 180
        let dp = (lat2 - lat1) * .pi / 180
        let dl = (lng2 - lng1) * .pi / 180
        let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * r * asin(min(1, sqrt(max(0, h))))
    }
}

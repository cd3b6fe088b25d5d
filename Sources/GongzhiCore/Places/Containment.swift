/// Point in polygon by ray casting; a point on an edge or vertex counts as inside,
/// so a point on the border of two grids belongs to both and the lookup picks one deterministically.
public enum Containment {
    public static func contains(_ shape: MultiPolygon, _ p: Coordinate) -> Bool {
        shape.polygons.contains { contains($0, p) }
    }

    public static func contains(_ polygon: Polygon, _ p: Coordinate) -> Bool {
        switch locate(p, in: polygon.outer) {
        case .outside: return false
        case .onEdge: return true
        case .inside:
            for hole in polygon.holes {
                switch locate(p, in: hole) {
                case .inside: return false
                case .onEdge: return true  // the hole's edge is the polygon's edge
                case .outside: continue
                }
            }
            return true
        }
    }

    public enum Location: Sendable { case inside, outside, onEdge }

    public static func locate(_ p: Coordinate, in ring: Ring) -> Location {
        guard ring.count >= 4 else { return .outside }
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i]
            let b = ring[j]
            if onSegment(p, a, b) { return .onEdge }
            if (a.lat > p.lat) != (b.lat > p.lat) {
                let x = (b.lng - a.lng) * (p.lat - a.lat) / (b.lat - a.lat) + a.lng
                if p.lng < x { inside.toggle() }
            }
            j = i
        }
        return inside ? .inside : .outside
    }

    static let epsilon = 1e-12

    static func onSegment(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Bool {
        let cross = (b.lng - a.lng) * (p.lat - a.lat) - (b.lat - a.lat) * (p.lng - a.lng)
        guard abs(cross) <= epsilon else { return false }
        return p.lng >= min(a.lng, b.lng) - epsilon && p.lng <= max(a.lng, b.lng) + epsilon
            && p.lat >= min(a.lat, b.lat) - epsilon && p.lat <= max(a.lat, b.lat) + epsilon
    }
}

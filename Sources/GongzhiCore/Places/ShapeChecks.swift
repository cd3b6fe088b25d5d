import Foundation

/// Checks a boundary before it is stored, and a community's grids against each other.
public enum ShapeProblem: Equatable, Sendable {
    case tooFewPoints(ring: Int)
    case tooManyPoints(ring: Int)
    case tooManyParts
    case unclosed(ring: Int)
    case selfIntersecting(ring: Int)
    case outOfRange
    case overlaps(otherCode: String)
    /// Area not covered by any grid, enclosed by grids of one community: roughly how large, and where.
    case gap(squareMetres: Int, near: Coordinate)

    public var messageKey: String {
        switch self {
        case .tooFewPoints: "error.geo.tooFewPoints"
        case .tooManyPoints: "error.geo.tooManyPoints"
        case .tooManyParts: "error.geo.tooManyParts"
        case .unclosed: "error.geo.unclosed"
        case .selfIntersecting: "error.geo.selfIntersecting"
        case .outOfRange: "error.geo.range"
        case .overlaps: "error.geo.overlap"
        case .gap: "error.geo.gap"
        }
    }

    public var args: [String] {
        switch self {
        case .tooFewPoints(let r), .unclosed(let r), .selfIntersecting(let r): [String(r + 1)]
        case .tooManyPoints(let r): [String(r + 1), String(ShapeChecks.maxRingPoints)]
        case .tooManyParts: [String(ShapeChecks.maxRings)]
        case .outOfRange: []
        case .overlaps(let code): [code]
        case .gap(let m2, let c): [String(m2), Self.format6(c.lat), Self.format6(c.lng)]
        }
    }

    static func format6(_ v: Double) -> String { String(Double(Int((v * 1_000_000).rounded())) / 1_000_000) }
}

public enum ShapeChecks {
    /// A grid's outline needs tens of points, a street's a few hundred; the self-intersection check is
    /// quadratic in a ring's points, so a ring may have at most this many.
    public static let maxRingPoints = 5_000
    /// Outer rings and holes of one shape together.
    public static let maxRings = 200

    /// Problems of one shape's rings, numbered in the order they appear (outer rings and holes alike).
    public static func check(_ shape: MultiPolygon) -> [ShapeProblem] {
        var problems: [ShapeProblem] = []
        let ringCount = shape.polygons.reduce(0) { $0 + 1 + $1.holes.count }
        if ringCount > maxRings { return [.tooManyParts] }
        var index = 0
        for polygon in shape.polygons {
            for ring in [polygon.outer] + polygon.holes {
                defer { index += 1 }
                if ring.contains(where: { !$0.isValid }) {
                    problems.append(.outOfRange)
                    continue
                }
                if ring.count < 4 {
                    problems.append(.tooFewPoints(ring: index))
                    continue
                }
                if ring.count > maxRingPoints {
                    problems.append(.tooManyPoints(ring: index))
                    continue
                }
                if ring.first != ring.last {
                    problems.append(.unclosed(ring: index))
                    continue
                }
                if Set(ring.dropLast()).count < 3 {
                    problems.append(.tooFewPoints(ring: index))
                    continue
                }
                if selfIntersects(ring) { problems.append(.selfIntersecting(ring: index)) }
            }
        }
        return problems
    }

    static func selfIntersects(_ ring: Ring) -> Bool {
        let n = ring.count - 1
        guard n >= 3 else { return false }
        for i in 0..<n {
            for j in (i + 1)..<n {
                // Neighbouring edges share a vertex; that is no crossing.
                if j == i + 1 || (i == 0 && j == n - 1) { continue }
                if segmentsTouch(ring[i], ring[i + 1], ring[j], ring[j + 1]) { return true }
            }
        }
        return false
    }

    static func orientation(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate) -> Double {
        (b.lng - a.lng) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lng - a.lng)
    }

    /// Any contact between two segments, for self-intersection.
    static func segmentsTouch(_ p1: Coordinate, _ p2: Coordinate, _ q1: Coordinate, _ q2: Coordinate) -> Bool {
        let d1 = orientation(q1, q2, p1)
        let d2 = orientation(q1, q2, p2)
        let d3 = orientation(p1, p2, q1)
        let d4 = orientation(p1, p2, q2)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        if d1 == 0 && Containment.onSegment(p1, q1, q2) { return true }
        if d2 == 0 && Containment.onSegment(p2, q1, q2) { return true }
        if d3 == 0 && Containment.onSegment(q1, p1, p2) { return true }
        if d4 == 0 && Containment.onSegment(q2, p1, p2) { return true }
        return false
    }

    /// A proper crossing only: grids that share an edge or a corner do not overlap.
    static func segmentsCross(_ p1: Coordinate, _ p2: Coordinate, _ q1: Coordinate, _ q2: Coordinate) -> Bool {
        let d1 = orientation(q1, q2, p1)
        let d2 = orientation(q1, q2, p2)
        let d3 = orientation(p1, p2, q1)
        let d4 = orientation(p1, p2, q2)
        let eps = 1e-15
        return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps))
            && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps))
    }

    /// Whether two shapes share interior (not just edges or corners).
    public static func overlap(_ a: MultiPolygon, _ b: MultiPolygon) -> Bool {
        guard a.bbox.intersects(b.bbox) else { return false }
        for pa in a.polygons {
            for pb in b.polygons {
                let ra = pa.outer
                let rb = pb.outer
                for i in 0..<max(0, ra.count - 1) {
                    for j in 0..<max(0, rb.count - 1) where segmentsCross(ra[i], ra[i + 1], rb[j], rb[j + 1]) {
                        return true
                    }
                }
                if ra.contains(where: { Containment.locate($0, in: rb) == .inside && Containment.contains(pb, $0) }) {
                    return true
                }
                if rb.contains(where: { Containment.locate($0, in: ra) == .inside && Containment.contains(pa, $0) }) {
                    return true
                }
                // Same outline, drawn twice.
                if Set(ra) == Set(rb) { return true }
                // Edges along each other but one shape's middle inside the other (e.g. a grid inside a bigger one
                // with shared sides).
                if let m = interiorPoint(pa), Containment.locate(m, in: rb) == .inside { return true }
                if let m = interiorPoint(pb), Containment.locate(m, in: ra) == .inside { return true }
            }
        }
        return false
    }

    /// A point strictly inside a polygon's outer ring, found by scanning the bbox's middle line.
    static func interiorPoint(_ p: Polygon) -> Coordinate? {
        var b = BBox.empty
        for c in p.outer { b.extend(c) }
        let lat = (b.minLat + b.maxLat) / 2
        var xs: [Double] = []
        for i in 0..<max(0, p.outer.count - 1) {
            let a = p.outer[i]
            let c = p.outer[i + 1]
            if (a.lat > lat) != (c.lat > lat) { xs.append((c.lng - a.lng) * (lat - a.lat) / (c.lat - a.lat) + a.lng) }
        }
        xs.sort()
        guard xs.count >= 2 else { return nil }
        return Coordinate(lat: lat, lng: (xs[0] + xs[1]) / 2)
    }

    /// Overlaps between the grids of one community, each pair once, named by code.
    public static func overlaps(_ grids: [(code: String, shape: MultiPolygon)]) -> [(String, String)] {
        var out: [(String, String)] = []
        for i in grids.indices {
            for j in grids.indices where j > i && overlap(grids[i].shape, grids[j].shape) {
                out.append((grids[i].code, grids[j].code))
            }
        }
        return out
    }

    /// Holes in a community's coverage: the grids' bbox is sampled on a raster; uncovered cells that cannot be
    /// reached from the raster's border through other uncovered cells are enclosed by grids, i.e. a gap.
    /// Slivers narrower than a cell (1/resolution of the extent) pass unseen.
    public static func gaps(_ shapes: [MultiPolygon], resolution: Int = 120) -> [ShapeProblem] {
        guard shapes.count > 1 else { return [] }
        var box = BBox.empty
        for s in shapes { box.extend(s.bbox) }
        let n = resolution
        let dLat = (box.maxLat - box.minLat) / Double(n)
        let dLng = (box.maxLng - box.minLng) / Double(n)
        guard dLat > 0, dLng > 0 else { return [] }
        let boxes = shapes.map(\.bbox)
        var covered = [Bool](repeating: false, count: n * n)
        for r in 0..<n {
            for c in 0..<n {
                let p = Coordinate(
                    lat: box.minLat + (Double(r) + 0.5) * dLat, lng: box.minLng + (Double(c) + 0.5) * dLng)
                covered[r * n + c] = shapes.indices.contains {
                    boxes[$0].contains(p) && Containment.contains(shapes[$0], p)
                }
            }
        }
        var outside = [Bool](repeating: false, count: n * n)
        var stack: [Int] = []
        for i in 0..<n {
            for cell in [i, (n - 1) * n + i, i * n, i * n + n - 1] where !covered[cell] && !outside[cell] {
                outside[cell] = true
                stack.append(cell)
            }
        }
        while let cell = stack.popLast() {
            let r = cell / n
            let c = cell % n
            for (rr, cc) in [(r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)]
            where rr >= 0 && rr < n && cc >= 0 && cc < n {
                let next = rr * n + cc
                if !covered[next] && !outside[next] {
                    outside[next] = true
                    stack.append(next)
                }
            }
        }
        var seen = [Bool](repeating: false, count: n * n)
        var problems: [ShapeProblem] = []
        let cellArea =
            dLat * Distance.metresPerDegreeLat * dLng * Distance.metresPerDegreeLat * cos(box.center.lat * .pi / 180)
        for start in 0..<(n * n) where !covered[start] && !outside[start] && !seen[start] {
            var count = 0
            seen[start] = true
            stack = [start]
            while let cell = stack.popLast() {
                count += 1
                let r = cell / n
                let c = cell % n
                for (rr, cc) in [(r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)]
                where rr >= 0 && rr < n && cc >= 0 && cc < n {
                    let next = rr * n + cc
                    if !covered[next] && !outside[next] && !seen[next] {
                        seen[next] = true
                        stack.append(next)
                    }
                }
            }
            let r = start / n
            let c = start % n
            problems.append(
                .gap(
                    squareMetres: Int(Double(count) * cellArea),
                    near: Coordinate(
                        lat: box.minLat + (Double(r) + 0.5) * dLat, lng: box.minLng + (Double(c) + 0.5) * dLng)))
        }
        return problems
    }
}

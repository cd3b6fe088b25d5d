import Foundation

/// A uniform-cell index over shapes' bounding boxes: a lookup tests only the shapes whose boxes cover the
/// point's cell, so it stays fast for the thousands of grids of a whole city.
public struct SpatialIndex<ID: Hashable & Sendable>: Sendable {
    public struct Entry: Sendable {
        public let id: ID
        public let shape: MultiPolygon
        public let bbox: BBox
    }

    let cellDegrees: Double
    var cells: [Int64: [Int]] = [:]
    /// Shapes whose box spans more cells than `maxCellsPerShape`: tested on every lookup instead of filling
    /// the map with millions of cells (a boundary drawn round half the globe must not cost memory and time).
    var wide: [Int] = []
    public private(set) var entries: [Entry] = []

    /// About 1 km cells: a grid covers a handful of them.
    public init(cellDegrees: Double = 0.01) { self.cellDegrees = cellDegrees }

    func key(_ r: Int, _ c: Int) -> Int64 { Int64(r) << 32 | Int64(UInt32(bitPattern: Int32(c))) }
    func cell(_ v: Double) -> Int { Int((v / cellDegrees).rounded(.down)) }

    public mutating func insert(_ id: ID, _ shape: MultiPolygon) {
        let b = shape.bbox
        guard !b.isEmpty else { return }
        let index = entries.count
        entries.append(Entry(id: id, shape: shape, bbox: b))
        let rows = cell(b.maxLat) - cell(b.minLat) + 1
        let columns = cell(b.maxLng) - cell(b.minLng) + 1
        if rows * columns > Self.maxCellsPerShape {
            wide.append(index)
            return
        }
        for r in cell(b.minLat)...cell(b.maxLat) {
            for c in cell(b.minLng)...cell(b.maxLng) { cells[key(r, c), default: []].append(index) }
        }
    }

    /// Shapes containing the point, in insertion order.
    public func containing(_ p: Coordinate) -> [ID] {
        guard p.isValid else { return [] }
        return ((cells[key(cell(p.lat), cell(p.lng))] ?? []) + wide).sorted().compactMap { i in
            let e = entries[i]
            return e.bbox.contains(p) && Containment.contains(e.shape, p) ? e.id : nil
        }
    }

    /// The nearest shape within `maxMetres`, searching outward ring by ring of cells.
    ///
    /// The work is bounded whatever the point: near the poles a degree of longitude shrinks towards nothing, so
    /// the rings are sized with a floor on `cos(lat)`, and when the rings would visit more cells than the index
    /// holds, every shape is tested once instead.
    public func nearest(_ p: Coordinate, maxMetres: Double) -> (id: ID, metres: Double)? {
        guard p.isValid, maxMetres.isFinite, maxMetres >= 0 else { return nil }
        let metresPerCell = cellDegrees * Distance.metresPerDegreeLat * max(cos(p.lat * .pi / 180), 0.01)
        let rings = min(Int((maxMetres / metresPerCell).rounded(.up)) + 1, Self.maxRings)
        let cellsToVisit = (2 * rings + 1) * (2 * rings + 1)
        if cellsToVisit > cells.count + wide.count || rings == Self.maxRings {
            return nearestByScan(p, maxMetres: maxMetres)
        }
        let r0 = cell(p.lat)
        let c0 = cell(p.lng)
        var best: (id: ID, metres: Double)?
        var tested = Set<Int>()
        for radius in 0...rings {
            for r in (r0 - radius)...(r0 + radius) {
                for c in (c0 - radius)...(c0 + radius) where abs(r - r0) == radius || abs(c - c0) == radius {
                    for i in cells[key(r, c)] ?? [] where tested.insert(i).inserted {
                        let d = Distance.metres(from: p, to: entries[i].shape)
                        if d <= maxMetres && d < (best?.metres ?? .infinity) { best = (entries[i].id, d) }
                    }
                }
            }
            // Anything in a further ring is at least this far away.
            if let best, Double(radius) * metresPerCell > best.metres { break }
        }
        for i in wide where tested.insert(i).inserted {
            let d = Distance.metres(from: p, to: entries[i].shape)
            if d <= maxMetres && d < (best?.metres ?? .infinity) { best = (entries[i].id, d) }
        }
        return best
    }

    static var maxCellsPerShape: Int { 10_000 }

    /// Rings wider than this are never walked; the scan is cheaper.
    static var maxRings: Int { 64 }

    /// Every shape once, skipping those whose box alone is already too far.
    func nearestByScan(_ p: Coordinate, maxMetres: Double) -> (id: ID, metres: Double)? {
        var best: (id: ID, metres: Double)?
        for e in entries {
            let limit = min(maxMetres, best?.metres ?? .infinity)
            if Distance.metres(p, Self.closest(in: e.bbox, to: p)) > limit { continue }
            let d = Distance.metres(from: p, to: e.shape)
            if d <= limit && d < (best?.metres ?? .infinity) { best = (e.id, d) }
        }
        return best
    }

    static func closest(in b: BBox, to p: Coordinate) -> Coordinate {
        Coordinate(lat: min(max(p.lat, b.minLat), b.maxLat), lng: min(max(p.lng, b.minLng), b.maxLng))
    }
}

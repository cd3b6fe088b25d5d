import Foundation

/// A uniform-cell index over shapes' bounding boxes: a lookup tests only the shapes whose boxes cover the
/// point's cell, so it stays fast for the thousands of grids of a whole city.
public struct SpatialIndex<ID: Hashable & Sendable>: Sendable {
    public struct Entry: Sendable { public let id: ID; public let shape: MultiPolygon; public let bbox: BBox }

    let cellDegrees: Double
    var cells: [Int64: [Int]] = [:]
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
        for r in cell(b.minLat)...cell(b.maxLat) {
            for c in cell(b.minLng)...cell(b.maxLng) { cells[key(r, c), default: []].append(index) }
        }
    }

    /// Shapes containing the point, in insertion order.
    public func containing(_ p: Coordinate) -> [ID] {
        (cells[key(cell(p.lat), cell(p.lng))] ?? []).compactMap { i in
            let e = entries[i]
            return e.bbox.contains(p) && Containment.contains(e.shape, p) ? e.id : nil
        }
    }

    /// The nearest shape within `maxMetres`, searching outward ring by ring of cells.
    public func nearest(_ p: Coordinate, maxMetres: Double) -> (id: ID, metres: Double)? {
        let r0 = cell(p.lat), c0 = cell(p.lng)
        let rings = Int((maxMetres / (cellDegrees * 111_320 * cos(p.lat * .pi / 180))).rounded(.up)) + 1
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
            if let best, Double(radius) * cellDegrees * 111_320 * cos(p.lat * .pi / 180) > best.metres { break }
        }
        return best
    }
}

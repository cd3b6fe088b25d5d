import Foundation

/// Plain geometry for grids and areas, in degrees (WGS84 / CGCS2000, which agree to well under a metre).
public struct Coordinate: Hashable, Sendable, Codable {
    public var lat: Double
    public var lng: Double
    public init(lat: Double, lng: Double) {
        self.lat = lat
        self.lng = lng
    }

    public var isValid: Bool { (-90...90).contains(lat) && (-180...180).contains(lng) && lat.isFinite && lng.isFinite }
}

/// A closed ring: first and last coordinate equal, as GeoJSON writes it.
public typealias Ring = [Coordinate]

public struct Polygon: Hashable, Sendable {
    public var outer: Ring
    public var holes: [Ring]
    public init(outer: Ring, holes: [Ring] = []) {
        self.outer = outer
        self.holes = holes
    }
}

/// Every boundary is kept as a multipolygon; a plain polygon is a multipolygon of one.
public struct MultiPolygon: Hashable, Sendable {
    public var polygons: [Polygon]
    public init(_ polygons: [Polygon]) { self.polygons = polygons }

    public var bbox: BBox {
        var b = BBox.empty
        for p in polygons { for c in p.outer { b.extend(c) } }
        return b
    }

    public var isEmpty: Bool { polygons.isEmpty }
}

public struct BBox: Hashable, Sendable, Codable {
    public var minLat: Double, minLng: Double, maxLat: Double, maxLng: Double
    public init(minLat: Double, minLng: Double, maxLat: Double, maxLng: Double) {
        self.minLat = minLat
        self.minLng = minLng
        self.maxLat = maxLat
        self.maxLng = maxLng
    }
    public static let empty = BBox(minLat: .infinity, minLng: .infinity, maxLat: -.infinity, maxLng: -.infinity)

    public mutating func extend(_ c: Coordinate) {
        minLat = min(minLat, c.lat)
        maxLat = max(maxLat, c.lat)
        minLng = min(minLng, c.lng)
        maxLng = max(maxLng, c.lng)
    }
    public mutating func extend(_ b: BBox) {
        minLat = min(minLat, b.minLat)
        maxLat = max(maxLat, b.maxLat)
        minLng = min(minLng, b.minLng)
        maxLng = max(maxLng, b.maxLng)
    }
    public func contains(_ c: Coordinate) -> Bool {
        c.lat >= minLat && c.lat <= maxLat && c.lng >= minLng && c.lng <= maxLng
    }
    public func intersects(_ o: BBox) -> Bool {
        !(o.minLat > maxLat || o.maxLat < minLat || o.minLng > maxLng || o.maxLng < minLng)
    }
    public var isEmpty: Bool { minLat > maxLat }
    public var center: Coordinate { Coordinate(lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2) }
}

public enum Distance {
    static let metresPerDegreeLat = 111_320.0

    /// Metres between two nearby points (equirectangular: exact enough within a city).
    public static func metres(_ a: Coordinate, _ b: Coordinate) -> Double {
        let k = cos((a.lat + b.lat) / 2 * .pi / 180)
        let dy = (a.lat - b.lat) * metresPerDegreeLat
        let dx = (a.lng - b.lng) * metresPerDegreeLat * k
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Metres from a point to the nearest edge of a multipolygon (0 when inside).
    public static func metres(from p: Coordinate, to shape: MultiPolygon) -> Double {
        if Containment.contains(shape, p) { return 0 }
        var best = Double.infinity
        let k = cos(p.lat * .pi / 180)
        for poly in shape.polygons {
            for ring in [poly.outer] + poly.holes {
                for i in 0..<max(0, ring.count - 1) {
                    best = min(best, segmentDistance(p, ring[i], ring[i + 1], k))
                }
            }
        }
        return best
    }

    static func segmentDistance(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate, _ k: Double) -> Double {
        // Local metric plane around p.
        let ax = (a.lng - p.lng) * k
        let ay = a.lat - p.lat
        let bx = (b.lng - p.lng) * k
        let by = b.lat - p.lat
        let dx = bx - ax
        let dy = by - ay
        let len2 = dx * dx + dy * dy
        var t = len2 == 0 ? 0 : -(ax * dx + ay * dy) / len2
        t = max(0, min(1, t))
        let x = ax + t * dx
        let y = ay + t * dy
        return (x * x + y * y).squareRoot() * metresPerDegreeLat
    }
}

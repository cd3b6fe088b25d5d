import Foundation

/// Reading and writing the GeoJSON (RFC 7946) that boundaries are exchanged in. Positions are [lng, lat].
public enum GeoJSON {
    public struct Feature: Sendable {
        public var shape: MultiPolygon
        public var properties: [String: String]
        public init(shape: MultiPolygon, properties: [String: String]) {
            self.shape = shape
            self.properties = properties
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        case notJSON
        case notFeatureCollection
        case geometryType(feature: Int, type: String)
        case coordinates(feature: Int)
        case tooManyFeatures(limit: Int)

        public var messageKey: String {
            switch self {
            case .notJSON: "error.geo.json"
            case .notFeatureCollection: "error.geo.type"
            case .geometryType: "error.geo.geometryType"
            case .coordinates: "error.geo.coordinates"
            case .tooManyFeatures: "error.geo.tooMany"
            }
        }
        public var args: [String] {
            switch self {
            case .geometryType(let f, let t): [String(f + 1), t]
            case .coordinates(let f): [String(f + 1)]
            case .tooManyFeatures(let l): [String(l)]
            default: []
            }
        }
    }

    public static let featureLimit = 20_000

    /// Features of a FeatureCollection (or a single Feature), and whether the file declares GCJ-02
    /// (`"crs": {"properties": {"name": "GCJ-02"}}` or `"coordinateSystem": "GCJ-02"` at the top).
    public static func parse(_ bytes: [UInt8]) throws(Problem) -> (features: [Feature], gcj02: Bool) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)), let root = object as? [String: Any]
        else { throw .notJSON }
        let declared =
            ((root["crs"] as? [String: Any])?["properties"] as? [String: Any])?["name"] as? String
            ?? root["coordinateSystem"] as? String ?? ""
        let gcj =
            declared.uppercased().replacingOccurrences(of: "_", with: "-").contains("GCJ-02")
            || declared.uppercased().contains("GCJ02")
        let rawFeatures: [Any]
        switch root["type"] as? String {
        case "FeatureCollection": rawFeatures = root["features"] as? [Any] ?? []
        case "Feature": rawFeatures = [root]
        default: throw .notFeatureCollection
        }
        if rawFeatures.count > featureLimit { throw .tooManyFeatures(limit: featureLimit) }
        var out: [Feature] = []
        for (i, raw) in rawFeatures.enumerated() {
            guard let f = raw as? [String: Any], let geometry = f["geometry"] as? [String: Any] else {
                throw .coordinates(feature: i)
            }
            let type = geometry["type"] as? String ?? "?"
            var shape: MultiPolygon
            switch type {
            case "Polygon":
                guard let p = polygon(geometry["coordinates"]) else { throw .coordinates(feature: i) }
                shape = MultiPolygon([p])
            case "MultiPolygon":
                guard let list = geometry["coordinates"] as? [Any] else { throw .coordinates(feature: i) }
                var ps: [Polygon] = []
                for item in list {
                    guard let p = polygon(item) else { throw .coordinates(feature: i) }
                    ps.append(p)
                }
                shape = MultiPolygon(ps)
            default:
                throw .geometryType(feature: i, type: type)
            }
            if gcj { shape = GCJ02.toWGS84(shape) }
            var props: [String: String] = [:]
            for (k, v) in f["properties"] as? [String: Any] ?? [:] {
                if let s = v as? String { props[k] = s } else if let n = v as? NSNumber { props[k] = n.stringValue }
            }
            out.append(Feature(shape: shape, properties: props))
        }
        return (out, gcj)
    }

    static func polygon(_ raw: Any?) -> Polygon? {
        guard let rings = raw as? [Any], !rings.isEmpty else { return nil }
        var parsed: [Ring] = []
        for r in rings {
            guard let positions = r as? [Any] else { return nil }
            var ring: Ring = []
            for pos in positions {
                guard let pair = pos as? [Any], pair.count >= 2,
                    let lng = (pair[0] as? NSNumber)?.doubleValue, let lat = (pair[1] as? NSNumber)?.doubleValue
                else { return nil }
                ring.append(Coordinate(lat: lat, lng: lng))
            }
            parsed.append(ring)
        }
        return Polygon(outer: parsed[0], holes: Array(parsed.dropFirst()))
    }

    /// A geometry object: Polygon for one part, MultiPolygon otherwise; 7 decimals (about a centimetre).
    public static func geometry(_ shape: MultiPolygon) -> [String: Any] {
        func ring(_ r: Ring) -> [[Double]] { r.map { [round7($0.lng), round7($0.lat)] } }
        func poly(_ p: Polygon) -> [[[Double]]] { [ring(p.outer)] + p.holes.map(ring) }
        if shape.polygons.count == 1 { return ["type": "Polygon", "coordinates": poly(shape.polygons[0])] }
        return ["type": "MultiPolygon", "coordinates": shape.polygons.map(poly)]
    }

    static func round7(_ v: Double) -> Double { (v * 10_000_000).rounded() / 10_000_000 }

    public static func featureCollection(_ features: [(shape: MultiPolygon, properties: [String: Any])]) -> String {
        let doc: [String: Any] = [
            "type": "FeatureCollection",
            "features": features.map {
                ["type": "Feature", "geometry": geometry($0.shape), "properties": $0.properties]
            },
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The stored form of a boundary: the geometry object alone.
    public static func encode(_ shape: MultiPolygon) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: geometry(shape), options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    public static func decodeGeometry(_ text: String) -> MultiPolygon? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return nil
        }
        switch object["type"] as? String {
        case "Polygon": return polygon(object["coordinates"]).map { MultiPolygon([$0]) }
        case "MultiPolygon":
            guard let list = object["coordinates"] as? [Any] else { return nil }
            let ps = list.compactMap(polygon)
            return ps.count == list.count ? MultiPolygon(ps) : nil
        default: return nil
        }
    }
}

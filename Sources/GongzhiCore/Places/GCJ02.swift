import Foundation

/// GCJ-02 (the offset coordinates of Chinese map services) to WGS84 and back.
/// The forward transform is the published Krasovsky-ellipsoid formula; the inverse is solved by iteration
/// to well under a centimetre, rather than the one-step approximation that is off by up to two metres.
public enum GCJ02 {
    static let a = 6_378_245.0
    static let ee = 0.006_693_421_622_965_943_23

    public static func isOutsideChina(_ c: Coordinate) -> Bool {
        !(72.004...137.8347).contains(c.lng) || !(0.8293...55.8271).contains(c.lat)
    }

    public static func fromWGS84(_ c: Coordinate) -> Coordinate {
        if isOutsideChina(c) { return c }
        let d = delta(c)
        return Coordinate(lat: c.lat + d.lat, lng: c.lng + d.lng)
    }

    public static func toWGS84(_ gcj: Coordinate) -> Coordinate {
        if isOutsideChina(gcj) { return gcj }
        var wgs = Coordinate(lat: gcj.lat - delta(gcj).lat, lng: gcj.lng - delta(gcj).lng)
        for _ in 0..<30 {
            let back = fromWGS84(wgs)
            let dLat = gcj.lat - back.lat
            let dLng = gcj.lng - back.lng
            wgs.lat += dLat
            wgs.lng += dLng
            if abs(dLat) < 1e-10 && abs(dLng) < 1e-10 { break }
        }
        return wgs
    }

    static func delta(_ c: Coordinate) -> Coordinate {
        let x = c.lng - 105.0
        let y = c.lat - 35.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        var dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        let common = (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLat +=
            common + (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
            + (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        dLng +=
            common + (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
            + (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        let radLat = c.lat / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLng = (dLng * 180.0) / (a / sqrtMagic * cos(radLat) * .pi)
        return Coordinate(lat: dLat, lng: dLng)
    }

    public static func toWGS84(_ shape: MultiPolygon) -> MultiPolygon {
        MultiPolygon(
            shape.polygons.map { p in
                Polygon(outer: p.outer.map(toWGS84), holes: p.holes.map { $0.map(toWGS84) })
            })
    }
}

import Foundation
import GongzhiCore

// Places benchmark: a city-sized set of grids (default 6,000, as Hefei's 5,800), point-in-grid lookups and
// the district map. Run: swift run -c release gongzhi-bench [grids] [lookups]
// It reports figures; it asserts nothing (timed assertions do not belong in tests).

let args = CommandLine.arguments
let gridCount = args.count > 1 ? Int(args[1]) ?? 6_000 : 6_000
let lookups = args.count > 2 ? Int(args[2]) ?? 100_000 : 100_000

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ ns: UInt64) -> String { String(format: "%.3f ms", Double(ns) / 1e6) }
func us(_ ns: UInt64) -> String { String(format: "%.2f µs", Double(ns) / 1e3) }

// Grids of about 400 m × 400 m with 12-vertex boundaries (wobbly edges shared with neighbours would be the same
// cost; each grid is its own ring here), laid over a city of side √n grids around Hefei.
let side = Int(Double(gridCount).squareRoot().rounded(.up))
let size = 0.004
var rng = SystemRandomNumberGenerator()
var shapes: [MultiPolygon] = []
for i in 0..<gridCount {
    let r = i / side
    let c = i % side
    let lat = 31.70 + Double(r) * size
    let lng = 117.10 + Double(c) * size
    var ring: Ring = []
    for k in 0..<12 {
        let t = Double(k) / 12
        // Walk the square's perimeter with 12 points.
        let (dy, dx): (Double, Double) =
            t < 0.25
            ? (0, t * 4) : t < 0.5 ? ((t - 0.25) * 4, 1) : t < 0.75 ? (1, 1 - (t - 0.5) * 4) : (1 - (t - 0.75) * 4, 0)
        ring.append(Coordinate(lat: lat + dy * size, lng: lng + dx * size))
    }
    ring.append(ring[0])
    shapes.append(MultiPolygon([Polygon(outer: ring)]))
}

var t0 = now()
var index = SpatialIndex<Int>()
for (i, s) in shapes.enumerated() { index.insert(i, s) }
let buildNs = now() - t0

let extent = Double(side) * size
var samples: [UInt64] = []
samples.reserveCapacity(lookups)
var found = 0
for _ in 0..<lookups {
    let p = Coordinate(
        lat: 31.70 + Double.random(in: 0..<extent, using: &rng),
        lng: 117.10 + Double.random(in: 0..<extent, using: &rng))
    let s = now()
    if !index.containing(p).isEmpty { found += 1 }
    samples.append(now() - s)
}
samples.sort()
var nearSamples: [UInt64] = []
for _ in 0..<1_000 {
    let p = Coordinate(lat: 31.70 - 0.002, lng: 117.10 + Double.random(in: 0..<extent, using: &rng))
    let s = now()
    _ = index.nearest(p, maxMetres: 500)
    nearSamples.append(now() - s)
}
nearSamples.sort()

// The district map: every grid drawn, coloured, with a <title> each.
t0 = now()
let areas = shapes.enumerated().map { i, s in
    MapSVG.Area(
        id: "g\(i)", label: "\(i)", shape: s, value: Double(300 + i % 200), href: "/grids/\(i)", tooltip: "grid \(i)")
}
let svg = MapSVG.render(areas: areas, title: "district", legendTitle: "households", showLabels: false)
let mapNs = now() - t0

func pct(_ a: [UInt64], _ p: Double) -> UInt64 { a[min(a.count - 1, Int(Double(a.count) * p))] }
print("grids: \(gridCount), lookups: \(lookups) (\(found) inside a grid)")
print("index build: \(ms(buildNs))")
print("point lookup: median \(us(pct(samples, 0.5))), p99 \(us(pct(samples, 0.99))), max \(us(samples.last ?? 0))")
print(
    """
    nearest grid for a point outside (within 500 m): median \(us(pct(nearSamples, 0.5))), p99 \
    \(us(pct(nearSamples, 0.99)))
    """
)
print("district map of all grids: \(ms(mapNs)), \(svg.utf8.count / 1024) KiB of SVG")

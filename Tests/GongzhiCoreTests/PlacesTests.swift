import Foundation
import Testing

@testable import GongzhiCore

func square(_ lat: Double, _ lng: Double, _ size: Double) -> Ring {
    [
        Coordinate(lat: lat, lng: lng), Coordinate(lat: lat, lng: lng + size),
        Coordinate(lat: lat + size, lng: lng + size),
        Coordinate(lat: lat + size, lng: lng), Coordinate(lat: lat, lng: lng),
    ]
}

@Suite("Places: geometry, GCJ-02, checks, index, map")
struct PlacesTests {
    // A block of Hefei-like coordinates with a courtyard (hole) in the middle.
    let block = Polygon(outer: square(31.80, 117.20, 0.01), holes: [square(31.804, 117.204, 0.002)])

    @Test func pointInPolygonWithHolesEdgesAndMultipolygons() {
        let shape = MultiPolygon([block, Polygon(outer: square(31.82, 117.22, 0.01))])
        #expect(Containment.contains(shape, Coordinate(lat: 31.801, lng: 117.201)))
        #expect(!Containment.contains(shape, Coordinate(lat: 31.805, lng: 117.205)))  // in the hole
        #expect(Containment.contains(shape, Coordinate(lat: 31.825, lng: 117.225)))  // second part
        #expect(!Containment.contains(shape, Coordinate(lat: 31.815, lng: 117.215)))  // between the parts
        #expect(Containment.contains(shape, Coordinate(lat: 31.80, lng: 117.205)))  // on an outer edge
        #expect(Containment.contains(shape, Coordinate(lat: 31.81, lng: 117.21)))  // on a corner
        #expect(Containment.contains(shape, Coordinate(lat: 31.804, lng: 117.205)))  // on the hole's edge
        // A concave (L-shaped) grid: the notch is outside.
        let l = Polygon(
            outer: [
                Coordinate(lat: 0, lng: 0), Coordinate(lat: 0, lng: 2), Coordinate(lat: 1, lng: 2),
                Coordinate(lat: 1, lng: 1),
                Coordinate(lat: 2, lng: 1), Coordinate(lat: 2, lng: 0), Coordinate(lat: 0, lng: 0),
            ].map { Coordinate(lat: 31 + $0.lat / 100, lng: 117 + $0.lng / 100) })
        #expect(Containment.contains(MultiPolygon([l]), Coordinate(lat: 31.015, lng: 117.005)))
        #expect(!Containment.contains(MultiPolygon([l]), Coordinate(lat: 31.015, lng: 117.015)))
    }

    /// Reference pairs published with eviltransform (WGS84 → GCJ-02) and gcoord (GCJ-02 → WGS84).
    @Test func gcj02AgainstPublishedReferencePoints() {
        let pairs: [(Coordinate, Coordinate)] = [
            // Shanghai
            (Coordinate(lat: 31.1774276, lng: 121.5272106), Coordinate(lat: 31.17530398364597, lng: 121.531541859215)),
            // Shenzhen
            (Coordinate(lat: 22.543847, lng: 113.912316), Coordinate(lat: 22.540796131694766, lng: 113.9171764808363)),
            // Beijing
            (Coordinate(lat: 39.911954, lng: 116.377817), Coordinate(lat: 39.91334545536069, lng: 116.38404722455657)),
        ]
        for (wgs, gcj) in pairs {
            let forward = GCJ02.fromWGS84(wgs)
            #expect(abs(forward.lat - gcj.lat) < 1e-7 && abs(forward.lng - gcj.lng) < 1e-7, "\(wgs)")
            #expect(Distance.metres(GCJ02.toWGS84(gcj), wgs) < 0.05, "inverse of \(gcj)")
        }
        let back = GCJ02.toWGS84(Coordinate(lat: 45, lng: 123))
        #expect(abs(back.lng - 122.99395597) < 2e-5 && abs(back.lat - 44.99804071) < 2e-5)
        // outside China: unchanged
        #expect(GCJ02.fromWGS84(Coordinate(lat: 48.85, lng: 2.35)) == Coordinate(lat: 48.85, lng: 2.35))
    }

    @Test func ringProblemsAreNamed() {
        var open = square(31.8, 117.2, 0.01)
        open.removeLast()
        #expect(ShapeChecks.check(MultiPolygon([Polygon(outer: open)])) == [.unclosed(ring: 0)])
        #expect(
            ShapeChecks.check(MultiPolygon([Polygon(outer: Array(square(31.8, 117.2, 0.01).prefix(3)))])) == [
                .tooFewPoints(ring: 0)
            ])
        let bowtie = [
            Coordinate(lat: 0, lng: 0), Coordinate(lat: 1, lng: 1), Coordinate(lat: 1, lng: 0),
            Coordinate(lat: 0, lng: 1), Coordinate(lat: 0, lng: 0),
        ]
        #expect(ShapeChecks.check(MultiPolygon([Polygon(outer: bowtie)])) == [.selfIntersecting(ring: 0)])
        #expect(ShapeChecks.check(MultiPolygon([Polygon(outer: square(95, 117, 1))])) == [.outOfRange])
        #expect(ShapeChecks.check(MultiPolygon([block])).isEmpty)
    }

    @Test func overlapsButNotSharedEdges() {
        let a = MultiPolygon([Polygon(outer: square(31.80, 117.20, 0.01))])
        let neighbour = MultiPolygon([Polygon(outer: square(31.80, 117.21, 0.01))])  // shares an edge
        let corner = MultiPolygon([Polygon(outer: square(31.81, 117.21, 0.01))])  // shares a corner
        let overlapping = MultiPolygon([Polygon(outer: square(31.805, 117.205, 0.01))])
        let inside = MultiPolygon([Polygon(outer: square(31.802, 117.202, 0.002))])
        #expect(!ShapeChecks.overlap(a, neighbour))
        #expect(!ShapeChecks.overlap(a, corner))
        #expect(ShapeChecks.overlap(a, overlapping))
        #expect(ShapeChecks.overlap(a, inside))
        #expect(ShapeChecks.overlap(a, a))
        #expect(
            ShapeChecks.overlaps([("A", a), ("B", neighbour), ("C", overlapping)]).map { "\($0.0)-\($0.1)" } == [
                "A-C", "B-C",
            ])
    }

    @Test func gapsBetweenGridsAreFound() {
        // A 3×3 block of grids with the middle one missing: a gap of about 1 km².
        var grids: [MultiPolygon] = []
        for r in 0..<3 {
            for c in 0..<3 where !(r == 1 && c == 1) {
                grids.append(
                    MultiPolygon([Polygon(outer: square(31.80 + Double(r) * 0.01, 117.20 + Double(c) * 0.01, 0.01))]))
            }
        }
        let gaps = ShapeChecks.gaps(grids)
        #expect(gaps.count == 1)
        if case .gap(let m2, let near) = gaps[0] {
            #expect(m2 > 800_000 && m2 < 1_300_000)
            #expect(abs(near.lat - 31.815) < 0.006 && abs(near.lng - 117.215) < 0.006)
        }
        // Filled in: no gap. An open notch on the outside: no gap either.
        grids.append(MultiPolygon([Polygon(outer: square(31.81, 117.21, 0.01))]))
        #expect(ShapeChecks.gaps(grids).isEmpty)
        #expect(ShapeChecks.gaps(Array(grids.dropFirst())).isEmpty)
    }

    @Test func spatialIndexFindsContainingAndNearest() {
        var index = SpatialIndex<Int>()
        for i in 0..<100 {
            let r = i / 10
            let c = i % 10
            index.insert(
                i, MultiPolygon([Polygon(outer: square(31.80 + Double(r) * 0.005, 117.20 + Double(c) * 0.005, 0.005))])
            )
        }
        #expect(index.containing(Coordinate(lat: 31.8026, lng: 117.2076)) == [1])
        #expect(index.containing(Coordinate(lat: 31.70, lng: 117.20)).isEmpty)
        let near = index.nearest(Coordinate(lat: 31.7995, lng: 117.2026), maxMetres: 500)
        #expect(near?.id == 0)
        #expect((near?.metres ?? 0) > 40 && (near?.metres ?? 0) < 70)
        #expect(index.nearest(Coordinate(lat: 31.70, lng: 117.20), maxMetres: 500) == nil)
    }

    @Test func geoJSONReadsFeaturesAndConvertsDeclaredGCJ02() throws {
        let json = """
            {"type":"FeatureCollection","coordinateSystem":"GCJ-02","features":[
              {"type":"Feature","properties":{"code":"G1","community":"C1","households":400},
               "geometry":{"type":"Polygon",
               "coordinates":[[[117.2,31.8],[117.21,31.8],[117.21,31.81],[117.2,31.81],[117.2,31.8]]]}}]}
            """
        let (features, gcj) = try GeoJSON.parse(Array(json.utf8))
        #expect(gcj)
        #expect(features[0].properties["code"] == "G1" && features[0].properties["households"] == "400")
        let first = features[0].shape.polygons[0].outer[0]
        #expect(Distance.metres(GCJ02.fromWGS84(first), Coordinate(lat: 31.8, lng: 117.2)) < 0.05)
        #expect(throws: GeoJSON.Problem.notJSON) { try GeoJSON.parse(Array("{nope".utf8)) }
        #expect(throws: GeoJSON.Problem.geometryType(feature: 0, type: "Point")) {
            try GeoJSON.parse(
                Array(
                    (#"{"type":"FeatureCollection","features":[{"type":"Feature","#
                        + #""properties":{},"geometry":{"type":"Point","coordinates":[117,31]}}]}"#)
                        .utf8))
        }
        let round = GeoJSON.decodeGeometry(GeoJSON.encode(MultiPolygon([block])))
        #expect(round?.polygons[0].holes.count == 1)
    }

    @Test func mapDrawsLinkedAreasTooltipsAndLegend() {
        let areas = (0..<5).map { i in
            MapSVG.Area(
                id: "g\(i)", label: "第\(i + 1)网格",
                shape: MultiPolygon([Polygon(outer: square(31.8, 117.2 + Double(i) * 0.01, 0.01))]),
                value: Double(300 + i * 50), href: "/grids/\(i)", tooltip: "第\(i + 1)网格 户数 \(300 + i * 50)")
        }
        let svg = MapSVG.render(areas: areas, title: "测试 <地图>", legendTitle: "户数")
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.components(separatedBy: "<a href=\"/grids/").count == 6)
        #expect(svg.contains("<title>第3网格 户数 400</title>"))
        #expect(svg.contains("测试 &lt;地图&gt;"))
        #expect(svg.contains(MapSVG.palette[0]) && svg.contains(MapSVG.palette[4]))
        #expect(MapSVG.breaks([1, 2, 3, 4, 5]) == [1, 2, 3, 4, 5])
        #expect(MapSVG.colour(nil, breaks: [1]) == MapSVG.noData)
    }

    @Test func gridSizeFlags() {
        #expect(GridSizing.flags(households: 400, population: 1000).isEmpty)
        #expect(GridSizing.flags(households: 250, population: 1000) == [.fewHouseholds])
        #expect(GridSizing.flags(households: 620, population: 1900) == [.manyHouseholds, .populationOff])
    }

    /// The old ring search sized its rings by cos(lat) and never ended at the poles; the limit guards a hang.
    @Test(.timeLimit(.minutes(1))) func nearestIsBoundedAtThePolesAndTheDateLine() {
        var index = SpatialIndex<Int>()
        index.insert(1, MultiPolygon([Polygon(outer: square(31.80, 117.20, 0.01))]))
        index.insert(2, MultiPolygon([Polygon(outer: square(89.99, 179.98, 0.005))]))
        for p in [(-90.0, 179.0), (90.0, -180.0), (89.9999999, 180.0), (-89.999, 0.0), (0.0, 0.0)] {
            _ = index.nearest(Coordinate(lat: p.0, lng: p.1), maxMetres: 500)
            _ = index.containing(Coordinate(lat: p.0, lng: p.1))
        }
        #expect(index.nearest(Coordinate(lat: 89.992, lng: 179.982), maxMetres: 5_000)?.id == 2)
        #expect(index.nearest(Coordinate(lat: 31.7995, lng: 117.2026), maxMetres: 1e12)?.id == 1)
        #expect(index.nearest(Coordinate(lat: .nan, lng: 0), maxMetres: 500) == nil)
        // A boundary drawn round most of the globe is found without filling millions of cells.
        index.insert(3, MultiPolygon([Polygon(outer: square(-80, -170, 160))]))
        #expect(index.cells.count < 100)
        #expect(index.containing(Coordinate(lat: 10, lng: -100)) == [3])
    }

    @Test func ringsWithTooManyPointsAreRefusedBeforeTheQuadraticCheck() {
        let n = ShapeChecks.maxRingPoints + 1
        var ring = (0..<n).map { i -> Coordinate in
            let a = Double(i) / Double(n) * 2 * .pi
            return Coordinate(lat: 31.8 + 0.01 * sin(a), lng: 117.2 + 0.01 * cos(a))
        }
        ring.append(ring[0])
        #expect(ShapeChecks.check(MultiPolygon([Polygon(outer: ring)])) == [.tooManyPoints(ring: 0)])
        let parts = (0...ShapeChecks.maxRings).map { Polygon(outer: square(31 + Double($0) * 0.01, 117, 0.005)) }
        #expect(ShapeChecks.check(MultiPolygon(parts)) == [.tooManyParts])
    }
}

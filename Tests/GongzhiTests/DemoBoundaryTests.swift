import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("Demo boundaries that follow streets, and maps that show something")
struct DemoBoundaryTests {
    /// Distance from a point to a segment, in degrees (fine at this scale for "is it on the border").
    static func onSegment(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Bool {
        let dx = b.lng - a.lng
        let dy = b.lat - a.lat
        let len = dx * dx + dy * dy
        guard len > 0 else { return false }
        let t = ((p.lng - a.lng) * dx + (p.lat - a.lat) * dy) / len
        guard t > 1e-9 && t < 1 - 1e-9 else { return false }
        let ex = a.lng + t * dx - p.lng
        let ey = a.lat + t * dy - p.lat
        return (ex * ex + ey * ey).squareRoot() < 1e-9
    }

    @Test func gridsAreIrregularShareTheirEdgesAndNeitherOverlapNorLeaveGaps() async throws {
        try await withTestApp { app in
            let grids = try await Grid.query(on: app.db).filter(\.$archived == false).all()
            #expect(grids.count > 4)
            // Not rectangles: more than four corners, and edges that are not all north–south or east–west.
            let ring0 = grids[0].shape.polygons[0].outer
            #expect(ring0.count > 6)
            #expect(zip(ring0, ring0.dropFirst()).contains { $0.lat != $1.lat && $0.lng != $1.lng })
            // A vertex of one grid lying on another's border is a vertex of that grid too.
            let vertexSets = grids.map { Set($0.shape.polygons.flatMap(\.outer)) }
            var shared = 0
            for (i, a) in grids.enumerated() {
                for (j, b) in grids.enumerated() where i != j {
                    guard a.shape.bbox.intersects(b.shape.bbox) else { continue }
                    let ring = b.shape.polygons[0].outer
                    for v in a.shape.polygons[0].outer where !vertexSets[j].contains(v) {
                        #expect(!zip(ring, ring.dropFirst()).contains { Self.onSegment(v, $0, $1) })
                    }
                    shared += vertexSets[i].intersection(vertexSets[j]).count
                }
            }
            #expect(shared > grids.count)
            // Sampled points of the district fall in exactly one grid: no overlaps, no gaps.
            func size(_ b: BBox) -> Double { (b.maxLat - b.minLat) * (b.maxLng - b.minLng) }
            let district = try #require(
                try await Area.query(on: app.db).all().max { size($0.shape.bbox) < size($1.shape.bbox) })
            let box = district.shape.bbox
            var inside = 0
            for i in 1..<40 {
                for j in 1..<40 {
                    let p = Coordinate(
                        lat: box.minLat + (box.maxLat - box.minLat) * Double(i) / 40,
                        lng: box.minLng + (box.maxLng - box.minLng) * Double(j) / 40 + 1e-7)
                    guard Containment.contains(district.shape, p) else { continue }
                    inside += 1
                    #expect(grids.filter { Containment.contains($0.shape, p) }.count == 1)
                }
            }
            #expect(inside > 1000)
            // Buildings stand in their grid.
            let byID = Dictionary(uniqueKeysWithValues: grids.map { ($0.id!, $0) })
            for b in try await Building.query(on: app.db).limit(300).all() {
                #expect(byID[b.gridID].map { Containment.contains($0.shape, b.coordinate) } == true)
            }
        }
    }

    @Test func theUnitLiaisonsMapIsNotAnEmptyBox() async throws {
        try await withTestApp { app in
            let page = try await Client.page(app, as: "unit").get("/map").body.string
            #expect(!page.contains("viewBox=\"0 0 10 10\""))
            #expect(page.contains("<path") || page.contains("id=\"map\"><p>"))
            // Its own unit is marked on its community's outline.
            #expect(page.contains("class=\"marker org\""))
        }
    }
}

import Foundation
import Testing

@testable import GongzhiCore

@Suite("Readable maps: labels, legends, tap targets")
struct MapReadabilityTests {
    static func area(_ id: String, _ label: String, lat: Double, lng: Double, size: Double, href: String? = nil)
        -> MapSVG.Area
    {
        MapSVG.Area(
            id: id, label: label, shape: MultiPolygon([Polygon(outer: square(lat, lng, size))]), value: nil,
            href: href, tooltip: label)
    }

    @Test func labelsThatWouldOverlapAreLeftOut() {
        let kept = MapSVG.placeLabels(
            [
                MapSVG.LabelBox(x: 10, y: 10, w: 40, h: 14), MapSVG.LabelBox(x: 20, y: 12, w: 40, h: 14),
                MapSVG.LabelBox(x: 100, y: 10, w: 40, h: 14), nil,
            ], priority: [1, 2, 3, 4])
        #expect(kept == [1, 2])
        // Two tiny neighbours with long names: one label is drawn, the other is left to the tooltip.
        let svg = MapSVG.render(
            areas: [
                Self.area("a", "第一个很长名字的网格", lat: 31.8, lng: 117.2, size: 0.001),
                Self.area("b", "第二个很长名字的网格", lat: 31.8, lng: 117.201, size: 0.001),
                Self.area("c", "远处", lat: 31.9, lng: 117.3, size: 0.001),
            ], title: "t", legendTitle: nil)
        #expect(svg.components(separatedBy: "<text class=\"label\"").count - 1 == 2)
        #expect(svg.contains("<title>第二个很长名字的网格</title>"))
    }

    @Test func labelsAreSizedForTheWidthTheMapIsShownAt() {
        let areas = [Self.area("a", "网格", lat: 31.8, lng: 117.2, size: 0.01)]
        // Drawn 760 wide, shown 380 px wide on a phone: 13 px labels are 26 units, the halo 6.
        let phone = MapSVG.render(areas: areas, width: 760, shownAt: 380, title: "t", legendTitle: nil)
        #expect(phone.contains("font-size=\"26\"") && phone.contains("stroke-width=\"6\""))
        let desk = MapSVG.render(areas: areas, width: 760, title: "t", legendTitle: nil)
        #expect(desk.contains("font-size=\"13\""))
    }

    @Test func theLabelSitsInsideAnLShapedArea() {
        // An L: its bounding box's centre is outside it.
        let l = MultiPolygon([
            Polygon(outer: [
                Coordinate(lat: 0, lng: 0), Coordinate(lat: 0, lng: 10), Coordinate(lat: 2, lng: 10),
                Coordinate(lat: 2, lng: 2), Coordinate(lat: 10, lng: 2), Coordinate(lat: 10, lng: 0),
                Coordinate(lat: 0, lng: 0),
            ])
        ])
        let p = MapSVG.Projection(box: l.bbox, width: 100)
        let c = try! #require(MapSVG.visualCentre(l, p))
        let back = Coordinate(
            lat: p.box.maxLat - (c.y - p.pad) / p.scale, lng: p.box.minLng + (c.x - p.pad) / (p.scale * p.k))
        #expect(Containment.contains(l, back))
    }

    @Test func everyLayerShownHasALegendEntryAndLinkedMarkersAHitCircle() {
        let markers = [
            MapSVG.Marker(at: Coordinate(lat: 31.805, lng: 117.205), kind: "org", tooltip: "A", href: "/units/1"),
            MapSVG.Marker(at: Coordinate(lat: 31.806, lng: 117.205), kind: "request", tooltip: "R", href: "/r/1"),
            MapSVG.Marker(at: Coordinate(lat: 31.807, lng: 117.205), kind: "request", tooltip: "R2"),
        ]
        let svg = MapSVG.render(
            areas: [Self.area("a", "网格", lat: 31.8, lng: 117.2, size: 0.01)], markers: markers, width: 760,
            shownAt: 380, title: "t", legendTitle: nil,
            kindLabels: ["org": "有党组织的单位", "request": "未办结诉求", "building": "楼栋"])
        #expect(svg.contains(">有党组织的单位</text>") && svg.contains(">未办结诉求</text>"))
        #expect(!svg.contains("楼栋"))
        #expect(svg.components(separatedBy: "class=\"legend-marker\"").count - 1 == 2)
        // A kind nobody named is left out of the legend: its key never shows (the map legend is in Chinese).
        let unnamed = MapSVG.render(
            areas: [Self.area("a", "网格", lat: 31.8, lng: 117.2, size: 0.01)], markers: markers, width: 760,
            shownAt: 380, title: "t", legendTitle: nil, kindLabels: ["org": "有党组织的单位"])
        #expect(!unnamed.contains(">request<") && unnamed.contains(">有党组织的单位</text>"))
        // 44 CSS px across at 380 px for 760 units: a radius of 44 units, one per linked marker.
        #expect(svg.components(separatedBy: "<circle class=\"hit\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "r=\"44\" fill=\"transparent\"").count - 1 == 2)
        // The figure's legend wraps at a phone's width instead of running off the map.
        let areas = (0..<5).map { i in
            MapSVG.Area(
                id: "g\(i)", label: "第\(i + 1)网格",
                shape: MultiPolygon([Polygon(outer: square(31.8, 117.2 + Double(i) * 0.01, 0.01))]),
                value: Double(300 + i * 50), href: nil, tooltip: "")
        }
        let legend = MapSVG.render(areas: areas, width: 760, shownAt: 330, title: "t", legendTitle: "户数")
        let xs = legend.components(separatedBy: "<rect x=\"").dropFirst().compactMap {
            Double($0.prefix { $0 != "\"" })
        }
        #expect(xs.count >= 6 && xs.allSatisfy { $0 < 760 })
        // A swatch starting a second row at the left margin (8 px, 18.4 units).
        #expect(xs.contains(18.4))
    }

    @Test func aMapReadAsAnImageHasItsSizeInPixels() {
        let svg = MapSVG.render(
            areas: [Self.area("a", "网格", lat: 31.8, lng: 117.2, size: 0.01)], width: 330, title: "t",
            legendTitle: nil, fixedSize: true)
        #expect(svg.contains("width=\"330\" height=\""))
        #expect(!svg.contains("width=\"100%\""))
    }
}

@Suite("Readable maps on a narrow screen too")
struct NarrowMapTests {
    @Test func aDeskMapCarriesASecondSetOfLabelsForANarrowScreen() {
        let areas = [MapReadabilityTests.area("a", "网格", lat: 31.8, lng: 117.2, size: 0.01)]
        let markers = [MapSVG.Marker(at: Coordinate(lat: 31.805, lng: 117.205), kind: "org", tooltip: "A", href: "/u")]
        let svg = MapSVG.render(
            areas: areas, markers: markers, width: 760, shownAt: 760, narrowAt: 380, title: "t", legendTitle: nil,
            tallest: 2000)
        #expect(svg.contains("<g class=\"wide\">") && svg.contains("<g class=\"narrow\">"))
        #expect(svg.contains("font-size=\"13\"") && svg.contains("font-size=\"26\""))
        #expect(svg.contains("r=\"22\" fill=\"transparent\"") && svg.contains("r=\"44\" fill=\"transparent\""))
    }

    @Test func aTallMapShownNarrowerThanItsFrameHasLabelsSizedForThatWidth() {
        // Twice as tall as wide: at most 560 px tall, so shown about 280 px wide rather than 760.
        let tall = MultiPolygon([
            Polygon(outer: [
                Coordinate(lat: 0, lng: 0), Coordinate(lat: 0, lng: 1), Coordinate(lat: 2, lng: 1),
                Coordinate(lat: 2, lng: 0), Coordinate(lat: 0, lng: 0),
            ])
        ])
        let svg = MapSVG.render(
            areas: [MapSVG.Area(id: "a", label: "街道", shape: tall, value: nil, href: nil, tooltip: "")],
            width: 760, shownAt: 760, title: "t", legendTitle: nil)
        let size = svg.range(of: "font-size=\"").map { Double(svg[$0.upperBound...].prefix { $0 != "\"" }) ?? 0 }
        #expect((size ?? 0) > 30)
    }
}

import Foundation

/// Maps drawn as SVG by the server: no tile service, no script, works on an intranet, prints, and can be
/// tested as text. Areas are links (drill-down), carry a <title> (hover on desk, long-press on phone)
/// and are coloured by a figure in five quantile classes with a legend.
public enum MapSVG {
    public struct Area: Sendable {
        public var id: String
        public var label: String
        public var shape: MultiPolygon
        public var value: Double?
        public var href: String?
        public var tooltip: String
        public init(id: String, label: String, shape: MultiPolygon, value: Double?, href: String?, tooltip: String) {
            self.id = id
            self.label = label
            self.shape = shape
            self.value = value
            self.href = href
            self.tooltip = tooltip
        }
    }

    public struct Marker: Sendable {
        public var at: Coordinate
        public var kind: String
        public var tooltip: String
        public var href: String?
        public init(at: Coordinate, kind: String, tooltip: String, href: String? = nil) {
            self.at = at
            self.kind = kind
            self.tooltip = tooltip
            self.href = href
        }
    }

    /// Light to dark red, readable in print and by most colour-blind readers (ColorBrewer Reds).
    public static let palette = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"]
    public static let noData = "#e9ecef"

    /// Upper bounds of five classes by quantile; equal values fall in one class.
    public static func breaks(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return [] }
        return (1...5).map { k in
            let i = Int((Double(sorted.count) * Double(k) / 5.0).rounded(.up)) - 1
            return sorted[max(0, min(sorted.count - 1, i))]
        }
    }

    public static func colour(_ value: Double?, breaks: [Double]) -> String {
        guard let value, !breaks.isEmpty else { return noData }
        for (i, b) in breaks.enumerated() where value <= b { return palette[i] }
        return palette[4]
    }

    /// Equirectangular projection of the areas' extent into a box `width` wide, north up.
    public struct Projection: Sendable {
        public let box: BBox, scale: Double, k: Double, width: Double, height: Double, pad: Double
        public init(box: BBox, width: Double, pad: Double = 8) {
            self.box = box
            self.pad = pad
            self.width = width
            k = cos(box.center.lat * .pi / 180)
            let spanX = max((box.maxLng - box.minLng) * k, 1e-9)
            let spanY = max(box.maxLat - box.minLat, 1e-9)
            scale = (width - 2 * pad) / spanX
            height = spanY * scale + 2 * pad
        }
        public func x(_ c: Coordinate) -> Double { pad + (c.lng - box.minLng) * k * scale }
        public func y(_ c: Coordinate) -> Double { pad + (box.maxLat - c.lat) * scale }
    }

    static func num(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    public static func path(_ shape: MultiPolygon, _ p: Projection) -> String {
        var d = ""
        d.reserveCapacity(shape.polygons.reduce(0) { $0 + $1.outer.count } * 12)
        for poly in shape.polygons {
            for ring in [poly.outer] + poly.holes where !ring.isEmpty {
                d += "M" + num(p.x(ring[0])) + " " + num(p.y(ring[0]))
                for c in ring.dropFirst() { d += "L" + num(p.x(c)) + " " + num(p.y(c)) }
                d += "Z"
            }
        }
        return d
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The whole map as one <svg> element. `title` names it for screen readers.
    public static func render(
        areas: [Area], markers: [Marker] = [], width: Double = 760, title: String,
        legendTitle: String?, showLabels: Bool = true
    ) -> String {
        var box = BBox.empty
        for a in areas { box.extend(a.shape.bbox) }
        for m in markers { box.extend(m.at) }
        guard !box.isEmpty else {
            return
                """
                <svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 10 10\"><title>\
                \(escape(title))</title></svg>
                """
        }
        let proj = Projection(box: box, width: width)
        let values = areas.compactMap(\.value)
        let br = breaks(values)
        let legendHeight: Double = legendTitle == nil ? 0 : 34
        // A map with links is a group of links (an image's content is presentational, so its links would be hidden
        // from assistive technology); one without is an image.
        let linked = areas.contains { $0.href != nil } || markers.contains { $0.href != nil }
        let role = linked ? "group" : "img"
        var out =
            """
            <svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" role=\"\(role)\" aria-label=\"\(escape(title))\" \
            viewBox=\"0 0 \(num(proj.width)) \
            \(num(proj.height + legendHeight))\" width=\"100%\"><title>\(escape(title))</title>
            """
        out.reserveCapacity(areas.count * 300)
        for a in areas {
            let shape =
                """
                <path id=\"area-\(escape(a.id))\" class=\"area\" fill=\"\(colour(a.value, breaks: br))\" fill-rule=\
                \"evenodd\" d=\"\(path(a.shape, proj))\"><title>\(escape(a.tooltip))</title></path>
                """
            out += a.href.map { "<a href=\"\(escape($0))\">\(shape)</a>" } ?? shape
        }
        if showLabels {
            for a in areas {
                let c = a.shape.bbox.center
                out +=
                    """
                    <text class=\"label\" x=\"\(num(proj.x(c)))\" y=\"\(num(proj.y(c)))\" text-anchor=\"middle\">\
                    \(escape(a.label))</text>
                    """
            }
        }
        for m in markers {
            let dot =
                """
                <circle class=\"marker \(escape(m.kind))\" cx=\"\(num(proj.x(m.at)))\" cy=\"\(num(proj.y(m.at)))\" \
                r=\"4\"><title>\(escape(m.tooltip))</title></circle>
                """
            out += m.href.map { "<a href=\"\(escape($0))\">\(dot)</a>" } ?? dot
        }
        if let legendTitle, !br.isEmpty {
            let y = proj.height + 6
            out += "<g class=\"legend\"><text x=\"8\" y=\"\(num(y + 14))\">\(escape(legendTitle))</text>"
            var lower = values.min() ?? 0
            for (i, b) in br.enumerated() {
                let x = 160 + Double(i) * 110
                out +=
                    """
                    <rect x=\"\(num(x))\" y=\"\(num(y + 2))\" width=\"18\" height=\"16\" fill=\"\(palette[i])\" str\
                    oke=\"#999\"/>
                    """
                out += "<text x=\"\(num(x + 22))\" y=\"\(num(y + 14))\">\(num(lower))–\(num(b))</text>"
                lower = b
            }
            out += "</g>"
        }
        return out + "</svg>"
    }
}

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

    /// Marker colours by kind, written on the marker itself so a map read as an image (no stylesheet) keeps them.
    public static let markerColours: [String: String] = [
        "org": "#b0201c", "unit": "#59636e", "household": "#d97706", "building": "#8c959f", "request": "#0b57a4",
        "member": "#6d28d9",
    ]
    /// Soft tints for areas without a figure; neighbours get different ones, so the map reads as a map.
    public static let tints = ["#e3eedc", "#f6ead2", "#dde8f3", "#efe1ec", "#e6e6d4", "#d9ecea"]

    /// Sizes in screen terms: `unit` is how many viewBox units make one CSS pixel when the map is shown at its
    /// usual width, so labels, legend and tap targets keep their size in pixels whatever the viewBox.
    public struct Sizes: Sendable {
        public let unit: Double
        public var label: Double { 13 * unit }
        public var legend: Double { 13 * unit }
        public var marker: Double { 5 * unit }
        /// A linked marker's invisible hit circle: 44 CSS px across.
        public var hit: Double { 22 * unit }
        public init(width: Double, shownAt: Double?) { unit = width / max(1, shownAt ?? width) }
    }

    /// The width of a line of text in viewBox units, roughly: CJK characters are square, others about half.
    public static func textWidth(_ s: String, size: Double) -> Double {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 1.0 : 0.58) } * size
    }

    /// The visual centre of a shape in projected units: the sampled point inside its largest polygon farthest
    /// from the boundary (an approximate pole of inaccessibility), refined twice around the best.
    public static func visualCentre(_ shape: MultiPolygon, _ p: Projection) -> (x: Double, y: Double)? {
        func area(_ r: [(Double, Double)]) -> Double {
            zip(r, r.dropFirst() + r.prefix(1)).reduce(0) { $0 + $1.0.0 * $1.1.1 - $1.1.0 * $1.0.1 } / 2
        }
        let polys = shape.polygons.map { poly in
            ([poly.outer] + poly.holes).map { ring in ring.map { (p.x($0), p.y($0)) } }
        }
        guard let rings = polys.max(by: { abs(area($0.first ?? [])) < abs(area($1.first ?? [])) }),
            let outer = rings.first, outer.count > 2
        else { return nil }
        func inside(_ x: Double, _ y: Double) -> Bool {
            var n = 0
            for r in rings {
                for (a, b) in zip(r, r.dropFirst() + r.prefix(1)) where (a.1 > y) != (b.1 > y) {
                    if x < a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0) { n += 1 }
                }
            }
            return n % 2 == 1
        }
        func clearance(_ x: Double, _ y: Double) -> Double {
            var best = Double.infinity
            for r in rings {
                for (a, b) in zip(r, r.dropFirst() + r.prefix(1)) {
                    let dx = b.0 - a.0
                    let dy = b.1 - a.1
                    let len = dx * dx + dy * dy
                    let t = len == 0 ? 0 : max(0, min(1, ((x - a.0) * dx + (y - a.1) * dy) / len))
                    let ex = a.0 + t * dx - x
                    let ey = a.1 + t * dy - y
                    best = min(best, ex * ex + ey * ey)
                }
            }
            return best
        }
        let xs = outer.map(\.0)
        let ys = outer.map(\.1)
        var cx = (xs.min()! + xs.max()!) / 2
        var cy = (ys.min()! + ys.max()!) / 2
        var sx = (xs.max()! - xs.min()!) / 12
        var sy = (ys.max()! - ys.min()!) / 12
        var best = inside(cx, cy) ? clearance(cx, cy) : -1
        var span = 6
        for _ in 0..<3 {
            let (ox, oy) = (cx, cy)
            for i in -span...span {
                for j in -span...span {
                    let x = ox + Double(i) * sx
                    let y = oy + Double(j) * sy
                    guard inside(x, y) else { continue }
                    let c = clearance(x, y)
                    if c > best { (best, cx, cy) = (c, x, y) }
                }
            }
            (sx, sy, span) = (sx / 4, sy / 4, 4)
        }
        return best < 0 ? nil : (cx, cy)
    }

    /// A label's box, for the collision check.
    public struct LabelBox: Sendable, Equatable {
        public var x: Double, y: Double, w: Double, h: Double
        public func overlaps(_ o: LabelBox) -> Bool {
            abs(x - o.x) * 2 < w + o.w && abs(y - o.y) * 2 < h + o.h
        }
    }

    /// The labels that can be drawn without overlapping, biggest places first; the others are left to the
    /// area's tooltip and the table beside the map. Returns the indices kept.
    public static func placeLabels(_ boxes: [LabelBox?], priority: [Double]) -> Set<Int> {
        var kept: [LabelBox] = []
        var out = Set<Int>()
        for i in boxes.indices.sorted(by: { priority[$0] > priority[$1] }) {
            guard let b = boxes[i], !kept.contains(where: { $0.overlaps(b) }) else { continue }
            kept.append(b)
            out.insert(i)
        }
        return out
    }

    /// Tints for areas without a figure, so that areas whose outlines touch get different ones.
    static func tintIndices(_ areas: [Area]) -> [Int] {
        var out: [Int] = []
        let boxes = areas.map(\.shape.bbox)
        for (i, b) in boxes.enumerated() {
            let eps = max(b.maxLat - b.minLat, b.maxLng - b.minLng) * 0.02
            let used = Set(
                (0..<i).filter { j in
                    let o = boxes[j]
                    return o.minLat <= b.maxLat + eps && o.maxLat >= b.minLat - eps && o.minLng <= b.maxLng + eps
                        && o.maxLng >= b.minLng - eps
                }.map { out[$0] })
            out.append(tints.indices.first { !used.contains($0) } ?? i % tints.count)
        }
        return out
    }

    /// Legend entries laid out in rows that wrap at the map's width. Returns the SVG and its height.
    static func legend(
        title: String?, classes: [(colour: String, text: String)], kinds: [(colour: String, text: String)],
        width: Double, top: Double, _ z: Sizes
    ) -> (svg: String, height: Double) {
        let font = z.legend
        let row = font * 1.6
        let swatch = font * 1.05
        let gap = font * 0.35
        let sep = font * 1.1
        let left = 8 * z.unit
        var out = ""
        var y = top + row * 0.5
        var x = left
        func newRow() {
            y += row
            x = left
        }
        if let title {
            out += "<text x=\"\(num(x))\" y=\"\(num(y))\" dominant-baseline=\"central\">\(escape(title))</text>"
            x += textWidth(title, size: font) + sep
        }
        func item(_ text: String, _ swatchAt: (Double, Double) -> String) {
            let w = swatch + gap + textWidth(text, size: font)
            if x > left && x + w > width - left { newRow() }
            out += swatchAt(x, y)
            out += "<text x=\"\(num(x + swatch + gap))\" y=\"\(num(y))\" dominant-baseline=\"central\">"
            out += escape(text) + "</text>"
            x += w + sep
        }
        for c in classes {
            item(c.text) { x, y in
                "<rect x=\"\(num(x))\" y=\"\(num(y - swatch / 2))\" width=\"\(num(swatch))\" "
                    + "height=\"\(num(swatch))\" "
                    + "fill=\"\(c.colour)\" stroke=\"#999\" stroke-width=\"\(num(z.unit))\"/>"
            }
        }
        if !classes.isEmpty && !kinds.isEmpty { newRow() }
        for k in kinds {
            item(k.text) { x, y in
                "<circle class=\"legend-marker\" cx=\"\(num(x + swatch / 2))\" cy=\"\(num(y))\" "
                    + "r=\"\(num(z.marker))\" "
                    + "fill=\"\(k.colour)\" stroke=\"#fff\" stroke-width=\"\(num(z.unit))\"/>"
            }
        }
        let height = y + row * 0.5 - top
        let g =
            "<g class=\"legend\" font-size=\"\(num(font))\" fill=\"#1f2328\"><rect x=\"0\" y=\"\(num(top))\" "
            + "width=\"\(num(width))\" height=\"\(num(height))\" fill=\"#fff\"/>" + out + "</g>"
        return (g, height)
    }

    /// The whole map as one <svg> element. `title` names it for screen readers. `shownAt` is the width in CSS
    /// pixels the map is usually shown at (labels, legend and tap targets are sized for it); `kindLabels` names
    /// the marker kinds in the legend, one entry per kind shown. `fixedSize` gives the drawing its size in
    /// pixels (a map read as an image, whose clicks must map back through the projection exactly). `narrowAt`
    /// is the width on a narrow screen, when the map may be shown on one as well; `tallest` the height in CSS
    /// pixels a map is shown at most (the stylesheet caps it at 75vh).
    public static func render(
        areas: [Area], markers: [Marker] = [], width: Double = 760, shownAt: Double? = nil, narrowAt: Double? = nil,
        title: String,
        legendTitle: String?, showLabels: Bool = true, kindLabels: [String: String] = [:],
        fixedSize: Bool = false, tallest: Double = 560
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
        // A tall map is shown narrower than its frame (its height is capped, `tallest`), so sizes follow the width
        // it is actually shown at.
        let aspect = Projection(box: box, width: width).height / width
        func shown(_ w: Double?) -> Double? { w.map { min($0, tallest / max(aspect, 1e-6)) } }
        let z = Sizes(width: width, shownAt: shown(shownAt))
        let proj = Projection(box: box, width: width, pad: 8 * z.unit)
        let values = areas.compactMap(\.value)
        let br = breaks(values)
        // The legend: the figure's classes, then one entry per kind of marker shown.
        var classes: [(colour: String, text: String)] = []
        if legendTitle != nil, !br.isEmpty {
            var lower = values.min() ?? 0
            for (i, b) in br.enumerated() {
                classes.append((palette[i], "\(num(lower))–\(num(b))"))
                lower = b
            }
        }
        var seen = Set<String>()
        // A kind is named in the reader's language or not at all: its key ("request") is never shown.
        let kinds: [(colour: String, text: String)] = markers.compactMap { m in
            guard let label = kindLabels[m.kind], seen.insert(m.kind).inserted else { return nil }
            return (markerColours[m.kind] ?? "#59636e", label)
        }
        // Labels, markers and legend for the usual width, and again for a narrow screen when the map may be shown
        // on one too (the stylesheet shows one set by the screen's width).
        let sizes = [z] + (narrowAt.map { [Sizes(width: width, shownAt: shown($0))] } ?? [])
        let legends = sizes.map { zz in
            classes.isEmpty && kinds.isEmpty
                ? ("", 0.0)
                : Self.legend(
                    title: classes.isEmpty ? nil : legendTitle, classes: classes, kinds: kinds, width: proj.width,
                    top: proj.height, zz)
        }
        let legendHeight = legends.map(\.1).max() ?? 0
        // A map with links is a group of links (an image's content is presentational, so its links would be hidden
        // from assistive technology); one without is an image.
        let linked = areas.contains { $0.href != nil } || markers.contains { $0.href != nil }
        let role = linked ? "group" : "img"
        let size =
            fixedSize ? "width=\"\(num(proj.width))\" height=\"\(num(proj.height + legendHeight))\"" : "width=\"100%\""
        var out =
            """
            <svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" role=\"\(role)\" aria-label=\"\(escape(title))\" \
            viewBox=\"0 0 \(num(proj.width)) \
            \(num(proj.height + legendHeight))\" \(size)><title>\(escape(title))</title>
            """
        out.reserveCapacity(areas.count * 300)
        let tint = br.isEmpty ? tintIndices(areas) : []
        for (i, a) in areas.enumerated() {
            let fill = br.isEmpty ? tints[tint[i]] : colour(a.value, breaks: br)
            let shape =
                """
                <path id=\"area-\(escape(a.id))\" class=\"area\" fill=\"\(fill)\" stroke=\"#fff\" stroke-width=\
                \"\(num(2 * z.unit))\" stroke-linejoin=\"round\" fill-rule=\"evenodd\" d=\"\(path(a.shape, proj))\">\
                <title>\(escape(a.tooltip))</title></path>
                """
            out += a.href.map { "<a href=\"\(escape($0))\">\(shape)</a>" } ?? shape
        }
        func overlay(_ zz: Sizes) -> String {
            var part = ""
            // Markers under the labels: a label stays readable, and lets taps through to the marker below.
            for m in markers {
                let x = num(proj.x(m.at))
                let y = num(proj.y(m.at))
                let dot =
                    """
                    <circle class=\"marker \(escape(m.kind))\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(num(zz.marker))\" fill=\
                    \"\(markerColours[m.kind] ?? "#59636e")\" stroke=\"#fff\" stroke-width=\"\(num(zz.unit))\">\
                    <title>\(escape(m.tooltip))</title></circle>
                    """
                // A linked marker is tapped through an invisible circle 44 CSS px across.
                let hit = "<circle class=\"hit\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(num(zz.hit))\" fill=\"transparent\"/>"
                part += m.href.map { "<a href=\"\(escape($0))\">\(hit)\(dot)</a>" } ?? dot
            }
            if showLabels {
                let centres = areas.map { visualCentre($0.shape, proj) }
                let boxes: [LabelBox?] = areas.indices.map { i in
                    guard let c = centres[i] else { return nil }
                    let w = textWidth(areas[i].label, size: zz.label) + 4 * zz.unit
                    // Kept inside the map: a label near the edge slides in rather than being cut.
                    let x = min(max(c.x, w / 2), proj.width - w / 2)
                    return LabelBox(x: x, y: c.y, w: w, h: zz.label * 1.3)
                }
                let priority = areas.map { a -> Double in
                    let b = a.shape.bbox
                    return (b.maxLat - b.minLat) * (b.maxLng - b.minLng)
                }
                let kept = placeLabels(boxes, priority: priority)
                for i in areas.indices where kept.contains(i) {
                    guard let b = boxes[i] else { continue }
                    part +=
                        """
                        <text class=\"label\" x=\"\(num(b.x))\" y=\"\(num(b.y))\" text-anchor=\"middle\" \
                        dominant-baseline=\"central\" font-size=\"\(num(zz.label))\" fill=\"#1f2328\" stroke=\"#fff\" \
                        stroke-width=\"\(num(3 * zz.unit))\" stroke-linejoin=\"round\" paint-order=\"stroke\">\
                        \(escape(areas[i].label))</text>
                        """
                }
            }
            return part
        }
        if sizes.count == 1 {
            out += overlay(z) + legends[0].0
        } else {
            out += "<g class=\"wide\">" + overlay(sizes[0]) + legends[0].0 + "</g>"
            out += "<g class=\"narrow\">" + overlay(sizes[1]) + legends[1].0 + "</g>"
        }
        return out + "</svg>"
    }
}

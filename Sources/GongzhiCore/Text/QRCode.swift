/// A QR code (ISO/IEC 18004) of a short text in byte mode at error correction level M, versions 1 to 10 (up to 213
/// bytes): what a check-in code's link needs, drawn by the server so a district's intranet needs no library or CDN.
/// After Project Nayuki's reference generator (MIT), reduced to the one mode and level used here.
public struct QRCode: Sendable, Equatable {
    public let version: Int
    public let mask: Int
    /// `modules[y][x]`: true is dark.
    public let modules: [[Bool]]
    public var size: Int { modules.count }

    public enum Problem: Error, Equatable, Sendable { case tooLong }

    /// Level M: error-correction codewords per block and blocks, by version (index 0 unused).
    static let eccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    static let blocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    /// The smallest version that holds the text; `mask` nil picks the mask with the lowest penalty.
    public init(_ text: String, mask: Int? = nil) throws(Problem) {
        let bytes = Array(text.utf8)
        guard let version = (1...10).first(where: { bytes.count <= Self.capacity($0) }) else { throw .tooLong }
        self.version = version
        let data = Self.codewords(bytes, version: version)
        var grid = Grid(version: version)
        grid.drawFunctionPatterns()
        grid.drawCodewords(data)
        let candidates = mask.map { [$0] } ?? Array(0..<8)
        var best: (score: Int, grid: Grid, mask: Int)?
        for m in candidates {
            var g = grid
            g.applyMask(m)
            g.drawFormatBits(mask: m)
            let score = g.penalty()
            if best == nil || score < best!.score { best = (score, g, m) }
        }
        self.mask = best!.mask
        modules = best!.grid.modules
    }

    /// Bytes a version holds in byte mode at level M.
    static func capacity(_ version: Int) -> Int {
        let header = 4 + (version < 10 ? 8 : 16)
        return (dataCodewords(version) * 8 - header) / 8
    }

    static func rawModules(_ v: Int) -> Int {
        var result = (16 * v + 128) * v + 64
        if v >= 2 {
            let align = v / 7 + 2
            result -= (25 * align - 10) * align - 55
            if v >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewords(_ v: Int) -> Int { rawModules(v) / 8 - eccPerBlock[v] * blocks[v] }

    /// Mode, length, the bytes, terminator and padding, then error correction, interleaved by block.
    static func codewords(_ bytes: [UInt8], version v: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, v < 10 ? 8 : 16)
        for b in bytes { append(Int(b), 8) }
        let capacityBits = dataCodewords(v) * 8
        append(0, min(4, capacityBits - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var data: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { i in
            bits[i..<(i + 8)].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while data.count < dataCodewords(v) {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        let blockCount = blocks[v]
        let eccLength = eccPerBlock[v]
        let raw = rawModules(v) / 8
        let shortBlocks = blockCount - raw % blockCount
        let shortLength = raw / blockCount
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var split: [[UInt8]] = []
        var k = 0
        for i in 0..<blockCount {
            let length = shortLength - eccLength + (i < shortBlocks ? 0 : 1)
            var block = Array(data[k..<(k + length)])
            k += length
            let ecc = ReedSolomon.remainder(block, divisor)
            if i < shortBlocks { block.append(0) }
            split.append(block + ecc)
        }
        var out: [UInt8] = []
        for i in 0..<split[0].count {
            for (j, block) in split.enumerated() where i != shortLength - eccLength || j >= shortBlocks {
                out.append(block[i])
            }
        }
        return out
    }

    enum ReedSolomon {
        static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
            var z = 0
            for i in stride(from: 7, through: 0, by: -1) {
                z = (z << 1) ^ ((z >> 7) * 0x11D)
                z ^= ((Int(y) >> i) & 1) * Int(x)
            }
            return UInt8(z & 0xFF)
        }

        static func divisor(degree: Int) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: degree)
            result[degree - 1] = 1
            var root: UInt8 = 1
            for _ in 0..<degree {
                for j in 0..<degree {
                    result[j] = multiply(result[j], root)
                    if j + 1 < degree { result[j] ^= result[j + 1] }
                }
                root = multiply(root, 0x02)
            }
            return result
        }

        static func remainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: divisor.count)
            for b in data {
                let factor = b ^ result.removeFirst()
                result.append(0)
                for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
            }
            return result
        }
    }

    struct Grid {
        let version: Int
        var modules: [[Bool]]
        var function: [[Bool]]
        var size: Int { modules.count }

        init(version: Int) {
            self.version = version
            let size = version * 4 + 17
            modules = Array(repeating: Array(repeating: false, count: size), count: size)
            function = modules
        }

        mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
            modules[y][x] = dark
            function[y][x] = true
        }

        mutating func drawFunctionPatterns() {
            for i in 0..<size {
                set(6, i, i % 2 == 0)
                set(i, 6, i % 2 == 0)
            }
            drawFinder(3, 3)
            drawFinder(size - 4, 3)
            drawFinder(3, size - 4)
            let positions = alignmentPositions()
            let last = positions.count - 1
            for (i, x) in positions.enumerated() {
                for (j, y) in positions.enumerated() {
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    drawAlignment(x, y)
                }
            }
            drawFormatBits(mask: 0)  // reserves the format areas; drawn again with the chosen mask
            drawVersion()
        }

        mutating func drawFinder(_ x: Int, _ y: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let d = max(abs(dx), abs(dy))
                    let xx = x + dx
                    let yy = y + dy
                    if (0..<size).contains(xx) && (0..<size).contains(yy) { set(xx, yy, d != 2 && d != 4) }
                }
            }
        }

        mutating func drawAlignment(_ x: Int, _ y: Int) {
            for dy in -2...2 {
                for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
            }
        }

        func alignmentPositions() -> [Int] {
            guard version > 1 else { return [] }
            let count = version / 7 + 2
            let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
            var result = [6]
            var pos = size - 7
            for _ in 0..<(count - 1) {
                result.insert(pos, at: 1)
                pos -= step
            }
            return result
        }

        mutating func drawFormatBits(mask: Int) {
            let data = 0 << 3 | mask  // level M is 00
            var rem = data
            for _ in 0..<10 { rem = (rem << 1) ^ ((rem >> 9) * 0x537) }
            let bits = (data << 10 | rem) ^ 0x5412
            func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
            for i in 0...5 { set(8, i, bit(i)) }
            set(8, 7, bit(6))
            set(8, 8, bit(7))
            set(7, 8, bit(8))
            for i in 9..<15 { set(14 - i, 8, bit(i)) }
            for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
            for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
            set(8, size - 8, true)
        }

        mutating func drawVersion() {
            guard version >= 7 else { return }
            var rem = version
            for _ in 0..<12 { rem = (rem << 1) ^ ((rem >> 11) * 0x1F25) }
            let bits = version << 12 | rem
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3
                let b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }

        mutating func drawCodewords(_ data: [UInt8]) {
            var i = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for vert in 0..<size {
                    for j in 0..<2 {
                        let x = right - j
                        let upward = (right + 1) & 2 == 0
                        let y = upward ? size - 1 - vert : vert
                        if !function[y][x] && i < data.count * 8 {
                            modules[y][x] = (data[i >> 3] >> (7 - (i & 7))) & 1 == 1
                            i += 1
                        }
                    }
                }
                right -= 2
            }
        }

        mutating func applyMask(_ mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !function[y][x] {
                    let flip =
                        switch mask {
                        case 0: (x + y) % 2 == 0
                        case 1: y % 2 == 0
                        case 2: x % 3 == 0
                        case 3: (x + y) % 3 == 0
                        case 4: (x / 3 + y / 2) % 2 == 0
                        case 5: x * y % 2 + x * y % 3 == 0
                        case 6: (x * y % 2 + x * y % 3) % 2 == 0
                        default: ((x + y) % 2 + x * y % 3) % 2 == 0
                        }
                    if flip { modules[y][x].toggle() }
                }
            }
        }

        /// The standard's penalty: runs of five or more, 2×2 blocks, finder-like patterns, imbalance.
        func penalty() -> Int {
            var score = 0
            func lines(_ get: (Int, Int) -> Bool) {
                for a in 0..<size {
                    var run = 1
                    for b in 1..<size {
                        if get(a, b) == get(a, b - 1) {
                            run += 1
                        } else {
                            if run >= 5 { score += run - 2 }
                            run = 1
                        }
                    }
                    if run >= 5 { score += run - 2 }
                    // 1:1:3:1:1 with four light modules on a side.
                    let pattern = [true, false, true, true, true, false, true]
                    if size >= 11 {
                        for b in 0...(size - 11) {
                            let row = (0..<11).map { get(a, b + $0) }
                            if Array(row[0..<7]) == pattern && row[7...].allSatisfy({ !$0 }) { score += 40 }
                            if Array(row[4..<11]) == pattern && row[0..<4].allSatisfy({ !$0 }) { score += 40 }
                        }
                    }
                }
            }
            lines { modules[$0][$1] }
            lines { modules[$1][$0] }
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) {
                    let c = modules[y][x]
                    if c == modules[y][x + 1] && c == modules[y + 1][x] && c == modules[y + 1][x + 1] { score += 3 }
                }
            }
            let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
            let total = size * size
            let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
            return score + max(0, k) * 10
        }
    }

    /// The code as SVG, with the quiet zone of four modules the standard asks for.
    public func svg(pixels: Int, title: String) -> String {
        let side = size + 8
        var path = ""
        for y in 0..<size {
            for x in 0..<size where modules[y][x] { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        let escaped = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" \
            height="\(pixels)" role="img" shape-rendering="crispEdges"><title>\(escaped)</title>\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }
}

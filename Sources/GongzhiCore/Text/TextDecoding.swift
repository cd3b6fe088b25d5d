#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes an uploaded text file the way Excel on Chinese Windows saves it:
/// UTF-8 (with or without BOM) or GB18030/GBK (a superset of GB2312).
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8, gb18030 }

    public struct Undecodable: Error, Equatable, Sendable {
        public let messageKey = "error.csv.encoding"
    }

    public static func decode(_ bytes: [UInt8]) throws(Undecodable) -> (text: String, encoding: Encoding) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
        guard let text = gb18030ToString(Array(body)) else { throw Undecodable() }
        return (text, .gb18030)
    }

    /// glibc's iconv knows GB18030; no table of our own to keep.
    static func gb18030ToString(_ input: [UInt8]) -> String? {
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var inBuf = input.map { CChar(bitPattern: $0) }
        var outBuf = [CChar](repeating: 0, count: input.count * 2 + 16)
        var inLeft = inBuf.count
        var outLeft = outBuf.count
        let ok: Bool = inBuf.withUnsafeMutableBufferPointer { inPtr in
            outBuf.withUnsafeMutableBufferPointer { outPtr in
                var inP: UnsafeMutablePointer<CChar>? = inPtr.baseAddress
                var outP: UnsafeMutablePointer<CChar>? = outPtr.baseAddress
                return iconv(cd, &inP, &inLeft, &outP, &outLeft) != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        let produced = outBuf.count - outLeft
        return String(validating: outBuf[0..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

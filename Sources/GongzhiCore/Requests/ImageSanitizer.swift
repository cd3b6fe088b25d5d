/// Checks that an upload is a JPEG or PNG and removes the metadata that can carry where and when it was taken
/// (JPEG APP1 Exif/XMP and APP13; PNG eXIf and text chunks). The picture data itself is copied untouched.
public enum ImageSanitizer {
    public enum Kind: String, Sendable {
        case jpeg, png
        public var contentType: String { self == .jpeg ? "image/jpeg" : "image/png" }
    }

    public enum Problem: Error, Equatable, Sendable {
        case notAnImage
        case damaged
        case tooLarge(limit: Int)
        public var messageKey: String {
            switch self {
            case .notAnImage: "error.photo.type"
            case .damaged: "error.photo.damaged"
            case .tooLarge: "error.photo.size"
            }
        }
    }

    public static let maxBytes = 5 * 1024 * 1024
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public static func kind(of bytes: [UInt8]) -> Kind? {
        if bytes.count > 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return .jpeg }
        if bytes.starts(with: pngSignature) { return .png }
        return nil
    }

    public static func sanitize(_ bytes: [UInt8], keepMetadata: Bool = false) throws(Problem) -> (
        bytes: [UInt8], kind: Kind
    ) {
        if bytes.count > maxBytes { throw .tooLarge(limit: maxBytes) }
        guard let kind = kind(of: bytes) else { throw .notAnImage }
        if keepMetadata { return (bytes, kind) }
        return (kind == .jpeg ? try stripJPEG(bytes) : try stripPNG(bytes), kind)
    }

    static func stripJPEG(_ b: [UInt8]) throws(Problem) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { throw .damaged }
            let marker = b[i + 1]
            if marker == 0xD9 {
                out += [0xFF, 0xD9]
                return out
            }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { throw .damaged }
            if marker == 0xDA {
                out += b[i...]
                return out
            }  // start of scan: the rest is picture data
            let drop = marker == 0xE1 || marker == 0xED
            if !drop { out += b[i..<i + 2 + length] }
            i += 2 + length
        }
        throw .damaged
    }

    static func stripPNG(_ b: [UInt8]) throws(Problem) -> [UInt8] {
        var out = pngSignature
        var i = 8
        let dropped: Set<String> = ["eXIf", "tEXt", "iTXt", "zTXt", "tIME"]
        while i + 12 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 0, i + 12 + length <= b.count else { throw .damaged }
            let type = String(decoding: b[i + 4..<i + 8], as: UTF8.self)
            if !dropped.contains(type) { out += b[i..<i + 12 + length] }
            i += 12 + length
            if type == "IEND" { return out }
        }
        throw .damaged
    }
}

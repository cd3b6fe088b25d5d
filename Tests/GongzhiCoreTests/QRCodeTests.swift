import Testing

@testable import GongzhiCore

/// The QR encoder against an independent one: each matrix equals what the `qrcode` package of PyPI (7.4.2) draws for
/// the same text in byte mode, level M and mask (their rows' FNV-1a hashes, computed once with it).
@Suite struct QRCodeTests {
    static let long =
        "http://10.0.0.8:8080/volunteering/check-in?code=654321&x=abcdefghijklmnopqrstuvwxyz0123456789"
        + "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop"

    static let expected: [(String, Int, Int, UInt64)] = [
        ("https://gongzhi.example/meetings/check-in?code=123456", 0, 4, 0x90bb_e6e5_8410_b7c9),
        ("https://gongzhi.example/meetings/check-in?code=123456", 3, 4, 0x1369_cbfd_d6e5_935c),
        ("https://gongzhi.example/meetings/check-in?code=123456", 5, 4, 0x21da_8eac_cefd_9dd1),
        ("https://gongzhi.example/meetings/check-in?code=123456", 7, 4, 0x06de_9c71_abec_dd20),
        ("123456", 0, 1, 0x1b63_3fa3_9ba5_3655),
        ("123456", 3, 1, 0x886f_e8b6_4d65_5725),
        ("123456", 5, 1, 0x7059_b315_f7cb_16b1),
        ("123456", 7, 1, 0x50fc_887b_9edb_79a7),
        (long, 0, 8, 0x2dc6_b360_6250_32b3),
        (long, 3, 8, 0xc9cd_40b6_6631_f06f),
        (long, 5, 8, 0x9591_0150_7820_0726),
        (long, 7, 8, 0xf751_edd2_fb38_9807),
    ]

    static func fnv(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    @Test func matricesEqualAnIndependentEncoder() throws {
        for (text, mask, version, hash) in Self.expected {
            let qr = try QRCode(text, mask: mask)
            #expect(qr.version == version, "\(text.prefix(12)) mask \(mask)")
            let rows = qr.modules.map { $0.map { $0 ? "1" : "0" }.joined() }.joined(separator: "\n")
            #expect(Self.fnv(rows) == hash, "\(text.prefix(12)) mask \(mask)")
        }
    }

    @Test func theBestMaskIsChosenAndTooLongIsRefused() throws {
        let qr = try QRCode("https://gongzhi.example/meetings/check-in?code=123456")
        #expect((0..<8).contains(qr.mask) && qr.size == 33)
        #expect(throws: QRCode.Problem.tooLong) { try QRCode(String(repeating: "x", count: 300)) }
        let svg = qr.svg(pixels: 200, title: "签到 <码>")
        #expect(svg.hasPrefix("<svg") && svg.contains("viewBox=\"0 0 41 41\"") && svg.contains("签到 &lt;码>"))
    }
}

import XCTest
@testable import PreferCore

/// The word-at-a-time check of exports agrees with `HiddenCharacters`, byte by byte.
final class CatSafetyTests: XCTestCase {
    func testRandomTextsAreJudgedAsScalarByScalarChecking() {
        var rng = Xoshiro256StarStar(seed: 21)
        let special: [Unicode.Scalar] = ["\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{202E}", "\u{200B}", "\u{FEFF}",
                                         "\u{E0041}", "é", "東", "🙂", " ", "~", "\u{1B}", "\u{2066}", "\u{AD}", "—", "’",
                                         "\u{061C}", "\u{06DD}", "\u{2028}", "М", "こ", "\u{FFFB}", "\u{110BD}"]
        for round in 0..<20_000 {
            var scalars: [Unicode.Scalar] = []
            let length = Int(rng.below(80))
            for _ in 0..<length {
                if rng.below(40) == 0 {
                    scalars.append(special[Int(rng.below(UInt64(special.count)))])
                } else {
                    scalars.append(Unicode.Scalar(UInt8(0x20 + rng.below(0x5F))))
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let expected = !scalars.contains { $0.value < 0x20 || $0.value == 0x7F || HiddenCharacters.isHidden($0) }
            let bytes = Array(text.utf8)
            // Every start, so that each byte is seen at every place in a word.
            let start = bytes.isEmpty ? 0 : Int(rng.below(UInt64(min(bytes.count, 8))))
            let from = bytes.index(bytes.startIndex, offsetBy: start)
            let tail = String(decoding: bytes[from...], as: UTF8.self)
            let tailExpected = !tail.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || HiddenCharacters.isHidden($0) }
            bytes.withUnsafeBytes { raw in
                XCTAssertEqual(CatSafety.isSafe(raw, 0..<raw.count), expected, "round \(round): \(scalars.map(\.value))")
                if tail.utf8.count == bytes.count - start {
                    XCTAssertEqual(CatSafety.isSafe(raw, start..<raw.count), tailExpected, "round \(round) from \(start)")
                }
            }
        }
    }

    /// Every scalar of the Basic Multilingual Plane and a sample of the others, alone and at
    /// each place in a word, among ASCII letters and among letters beyond ASCII: the byte
    /// table that lets a word of such letters pass must never pass a hidden character.
    func testEveryScalarIsJudgedAsHiddenCharactersJudgesIt() {
        var values = Array(0..<0x10000)
        values += stride(from: 0x10000, to: 0x110000, by: 97)
        values += Array(0xE0000...0xE0080) + Array(0x1D173...0x1D17A) + [0x110BD, 0x110CD, 0x1BCA0]
        values += Array(0x1F000..<0x20000)
        let contexts: [(String, String)] = [("ab", "cdefghijklmnopq"), ("éé", "東京東京東京"), ("", ""), ("abcdefg", "")]
        for v in values {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            let expected = !(scalar.value < 0x20 || scalar.value == 0x7F || HiddenCharacters.isHidden(scalar))
            for (before, after) in contexts {
                var text = before
                text.unicodeScalars.append(scalar)
                text += after
                let bytes = Array(text.utf8)
                bytes.withUnsafeBytes { raw in
                    if CatSafety.isSafe(raw, 0..<raw.count) != expected {
                        XCTFail(String(format: "U+%04X after \"%@\"", v, before))
                    }
                }
            }
        }
    }
}

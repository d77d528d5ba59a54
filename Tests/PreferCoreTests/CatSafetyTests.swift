import XCTest
@testable import PreferCore

/// The word-at-a-time check of exports agrees with `HiddenCharacters`, byte by byte.
final class CatSafetyTests: XCTestCase {
    func testRandomTextsAreJudgedAsScalarByScalarChecking() {
        var rng = Xoshiro256StarStar(seed: 21)
        let special: [Unicode.Scalar] = ["\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{202E}", "\u{200B}", "\u{FEFF}",
                                         "\u{E0041}", "é", "東", "🙂", " ", "~", "\u{1B}", "\u{2066}"]
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
}

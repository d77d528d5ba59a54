import Foundation
import XCTest
@testable import PreferCore

/// Checks `JSONParser` against Foundation's `JSONSerialization` on generated and mutated
/// documents: both must accept and reject the same inputs, and accepted inputs must give the
/// same values. Foundation is knowingly lenient about duplicate keys and lone surrogate
/// escapes, so inputs our parser refuses for those reasons are left out of the comparison.
final class JSONParserDifferentialTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so failures can be replayed.
    private struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    private static let stringPieces = ["a", "hello", " ", "é", "中文", "🚀", "\\n", "\\\"", "\\\\", "\\/",
                                       "\\u00e9", "\\ud83d\\ude80", "\\u0000", "\\t", "x y", "\u{7F}", "ÿ"]
    private static let numbers = ["0", "-0", "1", "-17", "3.25", "1e3", "2E-2", "-0.5e+1", "123456789", "0.001"]

    private func string(_ random: inout Random) -> String {
        var text = "\""
        for _ in 0..<random.below(4) { text += random.pick(Self.stringPieces) }
        return text + "\""
    }

    private func space(_ random: inout Random) -> String {
        random.below(4) == 0 ? random.pick([" ", "\n", "\t", "\r\n", "  "]) : ""
    }

    private func value(_ random: inout Random, depth: Int) -> String {
        let roll = depth >= 4 ? random.below(4) : random.below(7)
        switch roll {
        case 0: return string(&random)
        case 1: return random.pick(Self.numbers)
        case 2: return random.pick(["true", "false", "null"])
        case 3: return random.pick(Self.numbers)
        case 4, 5:
            var keys = Set<String>()
            var parts: [String] = []
            for _ in 0..<random.below(4) {
                let key = "k\(random.below(6))"
                guard keys.insert(key).inserted else { continue }
                parts.append(space(&random) + "\"\(key)\"" + space(&random) + ":" + space(&random) + value(&random, depth: depth + 1))
            }
            return "{" + parts.joined(separator: ",") + space(&random) + "}"
        default:
            let parts = (0..<random.below(4)).map { _ in space(&random) + value(&random, depth: depth + 1) + space(&random) }
            return "[" + parts.joined(separator: ",") + "]"
        }
    }

    private static let insertions: [[UInt8]] = [
        [0x2C], [0x7B], [0x7D], [0x5B], [0x5D], [0x22], [0x3A], [0x5C], [0x30], [0x2D], [0x2E], [0x65],
        [0x00], [0x0A], [0x09], [0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x20],
        Array("tru".utf8), Array("NaN".utf8), Array("\\u12".utf8), Array("\\ud800".utf8), Array("01".utf8),
    ]

    private func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = bytes
        for _ in 0...random.below(2) {
            let at = random.below(bytes.count + 1)
            switch random.below(4) {
            case 0 where !bytes.isEmpty:
                bytes.remove(at: min(at, bytes.count - 1))
            case 1 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] = random.pick(Self.insertions)[0]
            case 2:
                bytes = Array(bytes.prefix(at))
            default:
                bytes.insert(contentsOf: random.pick(Self.insertions), at: at)
            }
        }
        return bytes
    }

    /// Whether Foundation's value is the same JSON as ours.
    private func same(_ ours: JSONValue, _ theirs: Any) -> Bool {
        switch ours {
        case .null: return theirs is NSNull
        case .bool(let b): return (theirs as? Bool) == b
        case .number(let text):
            guard let number = theirs as? NSNumber, let expected = Double(text) else { return false }
            return number.doubleValue == expected
        case .string(let s): return (theirs as? String) == s
        case .array(let items):
            guard let other = theirs as? [Any], other.count == items.count else { return false }
            return zip(items, other).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let other = theirs as? [String: Any], other.count == members.count else { return false }
            return members.allSatisfy { member in other[member.key].map { same(member.value, $0) } ?? false }
        }
    }

    private func compare(_ bytes: [UInt8], counts: inout (agreed: Int, skipped: Int, refused: Int)) {
        let ours: Result<JSONValue, JSONSyntaxError> = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes) }
        let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        let shown = String(decoding: bytes, as: UTF8.self).debugDescription
        switch ours {
        case .failure(let error):
            if error.message.hasPrefix("duplicate key") || error.message.hasPrefix("lone surrogate") {
                counts.skipped += 1
                return
            }
            XCTAssertNil(theirs, "we refuse (\(error.message)) but Foundation accepts \(shown)")
            counts.refused += 1
        case .success(let value):
            guard let theirs else {
                XCTFail("we accept but Foundation refuses \(shown)")
                return
            }
            XCTAssertTrue(same(value, theirs), "values differ for \(shown): \(value) vs \(theirs)")
        }
        counts.agreed += 1
    }

    func testParserAgreesWithFoundationOnGeneratedAndMutatedDocuments() {
        var random = Random(state: 20_261_128)
        var counts = (agreed: 0, skipped: 0, refused: 0)
        var accepted = 0
        for _ in 0..<300 {
            let document = Array((space(&random) + value(&random, depth: 0) + space(&random)).utf8)
            XCTAssertNoThrow(try JSONParser.parse(document), String(decoding: document, as: UTF8.self))
            if (try? JSONParser.parse(document)) != nil { accepted += 1 }
            compare(document, counts: &counts)
            for _ in 0..<2 {
                compare(mutate(document, &random), counts: &counts)
            }
        }
        XCTAssertEqual(accepted, 300)
        // Most mutated inputs must have been compared, not skipped.
        XCTAssertGreaterThan(counts.agreed, 800)
        // …and the mutations must really break documents, or the comparison proves little.
        XCTAssertGreaterThan(counts.refused, 250)
    }
}

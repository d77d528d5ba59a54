@testable import PreferTerminal
import XCTest

/// Characters assembled from `wgetch` bytes: valid UTF-8 decodes, anything else is U+FFFD.
final class UTF8SequenceTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) -> (UInt32, needsMore: Bool) {
        var sequence = UTF8Sequence(lead: bytes[0])
        for byte in bytes.dropFirst() where sequence.needsMore { sequence.append(byte) }
        return (sequence.scalar, sequence.needsMore)
    }

    func testValidSequencesDecode() {
        XCTAssertEqual(decode([0xC3, 0xA9]).0, 0xE9)                   // é
        XCTAssertEqual(decode([0xE2, 0x82, 0xAC]).0, 0x20AC)           // €
        XCTAssertEqual(decode([0xF0, 0x9F, 0x9A, 0x80]).0, 0x1F680)    // 🚀
    }

    func testUndecodableBytesBecomeTheReplacementCharacter() {
        XCTAssertEqual(decode([0xFF]).0, 0xFFFD)                        // never a lead byte
        XCTAssertEqual(decode([0x80]).0, 0xFFFD)                        // a lone continuation
        XCTAssertEqual(decode([0xC0, 0xAF]).0, 0xFFFD)                  // overlong
        XCTAssertEqual(decode([0xED, 0xA0, 0x80]).0, 0xFFFD)            // a surrogate
        XCTAssertEqual(decode([0xF4, 0x90, 0x80, 0x80]).0, 0xFFFD)      // beyond U+10FFFF
        let cut = decode([0xE2, 0x82])
        XCTAssertTrue(cut.needsMore)
        XCTAssertEqual(cut.0, 0xFFFD, "an incomplete character")
        XCTAssertFalse(UTF8Sequence.isContinuation(0x28))
        XCTAssertTrue(UTF8Sequence.isContinuation(0xA9))
    }
}

import Foundation
import XCTest
@testable import PreferCore

final class HashingTests: XCTestCase {
    func testKnownVectorsMatch() {
        XCTAssertEqual(SHA256Hex.of(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256Hex.of([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256Hex.of(text: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testTheReferenceImplementationUsedByOtherTestsIsRight() {
        XCTAssertEqual(ReferenceSHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(ReferenceSHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testHashingAFileInChunksEqualsHashingItsBytes() throws {
        // 2.5 MiB crosses the 1 MiB chunk size twice and ends mid-chunk.
        var bytes = [UInt8](repeating: 0, count: 5 << 19)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 31 &+ i >> 9) }
        let path = NSTemporaryDirectory() + "prefer-hash-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try SHA256Hex.of(file: path), ReferenceSHA256.hex(bytes))
        XCTAssertEqual(SHA256Hex.of(bytes), ReferenceSHA256.hex(bytes))
    }

    func testHashingAMissingFileNamesIt() {
        XCTAssertThrowsError(try SHA256Hex.of(file: "/nonexistent/x.md")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/x.md: cannot be opened: No such file or directory")
        }
    }
}

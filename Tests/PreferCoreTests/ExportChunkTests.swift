import Foundation
import XCTest
@testable import PreferCore

/// A chunk of many pieces reaches a pipe whole and in order through `writev`, across the
/// limit of pieces per call and the pipe's buffer.
final class ExportChunkTests: XCTestCase {
    func testManyPiecesArriveInOrderThroughAPipe() throws {
        var chunk = ExportChunk()
        let shared = chunk.share { $0.append(contentsOf: Array(repeating: UInt8(ascii: "s"), count: 3000)) }
        for k in 0..<5000 {
            chunk.own.append(contentsOf: Array("line \(k) ".utf8))
            chunk.reference(shared)
            chunk.own.append(UInt8(ascii: "\n"))
        }
        chunk.finish()
        let expected = chunk.joined()
        XCTAssertGreaterThan(chunk.pieces.count, 3 * 1024)
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        let reader = ends[0], writer = ends[1]
        final class Received: @unchecked Sendable { var bytes: [UInt8] = [] }
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        Thread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress!, $0.count) }
                if count <= 0 { break }
                received.bytes.append(contentsOf: buffer[0..<count])
            }
            done.signal()
        }.start()
        try writeAll(writer, chunk, name: "pipe")
        close(writer)
        done.wait()
        close(reader)
        XCTAssertEqual(received.bytes.count, expected.count)
        XCTAssertTrue(received.bytes == expected)
    }
}

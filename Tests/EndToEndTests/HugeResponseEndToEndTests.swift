import Foundation
import XCTest

/// A 10 MB response without spaces in a real terminal: the first screen comes at once and
/// the process stays within a small multiple of the task line (it used to take 11 s to
/// show, 9 s to come back after undo, and 1.5 GB).
final class HugeResponseEndToEndTests: XCTestCase {
    static let unit = "abcdefghijklmnopqrstuvwxyz0123456789"

    /// Peak resident memory of a process in bytes (VmHWM of /proc/PID/status).
    private func peakBytes(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }

    /// The same sitting on a one-line task: what the process takes without a huge text.
    private func baseBytes() throws -> Int {
        let workspace = try Workspace(tasks: [["id": "small", "prompt": "Small question?", "response_a": "a",
                                               "response_b": "b"]])
        let tmux = try TmuxSession(workspace.labelCommand(), cols: 80, rows: 24, directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("Small question?")
        let pid = try XCTUnwrap(tmux.commandPID())
        return try XCTUnwrap(peakBytes(pid))
    }

    func testATenMegabyteResponseWithoutSpacesShowsAtOnceInBoundedMemory() throws {
        let response = String(String(repeating: Self.unit, count: 10_000_000 / 36 + 1).prefix(10_000_000))
        let workspace = try Workspace(tasks: [
            ["id": "huge", "prompt": "Huge question?", "response_a": response, "response_b": "Short."],
            ["id": "small", "prompt": "Small question?", "response_a": "a", "response_b": "b"],
        ])
        let lineBytes = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: workspace.path("tasks.jsonl"))[.size] as? Int)
        let base = try baseBytes()
        let started = Date()
        let tmux = try TmuxSession(workspace.labelCommand(), cols: 80, rows: 24, directory: workspace.root)
        defer { tmux.kill() }
        // The first screen: 16 lines of the response and the position of the first 64 KiB
        // block (1821 lines) with a `+`: the rest is not laid out yet.
        XCTAssertTrue(tmux.waitFor(" 1–16 of 1821+ ↓ ", timeout: 30))
        let firstScreen = Date().timeIntervalSince(started)
        let screen = tmux.screen()
        XCTAssertEqual(screen.filter { $0.contains(Self.unit) }.count, 16, screen.joined(separator: "\n"))
        XCTAssertTrue(screen[2].hasPrefix("│ Huge question?"), screen.joined(separator: "\n"))
        let pid = try XCTUnwrap(tmux.commandPID())

        // Label it, go on to the small task, undo: the huge task comes back as it was.
        usleep(500_000)
        try tmux.type("1")
        tmux.waitFor("Small question?", timeout: 30)
        usleep(200_000)
        let undone = Date()
        try tmux.type("u")
        tmux.waitFor("Huge question?", timeout: 30)
        XCTAssertTrue(tmux.waitFor(" 1–16 of 1821+ ↓ ", timeout: 30))
        let backAfterUndo = Date().timeIntervalSince(undone)
        try tmux.press("NPage")
        XCTAssertTrue(tmux.waitFor(" 16–31 of 1821+ ↓ "))

        // Memory: the line is held as read, as decoded text and as the task shown, with the
        // task before undo kept for its layout; 8 times the line bounds all of that with room,
        // while laying the whole response out (as before) took 150 times it.
        let peak = try XCTUnwrap(peakBytes(pid))
        let bound = base + 8 * lineBytes
        print("huge response: first screen \(firstScreen) s, back after undo \(backAfterUndo) s, "
              + "VmHWM \(peak >> 20) MiB (base \(base >> 20) MiB, line \(lineBytes >> 20) MiB, bound \(bound >> 20) MiB)")
        XCTAssertLessThan(peak, bound, "VmHWM \(peak >> 20) MiB; base \(base >> 20) MiB + 8 × the \(lineBytes >> 20) MiB line")
        try tmux.type("q")
        XCTAssertEqual(tmux.exitStatus(), 0)
    }
}

import Foundation
import XCTest

/// Issue 17 part 5: `prefer report --format html` of the repository's example opens in
/// headless Chromium (Debian's `chromium`), which takes a screenshot and dumps the DOM; the
/// page holds the named plots, needs nothing from elsewhere, and hostile task ids, rater names
/// and task keys show as text, never as elements. `.ci/run` installs chromium when missing;
/// elsewhere without it the test is skipped (never in CI).
final class ReportHTMLTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "prefer-html-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func chromium() throws -> String {
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("chromium missing in CI") }
        throw XCTSkip("Debian's chromium is needed")
    }

    /// Runs headless Chromium on a local file with a profile of its own.
    private func headless(_ browser: String, _ arguments: [String]) throws -> PreferBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(folder!)/profile", "--window-size=1280,4000"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A page that ran injected script could block Chromium on a dialog: never wait more
        // than a minute (the test then fails on the missing output).
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PreferBinary.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                   stderr: String(decoding: errData, as: UTF8.self))
    }

    private func report(_ arguments: [String]) throws -> String {
        let run = try PreferBinary.run(["report"] + arguments + ["--format", "html", "--bootstrap", "200"], in: Self.repository)
        XCTAssertEqual(run.status, 0, run.stderr)
        let path = folder + "/report-\(UUID().uuidString).html"
        try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testTheExampleReportOpensInChromiumWithEveryPlotAndAScreenshot() throws {
        let browser = try chromium()
        let page = try report(["benchmarks/report/example/sessions", "--tasks", "examples/demo/tasks.jsonl",
                               "--gold", "examples/demo/gold.jsonl", "--by", "category"])
        let html = try String(contentsOfFile: page, encoding: .utf8)
        // Self-contained: no script, no link, no source from elsewhere.
        for forbidden in ["<script", "<link", "src=", "href=", "@import", "url("] {
            XCTAssertFalse(html.contains(forbidden), "the page holds \(forbidden)")
        }
        let screenshot = folder + "/report.png"
        let shot = try headless(browser, ["--screenshot=\(screenshot)", "file://" + page])
        let png = FileManager.default.contents(atPath: screenshot) ?? Data()
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], shot.stderr)
        XCTAssertGreaterThan(png.count, 50_000, "a 1280×4000 page with plots is not blank")
        let dom = try headless(browser, ["--dump-dom", "file://" + page]).stdout
        for id in ["claims", "agreement-plot", "pair-heatmap", "winrate-forest", "rating-forest", "rater-speed-agreement",
                   "rater-bias", "group-panels"] {
            XCTAssertTrue(dom.contains("<figure id=\"\(id)\">") || dom.contains("<section id=\"\(id)\">"), "no \(id) in the DOM")
        }
        XCTAssertEqual(dom.components(separatedBy: "<svg").count - 1, 7, "seven plots")
        XCTAssertEqual(dom.components(separatedBy: "<li class=\"claim").count - 1, 7, "one claim per model pair")
        XCTAssertEqual(dom.components(separatedBy: "<rect ").count - 1, 25, "5×5 heat map cells")
        XCTAssertTrue(dom.contains("<h2>Most contested items</h2>"))
        XCTAssertTrue(dom.contains("class=\"flagged-name\""), "flagged raters are named in the scatter")
    }

    func testHostileTextShowsAsTextNeverAsAnElement() throws {
        let browser = try chromium()
        let evil = "<img src=x onerror=alert(1)>"
        let task = { (id: String) in
            #"{"id":"\#(id)","prompt":"p","response_a":"a","response_b":"bb","model_a":"<b>bold</b>","model_b":"m'2\"","category":"<script>alert(2)</script>"}"#
        }
        let ids = ["\"><svg onload=alert(3)>", "t&amp;2"]
        try (ids.map { task($0.replacingOccurrences(of: "\"", with: "\\\"")) }.joined(separator: "\n") + "\n")
            .write(toFile: folder + "/tasks.jsonl", atomically: true, encoding: .utf8)
        var lines = ""
        for id in ids {
            let quoted = id.replacingOccurrences(of: "\"", with: "\\\"")
            for (rater, choice) in [(evil, "A"), ("bo</td><td>", "B"), ("cy", "A")] {
                lines += #"{"type":"label","rater":"\#(rater)","task":"\#(quoted)","choice":"\#(choice)","left":"A","ms":900}"# + "\n"
            }
        }
        try FileManager.default.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
        try lines.write(toFile: folder + "/sessions/other-tool.jsonl", atomically: true, encoding: .utf8)
        let page = try report([folder + "/sessions", "--tasks", folder + "/tasks.jsonl", "--by", "category"])
        let dom = try headless(browser, ["--dump-dom", "file://" + page]).stdout
        XCTAssertTrue(dom.contains("<h1>Preference labeling report</h1>"), dom)
        for element in ["<img", "<script", "<b>", "<svg onload"] {
            XCTAssertFalse(dom.contains(element), "an injected \(element) element")
        }
        XCTAssertEqual(dom.components(separatedBy: "<td").count, dom.components(separatedBy: "</td>").count, "no cell was split")
        XCTAssertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt;"), "the rater name is shown as text")
        XCTAssertTrue(dom.contains("&lt;b&gt;bold&lt;/b&gt;"), "the model name is shown as text")
        XCTAssertTrue(dom.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "the group value is shown as text")
    }
}

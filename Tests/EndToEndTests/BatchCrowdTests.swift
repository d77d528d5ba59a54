import Foundation
import XCTest

/// A crowd batch end to end (issue 14's acceptance): several `prefer label --batch` processes
/// at once, each in its own terminal, coordinated only through the session files.
final class BatchCrowdTests: XCTestCase {
    private func crowdWorkspace(tasks: Int, toml: String, gold: [Int] = []) throws -> Workspace {
        let objects: [[String: Any]] = (1...tasks).map { n in
            ["id": "task-\(n)", "prompt": "Question number \(n)?", "response_a": "Answer alpha \(n).",
             "response_b": "Answer beta \(n)."]
        }
        let workspace = try Workspace(tasks: objects)
        try workspace.write("gold.jsonl", gold.map { #"{"task":"task-\#($0)","choice":"A"}"# }.joined(separator: "\n") + "\n")
        try workspace.write("batch.toml", toml)
        return workspace
    }

    private func start(_ workspace: Workspace, _ rater: String) throws -> TmuxSession {
        try TmuxSession([PreferBinary.path, "label", "--batch", "batch.toml", "--rater", rater, "--sessions", "sessions"],
                        cols: 100, rows: 30, directory: workspace.root)
    }

    /// Presses `key(rater, screen)` in every sitting in turn, each at least the choice guard
    /// after the last, until every screen says nothing is left.
    private func labelUntilDone(_ sittings: [String: TmuxSession], timeout: TimeInterval = 240,
                                key: (String, String) -> String) {
        let deadline = Date().addingTimeInterval(timeout)
        var finished: Set<String> = []
        while finished.count < sittings.count && Date() < deadline {
            usleep(420_000)
            for (rater, tmux) in sittings.sorted(by: { $0.key < $1.key }) where !finished.contains(rater) {
                let screen = tmux.screen().joined(separator: "\n")
                if screen.contains("Nothing left for you in this batch.") {
                    finished.insert(rater)
                    continue
                }
                guard screen.contains("Question number") else { continue }
                try? tmux.type(key(rater, screen))
            }
        }
        XCTAssertEqual(finished.count, sittings.count, "every rater reaches the end; not: \(Set(sittings.keys).subtracting(finished))")
    }

    /// Effective labels (SPEC §4, repeats left out) per task: rater → choice.
    private func effectiveLabels(_ workspace: Workspace, raters: [String]) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for rater in raters {
            for event in workspace.events(rater: rater) where event["repeat"] as? Bool != true {
                guard let task = event["task"] as? String else { continue }
                switch event["type"] as? String {
                case "label": result[task, default: [:]][rater] = event["choice"] as? String
                case "undo": result[task]?[rater] = nil
                default: break
                }
            }
        }
        return result
    }

    private func status(_ workspace: Workspace) throws -> [String: Any] {
        let result = try PreferBinary.run(["status", "--batch", "batch.toml", "--sessions", "sessions", "--format", "json"],
                                          in: workspace.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func testSixRatersAtOnceGiveEveryTaskThreeLabelsAndEveryoneTheGold() throws {
        let gold = [5, 20, 35, 50]
        let workspace = try crowdWorkspace(tasks: 60, toml: """
            name = "crowd-e2e"
            tasks = "tasks.jsonl"
            guideline = "guide.md"
            overlap = 3
            gold = "gold.jsonl"
            repeat_rate = 0.1

            """, gold: gold)
        let raters = ["r1", "r2", "r3", "r4", "r5", "r6"]
        var sittings: [String: TmuxSession] = [:]
        for rater in raters { sittings[rater] = try start(workspace, rater) }
        defer { sittings.values.forEach { $0.kill() } }
        for tmux in sittings.values { tmux.waitFor("Question number") }
        labelUntilDone(sittings) { rater, _ in rater == "r1" || rater == "r4" ? "1" : "2" }

        let labels = effectiveLabels(workspace, raters: raters)
        let goldIDs = Set(gold.map { "task-\($0)" })
        var overLabeled = 0
        for n in 1...60 where !goldIDs.contains("task-\(n)") {
            let count = labels["task-\(n)"]?.count ?? 0
            XCTAssertGreaterThanOrEqual(count, 3, "task-\(n) has \(count) effective labels")
            if count > 3 { overLabeled += 1 }
        }
        XCTAssertLessThanOrEqual(Double(overLabeled) / 56, 0.02, "over-labeled tasks: \(overLabeled)")
        for id in goldIDs {
            XCTAssertEqual(Set(labels[id]?.keys.map { $0 } ?? []), Set(raters), "every rater labeled gold \(id)")
        }

        var repeats = 0
        var orders: [[String]] = []
        for rater in raters {
            let events = workspace.events(rater: rater)
            orders.append(events.filter { $0["type"] as? String == "shown" && $0["repeat"] as? Bool != true }
                .compactMap { $0["task"] as? String })
            var firstLeft: [String: String] = [:]
            for event in events where event["type"] as? String == "label" {
                let task = event["task"] as! String
                if event["repeat"] as? Bool == true {
                    repeats += 1
                    XCTAssertNotNil(firstLeft[task], "a repeat comes after a first label")
                    XCTAssertNotEqual(event["left"] as? String, firstLeft[task], "a repeat has the sides swapped")
                } else if firstLeft[task] == nil {
                    firstLeft[task] = event["left"] as? String
                }
            }
        }
        XCTAssertGreaterThan(repeats, 0, "repeats happened")
        for i in orders.indices { for j in orders.indices where j > i { XCTAssertNotEqual(orders[i], orders[j]) } }

        let json = try status(workspace)
        XCTAssertEqual(json["done"] as? Int, 60)
        XCTAssertEqual(json["tasks"] as? Int, 60)
        XCTAssertEqual(json["untouched"] as? Int, 0)
        XCTAssertEqual(json["over_labeled_tasks"] as? Int, overLabeled)
        let perRater = (json["raters"] as? [[String: Any]] ?? []).reduce(into: [String: Int]()) {
            $0[$1["rater"] as! String] = $1["labels"] as? Int
        }
        for rater in raters {
            XCTAssertEqual(perRater[rater], labels.values.filter { $0[rater] != nil }.count, "status counts \(rater)'s labels")
        }
        for tmux in sittings.values { try tmux.type("q") }
        for tmux in sittings.values { XCTAssertEqual(tmux.exitStatus(), 0) }
    }
}

extension BatchCrowdTests {
    func testSplitTasksGetMoreLabelsUpToMaxOverlapAndMajoritiesNoMore() throws {
        let workspace = try crowdWorkspace(tasks: 12, toml: """
            name = "adaptive-e2e"
            tasks = "tasks.jsonl"
            guideline = "guide.md"
            overlap = 2
            max_overlap = 4

            """)
        // Two camps that never agree across camps: tie against both-bad.
        let raters = ["r1", "r2", "r3", "r4", "r5"]
        var sittings: [String: TmuxSession] = [:]
        for rater in raters { sittings[rater] = try start(workspace, rater) }
        defer { sittings.values.forEach { $0.kill() } }
        for tmux in sittings.values { tmux.waitFor("Question number") }
        labelUntilDone(sittings) { rater, _ in ["r1", "r3", "r5"].contains(rater) ? "t" : "x" }

        let json = try status(workspace)
        XCTAssertEqual(json["done"] as? Int, 12)
        XCTAssertLessThanOrEqual(json["over_labeled_tasks"] as? Int ?? 99, 0, "no task got a label it did not need")
        // Every task in arrival order: a label beyond the second only while split, at most 4.
        var timeline: [String: [(at: String, choice: String)]] = [:]
        for rater in raters {
            for event in workspace.events(ofType: "label", rater: rater) {
                timeline[event["task"] as! String, default: []].append((event["at"] as! String, event["choice"] as! String))
            }
        }
        var splitsSeen = 0
        for n in 1...12 {
            let labels = (timeline["task-\(n)"] ?? []).sorted { $0.at < $1.at }.map(\.choice)
            XCTAssertGreaterThanOrEqual(labels.count, 2)
            XCTAssertLessThanOrEqual(labels.count, 4)
            for k in 2..<max(2, labels.count) {
                let before = labels.prefix(k)
                let top = Dictionary(grouping: before, by: { $0 }).values.map(\.count).max() ?? 0
                XCTAssertFalse(top * 2 > k, "task-\(n): label \(k + 1) came after a strict majority \(before)")
            }
            let top = Dictionary(grouping: labels, by: { $0 }).values.map(\.count).max() ?? 0
            XCTAssertTrue(top * 2 > labels.count || labels.count == 4, "task-\(n) was left split below 4: \(labels)")
            if labels.count > 2 { splitsSeen += 1 }
        }
        XCTAssertGreaterThan(splitsSeen, 0, "the camps split some tasks")
        for tmux in sittings.values { try tmux.type("q") }
    }

    func testAKilledSittingsClaimExpiresAndItsTaskGoesToSomeoneElse() throws {
        let workspace = try crowdWorkspace(tasks: 3, toml: """
            name = "claims-e2e"
            tasks = "tasks.jsonl"
            guideline = "guide.md"
            overlap = 1
            order = "file"
            claim_minutes = 0.05

            """)
        let first = try start(workspace, "ana")
        defer { first.kill() }
        first.waitFor("Question number 1?")
        usleep(450_000)
        try first.type("1")
        first.waitFor("Question number 2?")
        workspace.waitForEvents("shown", count: 2, rater: "ana")
        let pid = try XCTUnwrap(first.commandPID())
        XCTAssertEqual(kill(pid, SIGKILL), 0)
        XCTAssertNotNil(first.exitStatus())

        let claimedAt = Date()
        let second = try start(workspace, "bo")
        defer { second.kill() }
        second.waitFor("Question number 3?")
        XCTAssertLessThan(Date().timeIntervalSince(claimedAt), 3, "task 2 was still claimed by ana's sitting")
        usleep(450_000)
        try second.type("1")
        // After claim_minutes (3 s) the nothing-left screen asks again and gets task 2.
        second.waitFor("Question number 2?", timeout: 15)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(claimedAt), 2.5)
        usleep(450_000)
        try second.type("1")
        second.waitFor("Nothing left for you in this batch.")
        XCTAssertEqual(workspace.events(ofType: "label", rater: "ana").map { $0["task"] as? String }, ["task-1"],
                       "ana's acknowledged label survived the kill")
        XCTAssertEqual(workspace.events(ofType: "label", rater: "bo").map { $0["task"] as? String }, ["task-3", "task-2"])
        try second.type("q")
        XCTAssertEqual(second.exitStatus(), 0)
    }
}

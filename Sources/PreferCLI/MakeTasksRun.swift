import Foundation
import PreferCore

/// One `make-tasks` run, with its output and messages passed in so that tests can run it whole.
struct MakeTasksRun {
    var questionsPath: String?
    var answerPaths: [String]
    var pairs: String
    var options: MakeTasksOptions
    var outputPath: String?

    init(command: MakeTasksCommand) {
        questionsPath = command.questions
        answerPaths = command.answers
        pairs = command.pairs
        options = MakeTasksOptions(models: command.models.map { $0.split(separator: ",").map(String.init) },
                                   turns: command.turns, seed: command.seed)
        outputPath = command.output
    }

    /// How many missing answers are listed one by one before the rest are counted.
    static let missingListed = 20

    @discardableResult
    func execute(standardOutput: ExportSink, note: (String) -> Void, warning: (String) -> Void) throws -> MadeTasks {
        let made: MadeTasks
        do {
            made = try make(standardOutput: standardOutput, warning: warning)
        } catch {
            switch error {
            case .invalidInput, .usage: throw CommandFailure.badInput(error.description + "\nNo task file was written.")
            case .output, .invalidOutput: throw CommandFailure.runtime(error.description)
            }
        }
        let sides = made.sides.keys.sorted().map { "\($0) \(made.sides[$0]!.a)/\(made.sides[$0]!.b)" }.joined(separator: ", ")
        note("wrote \(Counted.noun(made.ids.count, "task")) (\(made.conversationCount) in conversation form) to \(outputPath ?? "stdout"); A/B per model: \(sides)")
        return made
    }

    private func make(standardOutput: ExportSink, warning: (String) -> Void) throws(MakeTasksError) -> MadeTasks {
        var options = self.options
        options.pairs = try PairMode(parsing: pairs)
        let inputs = try BenchmarkInputs.load(questionsPath: questionsPath, answerPaths: answerPaths)
        for message in inputs.warnings { warning(message) }
        let made = try TaskMaker.make(inputs, options: options)
        for missing in made.missing.prefix(Self.missingListed) { warning(missing.description) }
        if made.missing.count > Self.missingListed {
            warning("… and \(Counted.noun(made.missing.count - Self.missingListed, "more missing answer", plural: "more missing answers"))")
        }
        for gap in made.questionsWithoutTurn.prefix(Self.missingListed) {
            warning("question \(gap.question) has no turn \(gap.turn)")
        }
        try ValidatedTaskOutput.write(made.bytes, to: outputPath, standardOutput: standardOutput)
        return made
    }
}

import ArgumentParser
import Foundation
import PreferCore
#if canImport(Glibc)
import Glibc
#endif

/// `prefer make-tasks`: a task file from benchmark questions and model outputs.
struct MakeTasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-tasks",
        abstract: "Build a task file from model outputs (MT-Bench or AlpacaEval layout).",
        discussion: """
        MT-Bench layout: --questions question.jsonl (question_id, category, turns) and answer files or folders (question_id, model_id, choices[0].turns), such as FastChat's model_answer/. AlpacaEval layout: JSON arrays or JSONL of instruction, output, generator, joined on the instruction (--questions is then optional).

        Ids are mt<question_id>-t<turn>-<A>-vs-<B> (AlpacaEval: ae<n>-<A>-vs-<B>). Which model is A is drawn with the seed so that each model is A in half of its comparisons with each other model. A turn-2 task is in conversation form: each side holds its own first answer. category, question_id and turn are kept as extra keys. A question that a model did not answer is reported on stderr. The file is checked with the same code as `prefer validate` before it is written. See docs/EXPORT.md.

        Examples:
          prefer make-tasks --questions mt-bench/question.jsonl \\
            --answers mt-bench/model_answer --models gpt-4,claude-v1,gpt-3.5-turbo \\
            -o tasks.jsonl
          prefer make-tasks --questions q.jsonl --answers answers/ \\
            --pairs baseline:gpt-4 --turns 1 > tasks.jsonl
          prefer make-tasks --answers alpaca/*/model_outputs.json \\
            --pairs sample:2 --seed 7 -o tasks.jsonl
        """
    )

    @Option(name: .long, help: ArgumentHelp("The questions (MT-Bench question.jsonl, or an AlpacaEval set).", valueName: "file"))
    var questions: String?

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Answer files or folders (*.json, *.jsonl inside).", valueName: "path"))
    var answers: [String] = []

    @Option(name: .long, help: ArgumentHelp("Models to compare, comma-separated (default: all with answers).", valueName: "m1,m2,…"))
    var models: String?

    @Option(name: .long, help: ArgumentHelp("all, baseline:MODEL or sample:N (N pairs per question).", valueName: "pairs"))
    var pairs: String = "all"

    @Option(name: .long, help: ArgumentHelp("Which turns become tasks.", valueName: "turns"))
    var turns: TurnSelection = .both

    @Option(name: .long, help: ArgumentHelp("Seed for which model is A and for sample:N.", valueName: "S"))
    var seed: UInt64 = 0

    @Option(name: .short, help: ArgumentHelp("Write to this file (replaced atomically) instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        if answers.isEmpty { throw ValidationError("name the answer files or folders with --answers") }
        if let models, models.split(separator: ",", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw ValidationError("--models must be comma-separated names without empty entries")
        }
    }

    func run() throws {
        try MakeTasksRun(command: self).execute(standardOutput: StandardStream.output.sink,
                                                note: Diagnostics.note, warning: Diagnostics.warning)
    }
}

extension TurnSelection: ExpressibleByArgument {}

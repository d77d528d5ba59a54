import Foundation

/// Makes a `Report` from files: sessions → effective labels → task models and gold → rating
/// matrix → statistics, then the lead's extras (coverage, contested items, flags).
public enum ReportBuilder {
    /// Reads every input and computes the report.
    public static func build(_ options: ReportOptions) throws(ReportFailure) -> Report {
        // The task file's scan needs nothing from the sessions, so it starts first, on a thread
        // of its own: it fills the core that replay (single-threaded) leaves idle, and every
        // thread joins it once the sessions are read.
        let scan = options.tasksPath.map { TaskFileScan(path: $0) }
        if let scan, (options.workers ?? ProcessInfo.processInfo.activeProcessorCount) > 1 { scan.startHelper() }
        let set: LabelSet
        let lookup: LabeledItemLookup
        do {
            (set, lookup) = try SessionLabelReader.readIndexed(paths: options.sessionPaths, workers: options.workers,
                                                                skipUnreadable: options.skipUnreadable)
        } catch {
            scan?.stop()
            throw .input(error)
        }
        var coded = set.coded
        var coverage = ReportCoverage()
        if let scan {
            let index: TaskModelIndex
            do {
                index = try TaskModelIndex.index(scan, items: coded.itemNames, lookup: lookup)
            } catch {
                throw .input(error)
            }
            coded.modelNames = index.modelNames
            coded.itemModelA = index.itemModelA
            coded.itemModelB = index.itemModelB
            coverage.tasksInFile = index.taskCount
            coverage.labeledTasksNotInFile = index.found.lazy.filter { !$0 }.count
        }
        if let goldPath = options.goldPath {
            let gold: GoldFile
            do {
                gold = try GoldFile.load(path: goldPath)
            } catch let failure as ValidationFailure {
                throw .input(failure)
            } catch let error as InputError {
                throw .input(ValidationFailure(errors: [error]))
            } catch {
                throw .input(ValidationFailure(errors: [InputError(file: goldPath, reason: "\(error)")]))
            }
            coded.itemGold = [String?](repeating: nil, count: coded.itemNames.count)
            var labeled = 0
            for (task, choice) in gold.answers {
                guard let item = lookup.item(task) else { continue }
                coded.itemGold[Int(item)] = choice
                labeled += 1
            }
            coverage.goldAnswers = gold.answers.count
            coverage.goldItemsLabeled = labeled
        }
        return try build(labels: set, coded: coded, coverage: coverage, options: options)
    }

    /// Computes the report from labels already read (models and gold filled in `coded`).
    static func build(labels set: LabelSet, coded: CodedLabels, coverage partial: ReportCoverage,
                      options: ReportOptions) throws(ReportFailure) -> Report {
        let matrix: RatingMatrix
        do {
            // Only choices of effective labels count (an undone label's choice declares nothing).
            var used = [Bool](repeating: false, count: coded.choiceNames.count)
            for c in coded.choice { used[Int(c)] = true }
            let choices = coded.choiceNames.indices.filter { used[$0] }.map { coded.choiceNames[$0] }
            let categories = try CategorySet.declare(choices: choices, explicit: options.categories,
                                                     ordinal: options.ordinal, scaleHint: set.scaleHint)
            matrix = try RatingMatrix(coded: coded, categories: categories)
        } catch {
            throw .statistics(error)
        }
        let summary = StatisticsSummary(matrix, bootstrap: options.bootstrap)
        var coverage = partial
        coverage.files = set.files.count
        coverage.sittings = set.sittings
        coverage.labelEvents = set.labelEvents
        coverage.undoEvents = set.undoEvents
        coverage.skipEvents = set.skipEvents
        matrix.fillCoverage(&coverage)
        return Report(
            options: options, summary: summary, coverage: coverage,
            contested: matrix.contestedItems(limit: options.contestedLimit),
            raterFlags: RaterFlagRules.flags(summary.raterDetails),
            winRateWithinNoise: summary.winRates.map { pair in
                guard let ci = pair.ci95.interval else { return true }
                return ci.lower <= 0.5 && 0.5 <= ci.upper
            },
            warnings: set.warnings)
    }
}

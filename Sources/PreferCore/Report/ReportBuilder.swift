import Foundation

/// Makes a `Report` from files: sessions → effective labels → task models and gold → rating
/// matrix → statistics, then the lead's extras (coverage, contested items, flags).
public enum ReportBuilder {
    /// Reads every input and computes the report.
    public static func build(_ options: ReportOptions) throws(ReportFailure) -> Report {
        // The task file's scan needs nothing from the sessions, so it starts first, on a thread
        // of its own: it fills the core that replay (single-threaded) leaves idle, and every
        // thread joins it once the sessions are read.
        let scan = options.tasksPath.map {
            TaskFileScan(path: $0, options: .init(rerun: "run the report again", readsAhead: true))
        }
        if let scan, (options.workers ?? ProcessInfo.processInfo.activeProcessorCount) > 1 { scan.startHelper() }
        var set: LabelSet
        let lookup: LabeledItemLookup
        // With a task file, each label's task_sha256 is kept too: the task-file rule needs it.
        var checked: ExportLabels?
        do {
            if scan != nil {
                let labels = try ExportLabels.read(paths: options.sessionPaths, workers: options.workers, keeping: .checks,
                                                skipUnreadable: options.skipUnreadable)
                (set, lookup, checked) = (labels.labelSet, labels.lookup, labels)
            } else {
                (set, lookup) = try SessionLabelReader.readIndexed(paths: options.sessionPaths, workers: options.workers,
                                                                    skipUnreadable: options.skipUnreadable)
            }
        } catch {
            scan?.stop()
            throw .input(error)
        }
        var coded = set.coded
        var coverage = ReportCoverage()
        coverage.labelsRead = set.count
        // Old item index → item of the report (-1: all its labels left out).
        var itemMap: [Int32]?
        var itemSHA256: [SHA256Bytes?] = []
        if let scan, let checked {
            let tasks: LabeledTaskFile
            let rule: TaskFileRule
            // The slices scanned from now on hash and measure their labeled lines as they read them.
            scan.readLabeledLines(TaskFileRule.linesRequest(labels: checked, groupKey: options.groupBy))
            do throws(ValidationFailure) {
                tasks = try scan.slices().labeled(lookup, items: coded.itemNames, duplicates: .labeledIds)
                rule = TaskFileRule(labels: checked, tasks: tasks)
            } catch {
                throw .input(error)
            }
            coded.modelNames = tasks.modelNames
            coded.itemModelA = tasks.items.modelA
            coded.itemModelB = tasks.items.modelB
            coded.itemLengthA = rule.lengths.a
            coded.itemLengthB = rule.lengths.b
            coded.itemGroup = rule.groups
            coverage.tasksInFile = tasks.count
            coverage.labeledTasksNotInFile = tasks.position.lazy.filter { $0 < 0 }.count
            coverage.leftOutUnknownTask = rule.unknownTask
            coverage.leftOutChangedContent = rule.changedContent
            coverage.firstUnknownTaskIds = rule.firstUnknownIds
            set.warnings += rule.warnings
            itemSHA256 = rule.itemSHA256
            if rule.unknownTask + rule.changedContent > 0 {
                let filtered = coded.subset(keeping: rule.keep)
                coded = filtered.coded
                itemMap = filtered.itemMap
            }
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
                guard var item = lookup.item(task) else { continue }
                if let itemMap {
                    item = itemMap[Int(item)]
                    if item < 0 { continue }
                }
                coded.itemGold[Int(item)] = choice
                labeled += 1
            }
            coverage.goldAnswers = gold.answers.count
            coverage.goldItemsLabeled = labeled
        }
        // Verdicts are counted apart; a lead who only adjudicated is not listed as a rater.
        let adjudication = AdjudicationSummary.make(verdicts: set.verdicts, coded: coded, readItems: set.coded.itemNames,
                                                    itemSHA256: itemSHA256)
        coded = coded.droppingLeadsWithoutLabels(Set(set.verdicts.map(\.rater)))
        var report = try build(labels: set, coded: coded, coverage: coverage, options: options)
        report.adjudication = adjudication.map { summary in
            var kept = summary
            kept.raters.removeAll { r in r.items == 0 && !coded.raterNames.contains(r.rater) }
            return kept
        }
        return report
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
        // The length-controlled fit needs only the matrix and takes tens of milliseconds on one
        // core (at --bootstrap 0, as long as the summary): it runs on a second core beside the
        // summary, the flags and the claims instead of after them.
        let fitted = JobResults<LengthControlledRatings?>(count: 1)
        let fit = DispatchGroup()
        let bootstrap = options.bootstrap
        DispatchQueue.global().async(group: fit) { fitted[0] = .some(matrix.lengthControlledRatings(bootstrap: bootstrap)) }
        let summary = StatisticsSummary(matrix, bootstrap: options.bootstrap)
        var coverage = partial
        coverage.files = set.files.count
        coverage.sittings = set.sittings
        coverage.labelEvents = set.labelEvents
        coverage.undoEvents = set.undoEvents
        coverage.skipEvents = set.skipEvents
        matrix.fillCoverage(&coverage)
        let flags = RaterFlagRules.flags(summary.raterDetails)
        let lengths = matrix.lengthBias()
        var report = Report(
            options: options, summary: summary, coverage: coverage,
            contested: matrix.contestedItems(limit: options.contestedLimit),
            raterFlags: flags,
            winRateWithinNoise: summary.winRates.map { pair in
                guard let ci = pair.ci95.interval else { return true }
                return ci.lower <= 0.5 && 0.5 <= ci.upper
            },
            warnings: set.warnings + SittingVersion.poolingWarnings(set.sittingVersions).map {
                InputError(file: options.sessionPaths.joined(separator: " "), reason: $0)
            },
            claims: matrix.pairClaims(summary, flags: flags, bootstrap: options.bootstrap),
            lengthBias: lengths?.overall, raterLengthBias: lengths?.raters ?? [],
            pooled: matrix.pooledPairAgreement(),
            lengthControlled: { fit.wait(); return fitted[0] ?? nil }(),
            breakdown: try options.groupBy.map { key throws(ReportFailure) in
                try GroupBreakdown.make(key: key, coded: coded, categories: matrix.categories, bootstrap: options.bootstrap)
            })
        report.repeatConsistency = set.repeatConsistency
        return report
    }
}

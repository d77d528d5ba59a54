import PreferCore

/// Decides what a lead sees, in which order: overview and coverage, agreement with plain
/// words, rater pairs, raters with flags, contested items, then win rates and ratings under
/// the agreement that qualifies them. Every name from the data is sanitized here.
enum ReportLayout {
    private typealias W = ReportWords
    /// Above this many raters the pair matrix is replaced by the lowest-agreement pairs.
    static let matrixLimit = 12
    static let yellow = "33"

    static func sections(_ report: Report) -> [ReportSection] {
        [claims(report), overview(report), agreement(report), pairs(report), raters(report), adjudication(report),
         contested(report), winRates(report), breakdown(report), selfConsistency(report)].compactMap { $0 }
    }

    /// Batch repeats (SPEC §10): how often each rater agreed with their own first label.
    static func selfConsistency(_ report: Report) -> ReportSection? {
        guard !report.repeatConsistency.isEmpty else { return nil }
        var table = ReportTable(["rater", "repeats", "same", "95% CI", "decisive", "same side of content", "95% CI", "flag"],
                                [.left, .right, .right, .right, .right, .right, .right, .left])
        func ci(_ e: IntervalEstimate) -> String {
            e.interval.map { "\(ReportWords.percent($0.lower))–\(ReportWords.percent($0.upper))" } ?? W.missing
        }
        for (rater, c) in report.repeatConsistency.sorted(by: { $0.key < $1.key }) {
            let low = RepeatConsistency.isLow(c)
            table.add([ReportWords.name(rater, width: 20), "\(c.repeats)", "\(c.same)", ci(c.selfConsistency), "\(c.decisive)",
                       "\(c.decisiveSame)", ci(c.positionConsistency), low ? "low self-consistency" : ""],
                      color: low ? yellow : nil)
        }
        return ReportSection(title: "Self-consistency (batch repeats)", blocks: [
            .table(table),
            .notes(["A repeat shows a task again with the sides swapped; \"same\": its canonical choice equals the rater's "
                    + "label of that task. Decisive: both choices name a side; \"same side of content\" means the rater "
                    + "followed the content, not the screen position. Wilson 95% intervals. Flagged: the interval's upper end "
                    + "is below \(Int(RepeatConsistency.flagBelow * 100))% with \(RepeatConsistency.flagMinimumRepeats) or more repeats."]),
        ])
    }

    /// `--by KEY`: one row of agreement per group, then win rates and ratings with the group.
    static func breakdown(_ report: Report) -> ReportSection? {
        guard let b = report.breakdown else { return nil }
        func name(_ value: String?) -> String { value.map { W.name($0, width: 24) } ?? "(no \(W.name(b.key, width: 16)))" }
        var agreement = ReportTable(["\(W.name(b.key, width: 16))", "items", "labels", "raters", "percent agreement", "95% CI",
                                     "α (nominal)", "95% CI"], [.left, .right, .right, .right, .right, .left, .right, .left])
        var wins = ReportTable([W.name(b.key, width: 16), "model A", "model B", "A wins", "B wins", "ties", "A win rate", "95% CI"],
                               [.left, .left, .left, .right, .right, .right, .right, .left])
        var ratings = ReportTable([W.name(b.key, width: 16), "model", "Bradley–Terry rating", "95% CI"], [.left, .left, .right, .left])
        for g in b.groups {
            let s = g.summary
            agreement.add([name(g.value), "\(s.items)", "\(s.labels)", "\(s.raters)", W.percent(s.percentAgreement),
                           W.interval(s.intervals.percentAgreement, percent: true), W.coefficient(s.alphaNominal),
                           W.interval(s.intervals.alphaNominal)])
            for w in s.winRates {
                wins.add([name(g.value), W.name(w.modelA, width: 20), W.name(w.modelB, width: 20), "\(w.winsA)", "\(w.winsB)",
                          "\(w.ties)", W.percent(w.winRate), W.interval(w.ci95, percent: true)])
            }
            for r in s.ratings {
                ratings.add([name(g.value), W.name(r.model, width: 20), W.rating(r.rating), W.ratingInterval(r.ci95)])
            }
        }
        var blocks: [ReportSection.Block] = [.table(agreement)]
        let reasons = W.reasons(b.groups.flatMap { g -> [(String, String?)] in
            [("α of \(name(g.value))", g.summary.alphaNominal.reason), ("α interval of \(name(g.value))", g.summary.intervals.alphaNominal.reason),
             ("agreement interval of \(name(g.value))", g.summary.intervals.percentAgreement.reason)]
        })
        if !reasons.isEmpty { blocks.append(.notes(reasons)) }
        if let d = b.difference {
            var line = "Agreement differs between \(name(d.weakest)) (weakest) and \(name(d.strongest)) (strongest) by "
                + "Δα = \(W.coefficient(d.difference))"
            if let ci = d.ci95.interval {
                line += ", 95% CI [\(W.coefficient(ci.lower)), \(W.coefficient(ci.upper))], bootstrap p \(W.pValue(d.p))"
            } else {
                line += " (no test: \(d.ci95.reason ?? ""))"
            }
            blocks.append(.notes([line + ". The groups' items are resampled independently."]))
        }
        if !wins.rows.isEmpty { blocks.append(.table(wins)) }
        if !ratings.rows.isEmpty { blocks.append(.table(ratings)) }
        return ReportSection(title: "By \(W.name(b.key, width: 24))", blocks: blocks)
    }

    /// First, what a lead came for: each model pair's win rate with what qualifies it.
    static func claims(_ report: Report) -> ReportSection {
        guard !report.claims.isEmpty else {
            let why = report.coverage.tasksInFile == nil
                ? "No claim about models: win rates need model names from a task file (--tasks)."
                : "No claim about models: no labeled item compares two models."
            return ReportSection(title: "The claim, in context", blocks: [.text(why)])
        }
        return ReportSection(title: "The claim, in context",
                             blocks: [.notes(report.claims.map { ReportWords.name($0.sentence, width: 4000) })])
    }

    static func overview(_ report: Report) -> ReportSection {
        let s = report.summary, c = report.coverage
        var blocks: [ReportSection.Block] = [
            .text("\(W.count(s.labels, "label")) from \(W.count(s.raters, "rater")) on \(W.count(s.items, "item")); "
                  + "\(W.count(c.pairableItems, "item", verb: ("has", "have"))) two or more labels."),
            .text("Read \(W.count(c.files, "session file")) (\(W.count(c.sittings, "sitting"))): "
                  + "\(W.count(c.labelEvents, "label event")), \(W.count(c.undoEvents, "undo event")) and "
                  + "\(W.count(c.skipEvents, "skip event"))."),
        ]
        var table = ReportTable(["labels per item", "items"], [.right, .right])
        for bucket in c.labelsPerItem { table.add(["\(bucket.labels)", "\(bucket.items)"]) }
        if !c.labelsPerItem.isEmpty { blocks.append(.table(table)) }
        if let tasks = c.tasksInFile {
            let missing = c.labeledTasksNotInFile ?? 0
            var line = "Task file: \(W.count(tasks, "task")), \(s.items) of them labeled; "
                + "\(W.count(c.itemsWithModels, "labeled item", verb: ("compares", "compare"))) two models"
            if missing > 0 { line += "; \(W.count(missing, "labeled task", verb: ("is", "are"))) not in the task file" }
            let leftOut = c.leftOutUnknownTask + c.leftOutChangedContent
            if leftOut > 0 {
                line += ". Left out, as export leaves them out: \(W.count(c.leftOutUnknownTask, "label")) of tasks not in the file, "
                    + "\(c.leftOutChangedContent) made on other content"
            }
            blocks.append(.text(line + "."))
        } else {
            blocks.append(.text("No task file (--tasks): win rates and ratings need model names."))
        }
        if let gold = c.goldAnswers {
            blocks.append(.text("Gold file: \(W.count(gold, "answer")), \(c.goldItemsLabeled ?? 0) of them on labeled items."))
        }
        let categories = s.categories.names.map { ReportWords.name($0, width: 16) }.joined(separator: ", ")
        blocks.append(.text("Categories: \(categories) (\(s.categories.isOrdered ? "ordered" : "unordered"))."))
        if !report.warnings.isEmpty {
            blocks.append(.notes(report.warnings.map { "warning: " + ReportWords.name($0.description, width: 200) }))
        }
        return ReportSection(title: "Overview", blocks: blocks)
    }

    static func agreement(_ report: Report) -> ReportSection {
        let s = report.summary
        var table = ReportTable(["statistic", "value", "95% CI", "reading"], [.left, .right, .left, .left])
        func row(_ label: String, _ e: Estimate, _ ci: IntervalEstimate?, reading: (Double) -> String) {
            table.add([label, ReportWords.coefficient(e), ci.map { ReportWords.interval($0) } ?? "",
                       e.value.map(reading) ?? ReportWords.missing])
        }
        row("percent agreement", s.percentAgreement, s.intervals.percentAgreement) {
            "raters agree on \(ReportWords.percent($0)) of label pairs"
        }
        row("Krippendorff's α (nominal)", s.alphaNominal, s.intervals.alphaNominal, reading: ReportWords.alphaReading)
        if s.categories.isOrdered {
            row("Krippendorff's α (ordinal)", s.alphaOrdinal, nil, reading: ReportWords.alphaReading)
            row("Krippendorff's α (interval)", s.alphaInterval, nil, reading: ReportWords.alphaReading)
        }
        row("Fleiss' κ", s.fleissKappa, s.intervals.fleissKappa, reading: ReportWords.kappaReading)
        row("Gwet's AC1", s.gwetAC1, s.intervals.gwetAC1, reading: ReportWords.kappaReading)
        if let pooled = report.pooled {
            // MT-Bench's table: every pair of votes on an item once, pooled over items.
            table.add(["pooled vote pairs (MT-Bench)", ReportWords.percent(pooled.agreement), "",
                       "\(pooled.agreeingPairs) of \(W.count(pooled.pairs, "vote pair")) agree"])
            table.add(["… without ties (MT-Bench S2)", ReportWords.percent(pooled.agreementWithoutTies), "",
                       "\(pooled.agreeingPairsWithoutTies) of \(W.count(pooled.pairsWithoutTies, "vote pair")) agree"])
        }
        var notes = ReportWords.reasons([
            ("percent agreement", s.percentAgreement.reason), ("α nominal", s.alphaNominal.reason),
            ("Fleiss' κ", s.fleissKappa.reason), ("AC1", s.gwetAC1.reason),
            ("intervals", s.intervals.percentAgreement.reason),
        ])
        if let pa = s.percentAgreement.value, let kappa = (s.fleissKappa.value ?? s.alphaNominal.value),
           let ac1 = s.gwetAC1.value, pa >= 0.8, kappa < 0.4, ac1 > kappa + 0.2 {
            notes.append("High agreement but low κ/α: the choices are skewed (the kappa paradox); AC1 is the better guide here.")
        }
        let boot = s.bootstrap.resamples > 0
            ? "Intervals: percentile bootstrap over items, \(W.count(s.bootstrap.resamples, "resample")), seed \(s.bootstrap.seed)."
            : "Intervals are off (--bootstrap 0)."
        if let setAside = ReportWords.setAside(s) { notes.append(setAside) }
        return ReportSection(title: "Agreement", blocks: [.table(table), .notes(notes + [boot])])
    }

    static func pairs(_ report: Report) -> ReportSection? {
        let s = report.summary
        guard !s.pairs.isEmpty else { return nil }
        if s.raters <= matrixLimit {
            let names = s.raterDetails.map(\.rater)
            var kappa: [String: [String: String]] = [:]
            for p in s.pairs {
                let value = ReportWords.coefficient(p.cohenKappa)
                kappa[p.first, default: [:]][p.second] = value
                kappa[p.second, default: [:]][p.first] = value
            }
            var table = ReportTable([""] + names.map { ReportWords.name($0, width: 10) },
                                    [.left] + names.map { _ in .right })
            for a in names {
                table.add([ReportWords.name(a, width: 14)] + names.map { b in a == b ? "·" : kappa[a]?[b] ?? "" })
            }
            let complete = s.pairs.count == names.count * (names.count - 1) / 2
            return ReportSection(title: "Rater pairs",
                                 blocks: [.text("Cohen's κ on the items both raters labeled.")
                                          , .table(table)] + (complete ? [] : [.notes(["An empty cell: the two raters share no item."])]))
        }
        let ranked = s.pairs.filter { $0.cohenKappa.value != nil }
            .sorted { ($0.cohenKappa.value!, $0.first, $0.second) < ($1.cohenKappa.value!, $1.first, $1.second) }
        let kappas = ranked.map { $0.cohenKappa.value! }
        var blocks: [ReportSection.Block] = []
        if !kappas.isEmpty {
            blocks.append(.text("\(W.count(s.pairs.count, "pair", verb: ("shares", "share"))) items; Cohen's κ median \(ReportWords.coefficient(kappas[kappas.count / 2])), "
                                + "range \(ReportWords.coefficient(kappas[0])) to \(ReportWords.coefficient(kappas[kappas.count - 1])). "
                                + "The pairs that agree least:"))
        }
        var table = ReportTable(["rater", "rater", "shared items", "agreement", "Cohen's κ"], [.left, .left, .right, .right, .right])
        for p in ranked.prefix(10) {
            table.add([ReportWords.name(p.first, width: 20), ReportWords.name(p.second, width: 20), "\(p.items)",
                       ReportWords.percent(p.percentAgreement), ReportWords.coefficient(p.cohenKappa)])
        }
        blocks.append(.table(table))
        return ReportSection(title: "Rater pairs", blocks: blocks)
    }

    static func raters(_ report: Report) -> ReportSection? {
        let s = report.summary
        guard !s.raterDetails.isEmpty else { return nil }
        var table = ReportTable(["rater", "labels", "agrees w/ others", "left rate", "p (position)", "tie", "both bad",
                                 "median time", "gold", "flags"],
                                [.left, .right, .right, .right, .right, .right, .right, .right, .right, .left])
        let lengths = Dictionary(uniqueKeysWithValues: report.raterLengthBias.compactMap { b in b.rater.map { ($0, b) } })
        if report.lengthBias != nil {
            table.headers.insert(contentsOf: ["longer", "p (length)"], at: 5)
            table.alignments.insert(contentsOf: [.right, .right], at: 5)
        }
        for (r, flags) in zip(s.raterDetails, report.raterFlags) {
            let gold = r.goldLabels > 0 ? "\(ReportWords.percent(r.goldAccuracy)) of \(r.goldLabels)" : ReportWords.missing
            table.add([ReportWords.name(r.rater, width: 20), "\(r.labels)", ReportWords.percent(r.agreementWithOthers),
                       ReportWords.percent(r.leftRate), ReportWords.pValue(r.positionBiasP), ReportWords.percent(r.tieRate),
                       ReportWords.percent(r.bothBadRate), ReportWords.duration(r.medianMilliseconds), gold,
                       flags.map(\.words).joined(separator: ", ")].inserting(report.lengthBias == nil ? [] : [
                        lengths[r.rater].map { ReportWords.percent($0.share) } ?? W.missing,
                        lengths[r.rater].map { ReportWords.pValue($0.p) } ?? W.missing], at: 5),
                      color: flags.isEmpty ? nil : yellow)
        }
        let flagged = report.raterFlags.filter { !$0.isEmpty }.count
        // A rater with no effective label has only dashes in the row; say why once.
        let empty = s.raterDetails.filter { $0.labels == 0 }.map { ReportWords.name($0.rater, width: 20) }
        var lengthNote: [String] = []
        if let all = report.lengthBias {
            lengthNote = ["Length bias: all raters chose the longer response in \(ReportWords.percent(all.share)) of "
                          + "\(W.count(all.compared, "decisive label")) (exact binomial p \(ReportWords.pValue(all.p))); "
                          + "\(all.withinBand) on pairs within \(LengthBias.equalBand) characters are left out. "
                          + "\"longer\": each rater's share, \"p (length)\": its test."]
        }
        let emptyNote = lengthNote + (empty.isEmpty ? [] : [empty.joined(separator: ", ") + ": no effective label (every label undone, "
                                             + "or only skips); the row shows \(ReportWords.missing) for each rate."])
        return ReportSection(title: "Raters", blocks: [
            .table(table),
            .notes(emptyNote + ["\(flagged) of \(W.count(s.raters, "rater")) flagged. Position bias: left rate against 50% by an exact binomial test, "
                    + "p below 0.05 ÷ raters tested. Outlying agreement: below Q1 − 1.5·IQR of the team. Very fast: under a "
                    + "third of the team's median time. Gold accuracy: under 70% on five or more gold items."]),
        ])
    }

    /// The leads' verdicts (only when there are some): how many items, and each rater's
    /// accuracy against them. Never part of the agreement above.
    static func adjudication(_ report: Report) -> ReportSection? {
        guard let a = report.adjudication else { return nil }
        var table = ReportTable(["rater", "adjudicated items labeled", "agrees with verdict"], [.left, .right, .right])
        for r in a.raters {
            table.add([ReportWords.name(r.rater, width: 20), "\(r.items)",
                       r.accuracy.map { "\(ReportWords.percent($0)) (\(r.agreed) of \(r.items))" } ?? W.missing])
        }
        let leads = a.leads.map { ReportWords.name($0, width: 20) }.joined(separator: ", ")
        return ReportSection(title: "Adjudication", blocks: [
            .text("\(W.count(a.items, "item", verb: ("has", "have"))) a verdict (by \(leads)). Verdicts are not labels: "
                  + "the agreement statistics above leave them out."),
            .table(table),
        ])
    }

    static func contested(_ report: Report) -> ReportSection? {
        guard !report.contested.isEmpty else { return nil }
        var table = ReportTable(["task", "labels", "agreement", "choices", "models", "gold"],
                                [.left, .right, .right, .left, .left, .left])
        for item in report.contested {
            let choices = item.counts.map { "\(ReportWords.name($0.choice, width: 12)) \($0.count)" }.joined(separator: " · ")
            let models = [item.modelA, item.modelB].compactMap { $0.map { ReportWords.name($0, width: 18) } }
                .joined(separator: " vs ")
            table.add([ReportWords.name(item.task, width: 40), "\(item.labels)", ReportWords.percent(item.agreement),
                       choices, models.isEmpty ? ReportWords.missing : models,
                       item.gold.map { ReportWords.name($0, width: 12) } ?? ""])
        }
        return ReportSection(title: "Most contested items", blocks: [.table(table)])
    }

    static func winRates(_ report: Report) -> ReportSection? {
        let s = report.summary
        guard !s.winRates.isEmpty || !s.ratings.isEmpty else { return nil }
        var blocks: [ReportSection.Block] = [.text(ReportWords.noiseSentence(report))]
        var table = ReportTable(["model A", "model B", "A wins", "B wins", "ties", "both bad", "A win rate", "95% CI",
                                 "with ties", ""],
                                [.left, .left, .right, .right, .right, .right, .right, .left, .right, .left])
        for (w, noise) in zip(s.winRates, report.winRateWithinNoise) {
            table.add([ReportWords.name(w.modelA, width: 24), ReportWords.name(w.modelB, width: 24), "\(w.winsA)",
                       "\(w.winsB)", "\(w.ties)", "\(w.bothBad)", ReportWords.percent(w.winRate),
                       ReportWords.interval(w.ci95, percent: true), ReportWords.percent(w.winRateWithTies),
                       noise ? "within noise" : ""])
        }
        if !s.winRates.isEmpty { blocks.append(.table(table)) }
        let lc = report.lengthControlled
        var ratings = ReportTable(["model", "Bradley–Terry rating", "95% CI"] + (lc == nil ? [] : ["length-controlled", "95% CI"]),
                                  [.left, .right, .left] + (lc == nil ? [] : [.right, .left]))
        let controlled = Dictionary(uniqueKeysWithValues: (lc?.ratings ?? []).map { ($0.model, $0) })
        for r in s.ratings.sorted(by: { ($0.rating.value ?? -.infinity, $1.model) > ($1.rating.value ?? -.infinity, $0.model) }) {
            var row = [ReportWords.name(r.model, width: 24), ReportWords.rating(r.rating), ReportWords.ratingInterval(r.ci95)]
            if lc != nil {
                let c = controlled[r.model]
                row += [c.map { ReportWords.rating($0.rating) } ?? W.missing, c.map { ReportWords.ratingInterval($0.ci95) } ?? W.missing]
            }
            ratings.add(row)
        }
        if !s.ratings.isEmpty { blocks.append(.table(ratings)) }
        if let lc, !s.ratings.isEmpty {
            let gamma = lc.lengthCoefficient.value.map { "length coefficient γ = \(ReportWords.coefficient($0))"
                + (lc.lengthCoefficientCI.interval.map { ", 95% CI [\(ReportWords.coefficient($0.lower)), \(ReportWords.coefficient($0.upper))]" } ?? "") }
                ?? "length coefficient undefined (\(lc.lengthCoefficient.reason ?? ""))"
            blocks.append(.notes(["Length-controlled: Bradley–Terry with one more coefficient for the standardized normalized "
                                  + "length difference (as Chatbot Arena's style control), on \(W.count(lc.labels, "label")); "
                                  + gamma + " (log-odds of a win per standard deviation of the difference)."]))
        }
        blocks.append(.notes(ReportWords.reasons(s.ratings.map { ("rating of \(ReportWords.name($0.model, width: 24))", $0.rating.reason) }
                                                 + s.ratings.map { ("interval", $0.ci95.reason) })))
        return ReportSection(title: "Win rates and ratings", blocks: blocks)
    }
}

/// `prefer report --format json`: the keys of SPEC §8, in that order, plus `categories`,
/// `bootstrap`, `coverage`, `contested_items` and `warnings`.
///
/// An undefined value is `null`, and the object holding it gets a `reasons` member that maps
/// the key to the reason (`"reasons":{"fleiss_kappa":"items have 2 to 3 labels …"}`). Numbers
/// are written in Swift's shortest round-trip form, so equal reports give equal bytes.
public enum ReportJSON {
    /// The document as compact, cat-safe JSON text followed by a newline.
    public static func render(_ report: Report) -> String {
        JSONWriter.serialize(document(report)) + "\n"
    }

    /// The document as a JSON value.
    public static func document(_ report: Report) -> JSONValue {
        let s = report.summary
        var top = ObjectBuilder()
        top.int("items", s.items)
        top.int("raters", s.raters)
        top.int("labels", s.labels)
        top.add("agreement", agreement(s))
        top.add("raters_detail", .array(zip(s.raterDetails, report.raterFlags).map(rater)))
        top.add("win_rates", .array(zip(s.winRates, report.winRateWithinNoise).map(winRate)))
        top.add("ratings", .array(s.ratings.map(rating)))
        top.add("categories", categories(s.categories))
        top.add("bootstrap", .object([
            JSONMember("resamples", .number(String(s.bootstrap.resamples))),
            JSONMember("seed", .number(String(s.bootstrap.seed))),
        ]))
        top.add("coverage", coverage(report.coverage))
        top.add("contested_items", .array(report.contested.map(contested)))
        top.add("warnings", .array(report.warnings.map { .string($0.description) }))
        top.add("claims", .array(report.claims.map(claim)))
        // Only batches with repeats have this key, so other reports stay byte for byte as they were.
        if !report.repeatConsistency.isEmpty {
            top.add("self_consistency", .array(report.repeatConsistency.sorted { $0.key < $1.key }.map { rater, c in
                var o = ObjectBuilder()
                o.add("rater", .string(rater))
                o.int("repeats", c.repeats)
                o.int("same", c.same)
                o.add("share", c.repeats > 0 ? number(Double(c.same) / Double(c.repeats)) : .null)
                o.add("ci95", c.selfConsistency.interval.map { .array([number($0.lower), number($0.upper)]) } ?? .null)
                o.int("decisive_repeats", c.decisive)
                o.int("decisive_same", c.decisiveSame)
                o.add("position_ci95", c.positionConsistency.interval.map { .array([number($0.lower), number($0.upper)]) } ?? .null)
                o.add("low", .bool(RepeatConsistency.isLow(c)))
                return o.value
            }))
        }
        if let pooled = report.pooled {
            var o = ObjectBuilder()
            o.int("agreeing_pairs", pooled.agreeingPairs)
            o.int("pairs", pooled.pairs)
            o.estimate("agreement", pooled.agreement)
            o.int("agreeing_pairs_without_ties", pooled.agreeingPairsWithoutTies)
            o.int("pairs_without_ties", pooled.pairsWithoutTies)
            o.estimate("agreement_without_ties", pooled.agreementWithoutTies)
            top.add("pooled_pair_agreement", o.value)
        }
        top.optional("length_bias", report.lengthBias.map { overall in
            .object([JSONMember("overall", lengthBias(overall)),
                     JSONMember("raters", .array(report.raterLengthBias.map(lengthBias)))])
        }, orNull: "no task file (--tasks), so no response lengths")
        top.optional("length_controlled_ratings", report.lengthControlled.map { lc in
            var o = ObjectBuilder()
            o.int("labels", lc.labels)
            o.estimate("length_coefficient", lc.lengthCoefficient)
            o.interval("length_coefficient_ci95", lc.lengthCoefficientCI)
            o.add("ratings", .array(lc.ratings.map(rating)))
            return o.value
        }, orNull: "no task file (--tasks), so no response lengths")
        if let b = report.breakdown { top.add("breakdown", breakdown(b)) }
        if let a = report.adjudication { top.add("adjudication", adjudication(a)) }
        return top.value
    }

    private static func breakdown(_ b: GroupBreakdown) -> JSONValue {
        var o = ObjectBuilder()
        o.add("key", .string(b.key))
        o.add("groups", .array(b.groups.map { g in
            var e = ObjectBuilder()
            e.optional("value", g.value.map { .string($0) }, orNull: "the tasks of this group have no \(b.key)")
            e.int("items", g.summary.items)
            e.int("raters", g.summary.raters)
            e.int("labels", g.summary.labels)
            e.add("agreement", agreement(g.summary))
            e.add("win_rates", .array(g.summary.winRates.map { w in
                let ci = w.ci95.interval
                return winRate(w, ci.map { $0.lower <= 0.5 && 0.5 <= $0.upper } ?? true)
            }))
            e.add("ratings", .array(g.summary.ratings.map(rating)))
            return e.value
        }))
        if let d = b.difference {
            var e = ObjectBuilder()
            e.optional("weakest", d.weakest.map { .string($0) }, orNull: "tasks without the key")
            e.optional("strongest", d.strongest.map { .string($0) }, orNull: "tasks without the key")
            e.double("alpha_difference", d.difference)
            e.interval("ci95", d.ci95)
            e.estimate("p", d.p)
            o.add("agreement_difference", e.value)
        } else {
            o.optional("agreement_difference", nil, orNull: "fewer than two groups have a nominal α")
        }
        return o.value
    }

    /// `{"items":N,"leads":[…],"raters":[{"rater":…,"items":n,"agreed":k,"accuracy":x|null}]}`.
    private static func adjudication(_ a: AdjudicationSummary) -> JSONValue {
        var o = ObjectBuilder()
        o.int("items", a.items)
        o.add("leads", .array(a.leads.map { .string($0) }))
        o.add("raters", .array(a.raters.map { r in
            var e = ObjectBuilder()
            e.add("rater", .string(r.rater))
            e.int("items", r.items)
            e.int("agreed", r.agreed)
            e.optional("accuracy", r.accuracy.map(number), orNull: "labeled no adjudicated item")
            return e.value
        }))
        return o.value
    }

    private static func agreement(_ s: StatisticsSummary) -> JSONValue {
        var a = ObjectBuilder()
        a.estimate("percent_agreement", s.percentAgreement)
        a.estimate("fleiss_kappa", s.fleissKappa)
        a.estimate("gwet_ac1", s.gwetAC1)
        var alpha = ObjectBuilder()
        alpha.estimate("nominal", s.alphaNominal)
        alpha.estimate("ordinal", s.alphaOrdinal)
        alpha.estimate("interval", s.alphaInterval)
        a.add("krippendorff_alpha", alpha.value)
        var ci = ObjectBuilder()
        ci.interval("percent_agreement", s.intervals.percentAgreement)
        ci.interval("krippendorff_alpha_nominal", s.intervals.alphaNominal)
        ci.interval("gwet_ac1", s.intervals.gwetAC1)
        ci.interval("fleiss_kappa", s.intervals.fleissKappa)
        a.add("ci95", ci.value)
        a.add("pairs", .array(s.pairs.map(pair)))
        // Only reports with set-aside labels (likert5 both_bad) have this key, so others stay
        // byte for byte as they were.
        if s.setAsideCounts.contains(where: { $0 > 0 }) {
            a.add("set_aside_labels", .object(zip(s.categories.setAside, s.setAsideCounts).map {
                JSONMember($0, .number(String($1)))
            }))
        }
        return a.value
    }

    private static func pair(_ p: RaterPairAgreement) -> JSONValue {
        var o = ObjectBuilder()
        o.add("raters", .array([.string(p.first), .string(p.second)]))
        o.int("items", p.items)
        o.estimate("percent_agreement", p.percentAgreement)
        o.estimate("cohen_kappa", p.cohenKappa)
        o.estimate("cohen_kappa_linear", p.cohenKappaLinear)
        o.estimate("cohen_kappa_quadratic", p.cohenKappaQuadratic)
        o.estimate("scott_pi", p.scottPi)
        return o.value
    }

    private static func rater(_ r: RaterDiagnostics, _ flags: [RaterFlag]) -> JSONValue {
        var o = ObjectBuilder()
        o.add("rater", .string(r.rater))
        o.int("labels", r.labels)
        o.estimate("agreement_with_others", r.agreementWithOthers)
        o.estimate("left_rate", r.leftRate)
        o.estimate("position_bias_p", r.positionBiasP)
        o.estimate("tie_rate", r.tieRate)
        o.estimate("both_bad_rate", r.bothBadRate)
        o.estimate("median_ms", r.medianMilliseconds)
        o.estimate("gold_accuracy", r.goldAccuracy)
        o.int("compared_items", r.comparedItems)
        o.int("decisive_labels", r.decisiveLabels)
        o.int("gold_labels", r.goldLabels)
        o.add("flags", .array(flags.map { .string($0.rawValue) }))
        return o.value
    }

    private static func winRate(_ w: ModelPairWinRate, _ withinNoise: Bool) -> JSONValue {
        var o = ObjectBuilder()
        o.add("model_a", .string(w.modelA))
        o.add("model_b", .string(w.modelB))
        o.int("wins_a", w.winsA)
        o.int("wins_b", w.winsB)
        o.int("ties", w.ties)
        o.int("both_bad", w.bothBad)
        o.estimate("win_rate", w.winRate)
        o.interval("ci95", w.ci95)
        o.estimate("win_rate_with_ties", w.winRateWithTies)
        o.add("within_noise", .bool(withinNoise))
        return o.value
    }

    private static func rating(_ r: ModelRating) -> JSONValue {
        var o = ObjectBuilder()
        o.add("model", .string(r.model))
        o.estimate("rating", r.rating)
        o.interval("ci95", r.ci95)
        return o.value
    }

    private static func claim(_ c: PairClaim) -> JSONValue {
        var o = ObjectBuilder()
        o.add("model_a", .string(c.modelA))
        o.add("model_b", .string(c.modelB))
        o.optional("leader", c.leader.map { .string($0) }, orNull: c.decisive == 0 ? "no decisive label" : "the decisive labels split evenly")
        o.estimate("win_rate", c.winRate)
        o.interval("ci95", c.ci95)
        o.int("labels", c.labels)
        o.int("decisive", c.decisive)
        o.int("items", c.items)
        o.int("raters", c.raters)
        o.estimate("alpha_nominal", c.alpha)
        o.interval("alpha_ci95", c.alphaCI)
        o.int("left_chosen", c.leftChosen)
        o.int("sided", c.sided)
        o.estimate("position_p", c.positionP)
        o.int("longer_chosen", c.longerChosen)
        o.int("length_compared", c.lengthCompared)
        o.estimate("length_p", c.lengthP)
        o.add("flagged_shares", .array(c.flaggedShares.map {
            .object([JSONMember("rater", .string($0.rater)), JSONMember("share", number($0.share)),
                     JSONMember("flags", .array($0.flags.map { .string($0.rawValue) }))])
        }))
        o.add("warnings", .array(c.warnings.map { .string($0.rawValue) }))
        o.add("sentence", .string(c.sentence))
        return o.value
    }

    private static func lengthBias(_ b: LengthBias) -> JSONValue {
        var o = ObjectBuilder()
        if let rater = b.rater { o.add("rater", .string(rater)) }
        o.int("longer_chosen", b.longerChosen)
        o.int("compared", b.compared)
        o.int("within_band", b.withinBand)
        o.estimate("share", b.share)
        o.estimate("p", b.p)
        return o.value
    }

    private static func categories(_ c: CategorySet) -> JSONValue {
        var o = ObjectBuilder()
        o.add("names", .array(c.names.map { .string($0) }))
        o.add("ordered", .bool(c.isOrdered))
        o.optional("values", c.isOrdered ? .array(c.values.map(number)) : nil,
                   orNull: "the categories are not ordered, so they have no values")
        o.optional("scale", c.scale.map { .string($0.rawValue) },
                   orNull: "the choices do not all belong to one known scale (pairwise, likert5)")
        return o.value
    }

    private static func coverage(_ c: ReportCoverage) -> JSONValue {
        var o = ObjectBuilder()
        o.int("files", c.files)
        o.int("sittings", c.sittings)
        o.add("events", .object([
            JSONMember("label", .number(String(c.labelEvents))),
            JSONMember("undo", .number(String(c.undoEvents))),
            JSONMember("skip", .number(String(c.skipEvents))),
        ]))
        o.add("labels_per_item", .array(c.labelsPerItem.map {
            .object([JSONMember("labels", .number(String($0.labels))), JSONMember("items", .number(String($0.items)))])
        }))
        o.int("pairable_items", c.pairableItems)
        o.optionalInt("tasks_in_file", c.tasksInFile, orNull: noTaskFile)
        o.optionalInt("labeled_tasks_not_in_file", c.labeledTasksNotInFile, orNull: noTaskFile)
        o.int("items_with_models", c.itemsWithModels)
        o.int("labels_read", c.labelsRead)
        o.add("left_out", .object([
            JSONMember("unknown_task", .number(String(c.leftOutUnknownTask))),
            JSONMember("changed_content", .number(String(c.leftOutChangedContent))),
        ]))
        o.optionalInt("gold_answers", c.goldAnswers, orNull: noGoldFile)
        o.optionalInt("gold_items_labeled", c.goldItemsLabeled, orNull: noGoldFile)
        return o.value
    }

    private static func contested(_ item: ContestedItem) -> JSONValue {
        var o = ObjectBuilder()
        o.add("task", .string(item.task))
        o.int("labels", item.labels)
        o.double("agreement", item.agreement)
        o.add("counts", .object(item.counts.map { JSONMember($0.choice, .number(String($0.count))) }))
        let noModels = "no task file (--tasks) names this task's models"
        o.optional("model_a", item.modelA.map { .string($0) }, orNull: noModels)
        o.optional("model_b", item.modelB.map { .string($0) }, orNull: noModels)
        o.optional("gold", item.gold.map { .string($0) }, orNull: "not a gold item (--gold)")
        return o.value
    }

    private static let noTaskFile = "no task file (--tasks)"
    private static let noGoldFile = "no gold file (--gold)"

    /// A finite Double in Swift's shortest round-trip text (valid JSON), else null.
    static func number(_ x: Double) -> JSONValue {
        guard x.isFinite else { return .null }
        if x == x.rounded(), abs(x) < 1e15 { return .number(String(Int(x))) }
        return .number("\(x)")
    }

    /// Builds an object in key order and collects the reasons of its null members.
    private struct ObjectBuilder {
        var members: [JSONMember] = []
        var reasons: [JSONMember] = []

        var value: JSONValue { .object(reasons.isEmpty ? members : members + [JSONMember("reasons", .object(reasons))]) }

        mutating func add(_ key: String, _ value: JSONValue) { members.append(JSONMember(key, value)) }
        mutating func int(_ key: String, _ value: Int) { add(key, .number(String(value))) }
        mutating func optionalInt(_ key: String, _ value: Int?, orNull reason: String) {
            optional(key, value.map { .number(String($0)) }, orNull: reason)
        }

        /// `value`, or null with `reason` (every null of the document has its reason).
        mutating func optional(_ key: String, _ value: JSONValue?, orNull reason: String) {
            add(key, value ?? .null)
            if value == nil { reasons.append(JSONMember(key, .string(reason))) }
        }
        mutating func double(_ key: String, _ value: Double) { add(key, ReportJSON.number(value)) }

        mutating func estimate(_ key: String, _ estimate: Estimate) {
            switch estimate {
            case .value(let x): add(key, ReportJSON.number(x))
            case .undefined(let why):
                add(key, .null)
                reasons.append(JSONMember(key, .string(why)))
            }
        }

        mutating func interval(_ key: String, _ interval: IntervalEstimate) {
            switch interval {
            case .interval(let ci): add(key, .array([ReportJSON.number(ci.lower), ReportJSON.number(ci.upper)]))
            case .undefined(let why):
                add(key, .null)
                reasons.append(JSONMember(key, .string(why)))
            }
        }
    }
}

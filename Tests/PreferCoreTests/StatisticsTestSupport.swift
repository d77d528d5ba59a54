@testable import PreferCore

/// Builders that turn the layouts published examples use into `ObservedLabel`s.
enum StatisticsFixture {
    /// Units × raters grid, nil for a missing value; rater k is named "r<k>", unit u "u<uu>".
    static func grid(_ rows: [[Int?]]) -> [ObservedLabel] {
        var labels: [ObservedLabel] = []
        for (u, row) in rows.enumerated() {
            for (r, value) in row.enumerated() {
                if let value { labels.append(ObservedLabel(item: unit(u), rater: "r\(r)", choice: "\(value)")) }
            }
        }
        return labels
    }

    /// Items × categories counts ("distribution of raters by subject and category"): the labels
    /// of item i come from raters r0, r1, … in category order.
    static func distribution(_ rows: [[Int]], categories: [String]) -> [ObservedLabel] {
        var labels: [ObservedLabel] = []
        for (u, row) in rows.enumerated() {
            var rater = 0
            for (k, count) in row.enumerated() {
                for _ in 0..<count {
                    labels.append(ObservedLabel(item: unit(u), rater: "r\(rater)", choice: categories[k]))
                    rater += 1
                }
            }
        }
        return labels
    }

    /// Two raters' labels from a contingency table (rows: first rater "r0", columns: "r1").
    static func contingency(_ table: [[Int]], categories: [String]) -> [ObservedLabel] {
        var labels: [ObservedLabel] = []
        var u = 0
        for (k, row) in table.enumerated() {
            for (l, count) in row.enumerated() {
                for _ in 0..<count {
                    labels.append(ObservedLabel(item: unit(u), rater: "r0", choice: categories[k]))
                    labels.append(ObservedLabel(item: unit(u), rater: "r1", choice: categories[l]))
                    u += 1
                }
            }
        }
        return labels
    }

    static func unit(_ u: Int) -> String {
        // Zero-padded so that name order is unit order.
        let digits = String(u)
        return "u" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Krippendorff (2011) reliability data, 12 units × 4 observers, values 1…5 with gaps; the
    /// same table is irrCAC's `cac.raw4raters` (Gwet 2014, p. 120).
    static let krippendorff2011: [[Int?]] = [
        [1, 1, nil, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [nil, 5, 5, 5], [nil, nil, 1, 1], [nil, nil, 3, nil],
    ]

    /// irrCAC `distrib.6raters`: 15 patients × 5 diagnoses, 6 psychiatrists each.
    static let sixRaters: [[Int]] = [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
    ]
    static let diagnoses = ["Depression", "Personality Disorder", "Schizophrenia", "Neurosis", "Other"]

    /// irrCAC `cont3x3abstractors`: two abstractors, 100 pregnancies, Ectopic / AIU / NIU.
    static let abstractors: [[Int]] = [[13, 0, 0], [0, 20, 7], [0, 4, 56]]
    static let abstractorCategories = ["Ectopic", "AIU", "NIU"]
}

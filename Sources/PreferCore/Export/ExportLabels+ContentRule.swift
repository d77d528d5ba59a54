import Foundation

extension ExportLabels {
    /// The labels among those with `candidate[j]` set whose task line now hashes otherwise than
    /// the label's `task_sha256` says (SPEC §4: made on other content), ascending: `madeOn` for
    /// every label at once, as the report's task-file rule asks it.
    ///
    /// `itemSHA256[item]` is the hash of the item's task line, nil when no label of it names
    /// one. One label at a time through `madeOn` took ~170 ns a label on the 300k-label set
    /// (array retains and a hex string per compare: 55 ms on the report's one thread); here
    /// each worker's columns are walked through their buffers and the items' hex digits lie in
    /// one buffer (docs/REPORT.md).
    func madeOnOtherContent(candidates candidate: [Bool], itemSHA256: [String?]) -> [Int] {
        let coded = labelSet.coded
        var digits = [UInt8](repeating: 0, count: 64 * itemSHA256.count)
        var known = [Bool](repeating: false, count: itemSHA256.count)
        digits.withUnsafeMutableBytes { out in
            for (item, sha) in itemSHA256.enumerated() {
                guard var sha else { continue }
                sha.withUTF8 { hex in
                    guard hex.count == 64 else { return }
                    out.baseAddress!.advanced(by: 64 * item).copyMemory(from: hex.baseAddress!, byteCount: 64)
                    known[item] = true
                }
            }
        }
        var changed = [Bool](repeating: false, count: coded.item.count)
        for (w, columns) in events.enumerated() {
            let first = workerBase[w], end = workerBase[w + 1]
            columns.shaState.withUnsafeBufferPointer { state in
                columns.sha.withUnsafeBytes { stored in
                    digits.withUnsafeBytes { digits in
                        for j in 0..<coded.item.count where candidate[j] {
                            let e = Int(sources[j])
                            guard e >= first, e < end else { continue }
                            let i = e - first, item = Int(coded.item[j])
                            guard known[item] else { continue }
                            switch state[i] {
                            case 0:
                                continue
                            case 1:
                                changed[j] = memcmp(stored.baseAddress! + 64 * i, digits.baseAddress! + 64 * item, 64) != 0
                            default:
                                changed[j] = !madeOn(j, sha256: itemSHA256[item]!)
                            }
                        }
                    }
                }
            }
        }
        return changed.indices.filter { changed[$0] }
    }
}

import Foundation

extension ExportLabels {
    /// The labels among those with `candidate[j]` set whose task line now hashes otherwise than
    /// the label's `task_sha256` says (SPEC §4: made on other content), ascending: `madeOn` for
    /// every label at once, as the report's task-file rule asks it.
    ///
    /// `itemSHA256[item]` is the hash of the item's task line, nil when no label of it names
    /// one. One label at a time through `madeOn` took ~170 ns a label on the 300k-label set
    /// (array retains and a hex string per compare: 55 ms on the report's one thread); here
    /// each worker's columns are walked through their buffers and 32 bytes are compared.
    func madeOnOtherContent(candidates candidate: [Bool], itemSHA256: [SHA256Bytes?]) -> [Int] {
        let coded = labelSet.coded
        var changed = [Bool](repeating: false, count: coded.item.count)
        for (w, columns) in events.enumerated() {
            let first = workerBase[w], end = workerBase[w + 1]
            columns.shaState.withUnsafeBufferPointer { state in
                columns.sha.withUnsafeBytes { stored in
                    for j in 0..<coded.item.count where candidate[j] {
                        let e = Int(sources[j])
                        guard e >= first, e < end else { continue }
                        let i = e - first, item = Int(coded.item[j])
                        guard let digest = itemSHA256[item] else { continue }
                        switch state[i] {
                        case 0:
                            continue
                        case 1:
                            changed[j] = digest.withUnsafeBytes { memcmp(stored.baseAddress! + 32 * i, $0.baseAddress!, 32) != 0 }
                        default:
                            changed[j] = !madeOn(j, sha256: digest.hex)
                        }
                    }
                }
            }
        }
        return changed.indices.filter { changed[$0] }
    }
}

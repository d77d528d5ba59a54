import Dispatch
import Foundation

/// Makes the parts of an export on every core and writes them in order as soon as they are
/// ready: a thread takes the next share of items, makes its part, and whichever thread holds
/// the next part to write writes it (and any after it that are ready). No core waits for
/// another at the end of a batch, and at most `window` parts are in memory at once.
final class ExportStream: @unchecked Sendable {
    private let job: ExportJob
    private let items: [ExportItem]
    private let shares: [Range<Int>]
    private let window: Int
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var next = 0
    private var written = 0
    private var ready: [Int: Result<ExportJob.Part, InputError>] = [:]
    private var writing = false
    private var failure: ExportError?
    private var conversational = false
    private var spareChunks: [ExportChunk] = []
    // Touched only by the thread that is writing (`writing`), one at a time:
    private var output: Output

    /// What the writer keeps between parts.
    private struct Output {
        let sink: ExportSink
        var summary = ExportSummary()
        /// DPO rows held as pieces until the file's format is known.
        var heldRows: [DPORowPieces] = []
        var changed: [InputError] = []
    }

    init(job: ExportJob, items: [ExportItem], sink: ExportSink, summary: ExportSummary, workers: Int) {
        self.job = job
        self.items = items
        // Shares of ~64 items: small enough to balance the cores, large enough that reading
        // their lines is one pread of a few hundred kilobytes.
        let count = max(1, (items.count + 63) / 64)
        shares = (0..<count).map { k in (items.count * k / count)..<(items.count * (k + 1) / count) }
        window = 8 * max(workers, 1)
        output = Output(sink: sink, summary: summary)
    }

    /// Runs the export on `workers` threads; returns the summary, with held DPO rows written.
    func run(workers: Int) throws(ExportError) -> ExportSummary {
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            let input = ReadBuffer()
            while let (k, chunk, conversational) = take() {
                var part = ExportJob.Part()
                part.chunk = chunk
                let result = Result { () throws(InputError) in
                    try job.make(items[shares[k]], input: input, dpoConversational: conversational, into: &part)
                    part.chunk.finish()
                    return part
                }
                finish(k, result)
            }
        }
        if let failure { throw failure }
        output.summary.warnings.append(contentsOf: output.changed)
        if job.options.format == .dpo {
            output.summary.conversational = conversational
            try Exporter.writeDPO(output.heldRows, conversational: conversational, summary: &output.summary, to: output.sink)
        }
        return output.summary
    }

    /// The next share to make, with a chunk to make it in; nil when all are taken or the
    /// export failed. Waits while `window` parts are ahead of the writer.
    private func take() -> (Int, ExportChunk, Bool)? {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil && next < shares.count && next >= written + window { condition.wait() }
        guard failure == nil, next < shares.count else { return nil }
        next += 1
        return (next - 1, spareChunks.popLast() ?? ExportChunk(), conversational)
    }

    /// Stores a made part and, unless another thread is writing, writes every part that is
    /// next in order.
    private func finish(_ k: Int, _ result: Result<ExportJob.Part, InputError>) {
        condition.lock()
        defer { condition.unlock() }
        ready[k] = result
        guard !writing else { return }
        writing = true
        while failure == nil, let made = ready.removeValue(forKey: written) {
            condition.unlock()
            let outcome = Result { () throws(ExportError) in try write(made) }
            condition.lock()
            switch outcome {
            case .success(var chunk):
                chunk.removeAll()
                spareChunks.append(chunk)
            case .failure(let error):
                failure = error
            }
            written += 1
            condition.broadcast()
        }
        writing = false
    }

    /// Writes one part (called by the writing thread only) and returns its chunk for reuse.
    private func write(_ made: Result<ExportJob.Part, InputError>) throws(ExportError) -> ExportChunk {
        let part: ExportJob.Part
        do {
            part = try made.get()
        } catch {
            throw .input(error)
        }
        output.summary.items += part.items
        output.summary.labels += part.labels
        output.summary.changedTaskLabels += part.changedCount
        output.changed.append(contentsOf: part.changed.prefix(max(0, ExportSummary.warningLimit - output.changed.count)))
        for (reason, count) in part.skipped { output.summary.skipped[reason, default: 0] += count }
        if !part.rows.isEmpty {
            output.heldRows.append(contentsOf: part.rows)
            let needsMessages = part.rows.contains { !$0.isPlainText }
            if needsMessages || readConversational() {
                if needsMessages { setConversational() }
                try Exporter.writeDPO(output.heldRows, conversational: true, summary: &output.summary, to: output.sink)
                output.heldRows.removeAll()
            }
        }
        if !part.chunk.isEmpty {
            try output.sink.write(chunk: part.chunk)
            output.summary.rows += part.lines
        }
        return part.chunk
    }

    private func readConversational() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return conversational
    }

    private func setConversational() {
        condition.lock()
        conversational = true
        condition.unlock()
    }
}

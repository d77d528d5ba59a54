import Synchronization

/// The screen lines of one untrusted text at one width, laid out only as far as someone
/// asks: the first screen of a 10 MB response needs its first block, not all of it.
///
/// The text is cut into blocks of whole source lines of about `blockBytes` (a longer line
/// into pieces of that size, see `BlockSplitter`). A block is sanitized, split and rendered
/// on its own, starting from the Markdown state the block before it left; that state and
/// where each block's lines begin are kept for every block laid out so far, and the lines
/// themselves only for the `keptBlocks` blocks used last. So a line far down is found by a
/// binary search and at most one block laid out again, and the memory a laid-out text
/// takes stays a small part of the text's own size whatever its length.
///
/// The answers are those of laying the whole text out at once (`TextLayout`), except that
/// a source line longer than `blockBytes` starts a new screen line at each piece, and
/// emphasis or a code span does not run from one piece into the next. The object is a
/// cache: it is filled as it is asked and always gives the same answer to the same
/// question, so the state holding it stays a value in all that can be observed.
public final class LazyLayout: Sendable {
    /// Source bytes per block (a block of whole lines may be longer by one line's end).
    static let blockBytes = 1 << 16
    /// Blocks whose screen lines stay in memory (the ones drawn last, for scrolling).
    static let keptBlocks = 8

    /// The text as given (sanitized block by block when laid out).
    let source: String
    let width: Int
    let markdown: Bool
    /// Soft line breaks of paragraphs are joined (the guideline): `SoftBreakJoiner` needs
    /// all lines at once, so such a text is one block.
    let joinSoftBreaks: Bool
    /// `blockBytes`, or another size for tests that compare block sizes.
    let blockSize: Int
    private let progress: Mutex<Progress>

    /// One laid-out block: where it is in the source, the renderer state it starts from
    /// and where its screen lines go.
    struct Block {
        var start: Int
        var end: Int
        /// The block is a further piece of the source line the block before it ended in.
        var continuesLine: Bool
        var renderer: MarkdownRenderer
        var firstLine: Int
        var lineCount: Int
    }

    struct Progress {
        var blocks: [Block] = []
        /// Source byte where the next block starts.
        var cursor = 0
        var continuesLine = false
        var renderer: MarkdownRenderer
        var lineCount = 0
        var isComplete = false
        /// Screen lines of recently used blocks, most recent last.
        var kept: [(block: Int, lines: [StyledLine])] = []
        var hiddenCount: Int?
        /// Blocks rendered so far, again or not: what a frame or a key cost in layout.
        var blocksRendered = 0
    }

    public convenience init(_ untrusted: String, width: Int, markdown: Bool, joinSoftBreaks: Bool = false) {
        self.init(untrusted, width: width, markdown: markdown, joinSoftBreaks: joinSoftBreaks, blockBytes: LazyLayout.blockBytes)
    }

    init(_ untrusted: String, width: Int, markdown: Bool, joinSoftBreaks: Bool = false, blockBytes: Int) {
        source = untrusted
        blockSize = blockBytes
        self.width = width
        self.markdown = markdown
        self.joinSoftBreaks = joinSoftBreaks
        progress = Mutex(Progress(renderer: MarkdownRenderer(width: max(1, width))))
    }

    /// The screen lines `range` covers that exist, laying out as far as needed.
    public func lines(_ range: Range<Int>) -> [StyledLine] {
        guard !range.isEmpty else { return [] }
        return progress.withLock { progress in
            extend(&progress, toCover: range.upperBound)
            var result: [StyledLine] = []
            var index = max(0, range.lowerBound)
            while index < min(range.upperBound, progress.lineCount) {
                let number = blockIndex(containing: index, in: progress.blocks)
                let block = progress.blocks[number]
                let lines = linesOf(number, &progress)
                let upTo = min(range.upperBound, block.firstLine + block.lineCount)
                result += lines[(index - block.firstLine)..<(upTo - block.firstLine)]
                index = upTo
            }
            return result
        }
    }

    /// One screen line, or nil past the end.
    public func line(_ index: Int) -> StyledLine? { lines(index..<(index + 1)).first }

    /// The number of screen lines, but at most `limit`: only what is needed to tell is laid out.
    public func count(upTo limit: Int) -> Int {
        progress.withLock { progress in
            extend(&progress, toCover: limit)
            return min(limit, progress.lineCount)
        }
    }

    /// The number of screen lines (lays out everything).
    public var count: Int { count(upTo: Int.max) }

    /// Lines laid out so far and whether that is all of them, for a scroll position that
    /// says "of 1820+" while the rest is not laid out.
    public var known: (count: Int, isComplete: Bool) {
        progress.withLock { ($0.lineCount, $0.isComplete) }
    }

    /// How many hidden or control characters the text holds (the `hidden chars: N` badge),
    /// counted without laying anything out: only blocks holding a hidden or zero-width
    /// character are sanitized.
    public var hiddenCount: Int {
        progress.withLock { progress in
            if let count = progress.hiddenCount { return count }
            var count = 0
            var splitter = BlockSplitter(source, blockBytes: blockLimit)
            while let range = splitter.next() {
                if !BlockSplitter.holdsNothingHidden(source, range.bytes) {
                    count += Sanitizer.sanitize(String(substring(range.bytes))).hiddenCount
                }
            }
            progress.hiddenCount = count
            return count
        }
    }

    /// The indices of the lines that contain `query`, ignoring case (for `/` search), by
    /// `LaidOutText.lines(matching:)` a chunk of lines at a time.
    public func lines(matching query: String) -> [Int] {
        var result: [Int] = []
        var start = 0
        let total = count
        while start < total {
            let chunk = lines(start..<min(total, start + 4096))
            result += LaidOutText(lines: chunk, hiddenCount: 0).lines(matching: query).map { start + $0 }
            start += chunk.count
        }
        return result
    }

    /// How many times a block was rendered (tests: a key and its frame render none again).
    var blocksRendered: Int { progress.withLock { $0.blocksRendered } }

    /// All of it laid out at once (message boxes, tests).
    public var laidOutText: LaidOutText {
        LaidOutText(lines: lines(0..<count), hiddenCount: hiddenCount)
    }

    // MARK: - Laying out blocks

    private var blockLimit: Int { joinSoftBreaks ? Int.max : blockSize }

    private func substring(_ bytes: Range<Int>) -> Substring {
        let utf8 = source.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        let to = utf8.index(from, offsetBy: bytes.count)
        return Substring(utf8[from..<to])
    }

    /// Lays out blocks until `lineCount` reaches `target` or the text ends.
    private func extend(_ progress: inout Progress, toCover target: Int) {
        guard width > 0 else {
            progress.isComplete = true
            return
        }
        while !progress.isComplete && progress.lineCount < target {
            var splitter = BlockSplitter(source, blockBytes: blockLimit, from: progress.cursor,
                                         continuesLine: progress.continuesLine)
            guard let range = splitter.next() else {
                if progress.blocks.isEmpty {
                    // Empty text is one empty line, as a text of one empty line is.
                    appendBlock(BlockSplitter.Range(bytes: 0..<0, continuesLine: false), &progress)
                }
                progress.isComplete = true
                break
            }
            appendBlock(range, &progress)
            progress.cursor = range.bytes.upperBound
            progress.continuesLine = splitter.continuesLine
            // The last block: the total is known now, without asking for more.
            if progress.cursor >= source.utf8.count { progress.isComplete = true }
        }
    }

    private func appendBlock(_ range: BlockSplitter.Range, _ progress: inout Progress) {
        let before = progress.renderer
        let lines = render(range, renderer: &progress.renderer)
        progress.blocksRendered += 1
        let number = progress.blocks.count
        progress.blocks.append(Block(start: range.bytes.lowerBound, end: range.bytes.upperBound,
                                     continuesLine: range.continuesLine, renderer: before,
                                     firstLine: progress.lineCount, lineCount: lines.count))
        progress.lineCount += lines.count
        keep(number, lines, &progress)
    }

    /// The screen lines of block `number`, from the kept ones or laid out again from the
    /// renderer state saved for it.
    private func linesOf(_ number: Int, _ progress: inout Progress) -> [StyledLine] {
        if let position = progress.kept.firstIndex(where: { $0.block == number }) {
            let entry = progress.kept.remove(at: position)
            progress.kept.append(entry)
            return entry.lines
        }
        let block = progress.blocks[number]
        var renderer = block.renderer
        let lines = render(BlockSplitter.Range(bytes: block.start..<block.end, continuesLine: block.continuesLine),
                           renderer: &renderer)
        progress.blocksRendered += 1
        keep(number, lines, &progress)
        return lines
    }

    private func keep(_ number: Int, _ lines: [StyledLine], _ progress: inout Progress) {
        progress.kept.append((number, lines))
        if progress.kept.count > LazyLayout.keptBlocks { progress.kept.removeFirst() }
    }

    /// Sanitizes one block and renders its source lines.
    private func render(_ range: BlockSplitter.Range, renderer: inout MarkdownRenderer) -> [StyledLine] {
        let text = Sanitizer.sanitize(String(substring(range.bytes)))
        var sourceLines = TextLayout.lines(of: text.glyphs)
        if markdown && joinSoftBreaks { sourceLines = SoftBreakJoiner.join(sourceLines) }
        if markdown {
            for (number, line) in sourceLines.enumerated() {
                if number == 0 && range.continuesLine { renderer.continueLine(line[...]) } else { renderer.render(line[...]) }
            }
            return renderer.takeLines()
        }
        let wrapper = LineWrapper(width: width)
        var output: [StyledLine] = []
        for (number, line) in sourceLines.enumerated() {
            let glyphs = number == 0 && range.continuesLine ? Array(line.drop(while: \.isSpace)) : line
            output += wrapper.wrapWords(glyphs.map { StyledGlyph($0) })
        }
        return output
    }

    private func blockIndex(containing line: Int, in blocks: [Block]) -> Int {
        var low = 0
        var high = blocks.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if blocks[middle].firstLine <= line { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

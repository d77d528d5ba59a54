/// The labeling guideline a rater reads beside the responses (Markdown text).
///
/// Loading checks that the file is valid, non-blank UTF-8. A BOM at the start is dropped and
/// CRLF line ends become LF in `text`, so the screen never sees a stray `\r`; `sha256` is of
/// the file's bytes exactly as they are on disk, which is what `guideline_sha256` records.
public struct Guideline: Sendable, Equatable {
    /// The path as given to `load`.
    public var path: String
    /// The guideline text: BOM removed, line ends normalized to `\n`.
    public var text: String
    /// SHA-256 (lowercase hex) of the file's bytes.
    public var sha256: String

    /// A guideline with every part given (tests and callers that already hold the text).
    public init(path: String, text: String, sha256: String) {
        self.path = path
        self.text = text
        self.sha256 = sha256
    }

    /// Guidelines are read whole; anything bigger than this is surely the wrong file.
    static let maximumSize = 64 << 20

    /// Reads and checks a guideline file; errors are `FILE: reason` or `FILE:LINE: reason`.
    public static func load(path: String) throws(InputError) -> Guideline {
        let file = try PositionalFile(path: path)
        let size = file.stamp.size
        guard size <= maximumSize else {
            throw InputError(file: path, reason: "is \(size) bytes; a guideline must be at most \(maximumSize >> 20) MiB")
        }
        let bytes = try file.bytes(count: size, at: 0)
        let text = try decode(bytes, path: path)
        return Guideline(path: path, text: text, sha256: SHA256Hex.of(bytes))
    }

    /// The guideline compiled into prefer; `path` is the bundled file's `recordedName`.
    public static func load(bundled: BundledFile) throws(InputError) -> Guideline {
        Guideline(path: bundled.recordedName, text: try decode(bundled.bytes, path: bundled.recordedName),
                  sha256: SHA256Hex.of(bundled.bytes))
    }

    /// The text of a guideline file's bytes, or the first problem with them.
    static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> String {
        let outcome: Result<String, InputError> = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else {
                return .failure(InputError(file: path, reason: "is empty; a guideline needs some text"))
            }
            let p = base.assumingMemoryBound(to: UInt8.self)
            let n = raw.count
            var start = 0
            if JSONLines.startsWithBOM(raw) { start = 3 }

            var out: [UInt8] = []
            out.reserveCapacity(n - start)
            var line = 1
            var lineStart = start
            var blank = true
            var i = start
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    if b == 0x0A {
                        line += 1
                        lineStart = i + 1
                    } else if b == 0x0D && i + 1 < n && p[i + 1] == 0x0A {
                        // CRLF: keep only the LF.
                        i += 1
                        continue
                    } else if b != 0x20 && b != 0x09 && b != 0x0D {
                        blank = false
                    }
                    out.append(b)
                    i += 1
                    continue
                }
                let length = JSONScan.utf8Length(p, n, i)
                guard length > 0 else {
                    let lineBytes = UnsafeRawBufferPointer(start: p + lineStart, count: n - lineStart)
                    let column = JSONSyntaxError.column(ofByteOffset: i - lineStart, in: lineBytes)
                    return .failure(InputError(file: path, line: line, reason: "invalid UTF-8 at column \(column)"))
                }
                blank = false
                out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: length))
                i += length
            }
            if blank { return .failure(InputError(file: path, reason: "is empty; a guideline needs some text")) }
            return .success(String(decoding: out, as: UTF8.self))
        }
        return try outcome.get()
    }
}

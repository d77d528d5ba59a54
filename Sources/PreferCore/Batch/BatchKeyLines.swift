import Foundation

/// Where each top-level key of a TOML document is set, for `FILE:LINE` messages about values
/// (TOMLKit reports lines for syntax errors only; a parsed value carries no position).
///
/// A batch file is a flat list of `key = value` lines, so the first line whose text starts
/// with the key (bare, `"quoted"` or `'literal'`, possibly dotted) followed by `=` or `.`,
/// before any `[table]` header, is where it is set. Lines inside a multi-line string or
/// array are never taken for a key line, since the key must begin the line.
struct BatchKeyLines {
    private var lines: [String: Int] = [:]
    /// The lines of the document, for finding a value inside a multi-line array.
    private let text: [Substring]

    init(_ document: String) {
        text = document.split(separator: "\n", omittingEmptySubsequences: false)
        var inTable = false
        for (offset, raw) in text.enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                // A table header: its first name is a top-level key (one a batch never has).
                let name = line.drop { $0 == "[" || $0 == " " }.prefix { $0 != "]" && $0 != "." && $0 != " " }
                let key = String(name).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if !key.isEmpty, lines[key] == nil { lines[key] = offset + 1 }
                inTable = true
                continue
            }
            guard !inTable, let key = BatchKeyLines.leadingKey(line), lines[key] == nil else { continue }
            lines[key] = offset + 1
        }
    }

    /// The 1-based line where `key` is set, if it is.
    func line(of key: String) -> Int? { lines[key] }

    /// The first line at or after `from` (1-based; default `key`'s line) that holds
    /// `literal` (a string value written out), for naming one element of a multi-line array;
    /// `key`'s own line when it is not found.
    func line(of literal: String, after key: String, from: Int? = nil) -> Int? {
        guard let start = lines[key] else { return nil }
        for offset in (max(start, from ?? start) - 1)..<text.count where text[offset].contains(literal) {
            return offset + 1
        }
        return start
    }

    /// The key a line starts with, if the line is `key = …` or `key.sub = …`.
    private static func leadingKey(_ line: Substring) -> String? {
        guard let first = line.first else { return nil }
        var key = ""
        var rest: Substring
        if first == "\"" || first == "'" {
            let body = line.dropFirst()
            guard let end = body.firstIndex(of: first) else { return nil }
            key = String(body[..<end])
            rest = body[body.index(after: end)...]
        } else {
            let end = line.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ?? line.endIndex
            key = String(line[..<end])
            rest = line[end...]
        }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard !key.isEmpty, let next = rest.first, next == "=" || next == "." else { return nil }
        return key
    }
}

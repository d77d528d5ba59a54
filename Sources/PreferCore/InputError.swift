/// A problem with an input file, located as `FILE:LINE` so a lead can fix it by hand.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line number, when the problem belongs to one line.
    public var line: Int?
    /// A sentence saying what is wrong, e.g. `duplicate id "t1" (first seen on line 3)`.
    public var reason: String
    /// The file exists but this account may not read it (another rater's `chmod 000`): a
    /// runtime failure (exit 1), or left out with `--skip-unreadable`, not bad input.
    public var isUnreadable = false

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// Every problem found while validating one or more input files; nothing is used from them.
public struct ValidationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in file order; capped so that a garbage file does not flood the terminal.
    public var errors: [InputError]
    /// How many further problems were found but not kept.
    public var omitted: Int

    public init(errors: [InputError], omitted: Int = 0) {
        self.errors = errors
        self.omitted = omitted
    }

    /// Whether every problem is an unreadable file (exit 1, or `--skip-unreadable`).
    public var isOnlyUnreadableFiles: Bool { !errors.isEmpty && errors.allSatisfy(\.isUnreadable) }

    public var description: String {
        var lines = errors.map(\.description)
        if omitted > 0 { lines.append("… and \(omitted) more problems") }
        return lines.joined(separator: "\n")
    }
}

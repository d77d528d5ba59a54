/// The raters file of `prefer serve`: one `NAME <openssh public key>` per line (blank lines
/// and `#` comments allowed), e.g. `ana ssh-ed25519 AAAAC3Nza… ana@laptop`.
///
/// Every line is checked before the server starts (RELIABILITY rule 11): the name by the
/// rules of SPEC §4, the key strictly, and no name or key twice, so that one key is always
/// exactly one rater.
public struct RatersFile: Sendable {
    /// One rater and the key that proves who she is.
    public struct Entry: Sendable, Hashable {
        public let rater: RaterName
        public let key: OpenSSHPublicKey
        public let line: Int
    }

    public let path: String
    public let entries: [Entry]

    /// The most a raters file may hold (some thousand raters).
    static let maximumBytes = 4 << 20

    /// Reads and checks `path`; `allowedTypes`, when given, are the key types the reader can
    /// verify (others are refused with the line).
    public init(path: String, allowedTypes: Set<String>? = nil) throws(ValidationFailure) {
        self.path = path
        let lines: [(Int, Substring)]
        do {
            lines = try RaterTextFile.lines(path, maximumBytes: Self.maximumBytes)
        } catch {
            throw ValidationFailure(errors: [error])
        }
        var entries: [Entry] = []
        var errors: [InputError] = []
        var lineOfName: [String: Int] = [:]
        var lineOfKey: [OpenSSHPublicKey: Int] = [:]
        for (number, line) in lines where !RaterTextFile.isBlankOrComment(line) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            let nameEnd = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? trimmed.endIndex
            let name = String(trimmed[..<nameEnd])
            let rater: RaterName
            do {
                rater = try RaterName(name)
            } catch {
                errors.append(InputError(file: path, line: number, reason: error.description))
                continue
            }
            let key: OpenSSHPublicKey
            do {
                key = try OpenSSHPublicKey(parsing: trimmed[nameEnd...])
            } catch {
                errors.append(InputError(file: path, line: number, reason: "rater \(name): \(error.reason)"))
                continue
            }
            if let allowedTypes, !allowedTypes.contains(key.type) {
                let allowed = allowedTypes.sorted().joined(separator: ", ")
                errors.append(InputError(file: path, line: number, reason: "rater \(name): \(key.type) keys are not supported here (use one of \(allowed))"))
                continue
            }
            if let first = lineOfName[name] {
                errors.append(InputError(file: path, line: number, reason: "rater \(name) is listed twice (first on line \(first))"))
                continue
            }
            if let first = lineOfKey[key] {
                errors.append(InputError(file: path, line: number, reason: "this key is already rater \(entries.first { $0.line == first }!.rater)'s (line \(first)); one key is one rater"))
                continue
            }
            lineOfName[name] = number
            lineOfKey[key] = number
            entries.append(Entry(rater: rater, key: key, line: number))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors: errors) }
        guard !entries.isEmpty else {
            throw ValidationFailure(errors: [InputError(file: path, reason: "no raters in this file (one `NAME ssh-ed25519 AAAA…` per line)")])
        }
        self.entries = entries
    }
}

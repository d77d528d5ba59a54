import Foundation
import TOMLKit

/// A lead's batch file (SPEC §10): the settings of one crowd batch, read once from TOML so
/// that raters never type them. Paths inside are relative to the batch file's folder.
///
/// Loading checks the settings themselves (keys, types, ranges, rater names, that the named
/// files exist); `BatchInputs` then opens and checks the task, guideline and gold files.
/// Every problem is a `FILE:LINE: reason` and nothing is written from a bad batch.
public struct BatchFile: Sendable, Equatable {
    /// The batch file as the user named it.
    public var path: String
    /// SHA-256 (hex) of the whole batch file, written into `session_start` as `batch_sha256`.
    public var sha256: String
    /// The batch's name; with the rater it seeds each rater's order.
    public var name: String
    /// The task file, resolved against the batch file's folder.
    public var tasks: String
    /// The guideline, resolved; nil for the built-in default.
    public var guideline: String?
    public var scale: Scale
    /// Effective labels wanted per task.
    public var overlap: Int
    /// Labels a split task (no strict majority) may get; equal to `overlap` when not set.
    public var maxOverlap: Int
    public var order: BatchOrder
    /// The gold file, resolved; its tasks go to every rater and are never capped.
    public var gold: String?
    /// Share of a rater's tasks shown again later with the sides swapped, in [0, 1].
    public var repeatRate: Double
    public var requireRead: Bool
    /// The allow-list of raters; nil lets any valid rater name label.
    public var raters: [String]?
    /// How long a shown, unanswered task stays reserved for its rater. Fractional minutes
    /// are allowed (a test can use 0.05 for three seconds).
    public var claimMinutes: Double

    /// The keys a batch file may set, in the order the reference lists them.
    public static let knownKeys = ["name", "tasks", "guideline", "scale", "overlap", "max_overlap", "order",
                                   "gold", "repeat_rate", "require_read", "raters", "claim_minutes"]
    public static let defaultClaimMinutes = 15.0

    /// Whether `rater` may label this batch.
    public func admits(_ rater: String) -> Bool { raters?.contains(rater) ?? true }

    /// The line of `key` in the batch file, for messages that point at a setting.
    public let keyLines: [String: Int]

    /// Reads and checks a batch file; throws a `ValidationFailure` listing every problem.
    public static func load(path: String) throws(ValidationFailure) -> BatchFile {
        let bytes: [UInt8]
        do {
            if let kind = FileKind.of(path), kind != S_IFREG {
                throw InputError(file: path, reason: "is \(FileKind.name(kind)), not a regular file")
            }
            bytes = try SessionFiles.contents(of: path)
        } catch let error as InputError {
            throw ValidationFailure(errors: [error])
        } catch {
            throw ValidationFailure(errors: [InputError(file: path, reason: String(describing: error))])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ValidationFailure(errors: [InputError(file: path, reason: "is not valid UTF-8")])
        }
        if text.utf8.contains(0) {
            throw ValidationFailure(errors: [InputError(file: path, reason: "holds a NUL byte")])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ValidationFailure(errors: [InputError(file: path, line: error.source.begin.line,
                                                        reason: "invalid TOML: \(error.description)")])
        } catch {
            throw ValidationFailure(errors: [InputError(file: path, reason: "invalid TOML: \(error)")])
        }
        var reader = BatchSettingsReader(path: path, table: table, lines: BatchKeyLines(text))
        let batch = reader.read(sha256: SHA256Hex.of(bytes))
        guard let batch, reader.errors.isEmpty else {
            throw ValidationFailure(errors: reader.errors.sorted { ($0.line ?? Int.max) < ($1.line ?? Int.max) })
        }
        return batch
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Writes a made task file only after it passes the same validation as `prefer validate`
/// (`TaskFile.load`), so a lead never hands raters a file that `prefer label` would refuse.
public enum ValidatedTaskOutput {
    /// Validates `bytes` and writes them to `path` atomically (mode 0644: raters on a shared
    /// host must be able to read task files), or to `standardOutput` when `path` is nil.
    /// `path` is an `-o` target as `OutputTarget` decides it (a device or FIFO written in place,
    /// a session file refused, an old file's mode kept).
    public static func write(_ bytes: [UInt8], to path: String?, standardOutput: ExportSink) throws(MakeTasksError) {
        var target: OutputTarget?
        if let path {
            do {
                target = try OutputTarget.resolve(path, newFileMode: 0o644)
            } catch {
                throw .usage(error.description)
            }
        }
        do {
            if let target, target.kind != .inPlace {
                let writer = try target.open()
                try writer.write(bytes)
                try validate(writer.temporaryPath ?? target.path, shownAs: target.path)
                try writer.commit()
            } else {
                let scratch = try AtomicFileWriter(path: scratchPath(), mode: 0o600)
                defer { scratch.discard() }
                try scratch.write(bytes)
                try validate(scratch.temporaryPath, shownAs: "the tasks made")
                if let target {
                    let writer = try target.open()
                    try writer.write(bytes)
                    try writer.commit()
                } else {
                    try standardOutput.write(bytes)
                }
            }
        } catch let error as MakeTasksError {
            throw error
        } catch let error as ExportError {
            throw .output(error)
        } catch {
            throw .output(.output(path: path ?? "standard output", operation: "write", code: EIO))
        }
    }

    private static func validate(_ temporary: String, shownAs name: String) throws(MakeTasksError) {
        do {
            _ = try TaskFile.load(path: temporary)
        } catch {
            var failure = error
            for k in failure.errors.indices where failure.errors[k].file == temporary { failure.errors[k].file = name }
            throw .invalidOutput(failure)
        }
    }

    /// A scratch name in `$TMPDIR` (or /tmp); `AtomicFileWriter` adds a unique suffix.
    private static func scratchPath() -> String {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/prefer-make-tasks"
    }
}

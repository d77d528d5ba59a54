import Foundation

/// A file compiled into prefer, used when `prefer label` is given no `--tasks` or no
/// `--guideline`, so an installed binary works from any folder.
///
/// The repository file (`sourcePath`) is the one source: `scripts/bundle/generate.py` copies
/// it into `BundledFileContents`, and a test checks the copy byte for byte. A sitting on a
/// bundled file records `recordedName` as its `tasks`/`guideline` and the SHA-256 of these
/// bytes, which equals the hash of the repository file, so a lead holding that file can
/// match the sitting to it (and `--tasks examples/demo/tasks.jsonl` reports on it).
public struct BundledFile: Sendable {
    /// The file in the repository the copy was made from.
    public let sourcePath: String
    /// The file's bytes.
    public let bytes: [UInt8]

    /// How sessions and the screen name the file: `(built-in) examples/demo/tasks.jsonl`.
    /// The prefix says that no file of that name was read from the working folder.
    public var recordedName: String { "(built-in) " + sourcePath }

    /// The demo task set (`examples/demo/tasks.jsonl`).
    public static let demoTasks = BundledFile(sourcePath: BundledFileContents.demoTasksPath,
                                              base64: BundledFileContents.demoTasks)
    /// The default guideline (`guidelines/default.md`).
    public static let defaultGuideline = BundledFile(sourcePath: BundledFileContents.defaultGuidelinePath,
                                                     base64: BundledFileContents.defaultGuideline)

    private init(sourcePath: String, base64: String) {
        self.sourcePath = sourcePath
        // The literal is generated, so it always decodes; an empty result would fail validation loudly.
        self.bytes = Data(base64Encoded: base64, options: .ignoreUnknownCharacters).map { [UInt8]($0) } ?? []
    }
}

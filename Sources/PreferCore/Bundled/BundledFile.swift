/// A file compiled into prefer, used when `prefer label` is given no `--tasks` or no
/// `--guideline`, so an installed binary works from any folder.
///
/// The repository file (`sourcePath`) is the one source: this folder holds a link to it that
/// the package embeds in the code (`resources: .embedInCode`, Package.swift), so each build
/// compiles in the file as it is and nothing generated is kept in the repository. A sitting on
/// a bundled file records `recordedName` as its `tasks`/`guideline` and the SHA-256 of these
/// bytes, which equals the hash of the repository file, so a lead holding that file can match
/// the sitting to it (and `--tasks examples/demo/tasks.jsonl` reports on it).
public struct BundledFile: Sendable {
    /// The file in the repository the copy was made from.
    public let sourcePath: String
    /// The file's bytes.
    public let bytes: [UInt8]

    /// How sessions and the screen name the file: `(built-in) examples/demo/tasks.jsonl`.
    /// The prefix says that no file of that name was read from the working folder.
    public var recordedName: String { "(built-in) " + sourcePath }

    /// The demo task set (`examples/demo/tasks.jsonl`, linked as `Bundled/demo-tasks.jsonl`).
    public static let demoTasks = BundledFile(sourcePath: "examples/demo/tasks.jsonl",
                                              bytes: PackageResources.demo_tasks_jsonl)
    /// The default guideline (`guidelines/default.md`, linked as `Bundled/default-guideline.md`).
    public static let defaultGuideline = BundledFile(sourcePath: "guidelines/default.md",
                                                     bytes: PackageResources.default_guideline_md)
}

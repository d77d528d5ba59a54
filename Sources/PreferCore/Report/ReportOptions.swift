/// What `prefer report` was asked to do (SPEC §6).
public struct ReportOptions: Sendable, Equatable {
    /// Session files and folders; folders are searched recursively for `*.jsonl`.
    public var sessionPaths: [String]
    /// `--tasks FILE`: where model names come from.
    public var tasksPath: String?
    /// `--gold FILE`: the hidden gold answers.
    public var goldPath: String?
    /// `--categories c1,c2,…`.
    public var categories: [String]?
    /// `--ordinal`.
    public var ordinal: Bool
    /// `--bootstrap N`, `--seed S`.
    public var bootstrap: BootstrapSettings
    /// How many of the most contested items to list.
    public var contestedLimit: Int
    /// Threads for reading; nil uses every active processor.
    public var workers: Int?
    /// `--skip-unreadable`: session files this account may not read are left out, counted.
    public var skipUnreadable = false
    /// `--by KEY`: a breakdown by this key of the task file.
    public var groupBy: String?

    public init(sessionPaths: [String] = ["sessions"], tasksPath: String? = nil, goldPath: String? = nil,
                categories: [String]? = nil, ordinal: Bool = false,
                bootstrap: BootstrapSettings = BootstrapSettings(), contestedLimit: Int = 10,
                workers: Int? = nil, groupBy: String? = nil) {
        self.groupBy = groupBy
        self.sessionPaths = sessionPaths
        self.tasksPath = tasksPath
        self.goldPath = goldPath
        self.categories = categories
        self.ordinal = ordinal
        self.bootstrap = bootstrap
        self.contestedLimit = contestedLimit
        self.workers = workers
    }
}

/// Why a report could not be made; every case is bad input (exit 2) and reads as sentences.
public enum ReportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// A session, task or gold file is damaged or unreadable (`FILE:LINE: reason` lines).
    case input(ValidationFailure)
    /// The labels do not fit the declared categories (or `--categories` is malformed).
    case statistics(StatisticsError)

    public var description: String {
        switch self {
        case .input(let failure): return failure.description
        case .statistics(let error): return error.description
        }
    }
}

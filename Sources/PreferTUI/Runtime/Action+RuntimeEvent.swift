extension Action {
    /// The action that tells a screen's reducer what the runtime saw or did.
    public init(_ event: RuntimeEvent) {
        switch event {
        case .resize(let cols, let rows): self = .resize(cols: cols, rows: rows)
        case .tick: self = .tick
        case .taskLoaded(let task): self = .taskLoaded(task)
        case .loadFailed(let message): self = .loadFailed(message)
        case .nothingLeft(let progress): self = .nothingLeft(progress: progress)
        case .saved(let record): self = .saved(record)
        case .saveFailed(let message): self = .saveFailed(message)
        case .sessionFileLost(let message): self = .sessionFileLost(message)
        case .endRequested(let reason): self = .endRequested(reason)
        }
    }
}

import Synchronization

/// One untrusted text the screen shows in a pane, with its layouts at the widths it was
/// last shown at, so a frame, the next key and a return to the task after undo find the
/// lines laid out already (a 10 MB response took seconds to lay out again each time).
///
/// Two texts are equal when their characters are: the layouts are a cache of the text.
public final class PaneText: Sendable, Equatable {
    /// Widths whose layouts are kept: the current one and the one before a resize.
    static let keptWidths = 2

    public let text: String
    /// Soft line breaks of paragraphs are joined (the guideline; see `SoftBreakJoiner`).
    public let joinSoftBreaks: Bool
    private let layouts = Mutex<[LazyLayout]>([])

    public init(_ text: String, joinSoftBreaks: Bool = false) {
        self.text = text
        self.joinSoftBreaks = joinSoftBreaks
    }

    public var isEmpty: Bool { text.isEmpty }

    /// The text laid out `width` columns wide as Markdown, made once per width.
    public func layout(width: Int) -> LazyLayout {
        layouts.withLock { layouts in
            if let index = layouts.firstIndex(where: { $0.width == width }) {
                let layout = layouts.remove(at: index)
                layouts.append(layout)
                return layout
            }
            let layout = LazyLayout(text, width: width, markdown: true, joinSoftBreaks: joinSoftBreaks)
            layouts.append(layout)
            if layouts.count > PaneText.keptWidths { layouts.removeFirst() }
            return layout
        }
    }

    public static func == (lhs: PaneText, rhs: PaneText) -> Bool {
        lhs === rhs || (lhs.joinSoftBreaks == rhs.joinSoftBreaks && lhs.text == rhs.text)
    }
}

/// One titled part of a report, shared by the text and Markdown renderers.
struct ReportSection {
    enum Block {
        /// A sentence or two.
        case text(String)
        case table(ReportTable)
        /// Footnotes, such as why a value is missing.
        case notes([String])
    }

    var title: String
    var blocks: [Block]
}

/// One labeled task of the export: its item in the label set and where its labels are in
/// `ExportSelection.order`.
struct ExportItem: Sendable, Equatable {
    var item: Int
    var labels: Range<Int>
    /// Where the item's task line is in the task file, and its line number (copied here so
    /// that the export reads them in order).
    var offset: Int
    var length: Int
    var line: Int
}

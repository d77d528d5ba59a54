/// The per-worker name tables that lines are interned into.
struct SessionNameTables {
    var raters = NameTable(capacity: 64)
    var tasks = NameTable(capacity: 1 << 14)
    var choices = NameTable(capacity: 16)
}

import PostgresNIO

/// The `VALUES` of a multi-row statement: `($1, $2), ($3, $4)` and their binds, so that a
/// batch is one round trip, not one per row.
struct SQLRows {
    let columns: Int
    private(set) var binds = PostgresBindings()
    private(set) var count = 0

    init(columns: Int) {
        self.columns = columns
    }

    /// Adds a row; `fill` must append exactly `columns` values.
    mutating func row(_ fill: (inout PostgresBindings) throws -> Void) rethrows {
        try fill(&binds)
        count += 1
        precondition(binds.count == count * columns, "a row of \(columns) columns got another number of values")
    }

    var placeholders: String {
        (0..<count).map { row in
            "(" + (1...columns).map { "$\(row * columns + $0)" }.joined(separator: ", ") + ")"
        }.joined(separator: ", ")
    }
}

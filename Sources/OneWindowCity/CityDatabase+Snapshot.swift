import Logging
import PostgresNIO

extension CityDatabase {
    /// Runs `reads` at once, each in a read-only transaction on a connection of its own, all on
    /// ONE snapshot: the first exports it (`pg_export_snapshot()`), the others import it (`SET
    /// TRANSACTION SNAPSHOT`) before their first query, so a batch committed meanwhile is in
    /// none of them, and their parts make one consistent moment. PostgreSQL runs each read in
    /// its own backend: on several cores, a query split into shares takes about the longest
    /// share's time. `afterExport` runs between the export and the reads (for tests).
    /// Few such reads run at a time (`readGate`): each holds `reads.count` of the pool's
    /// connections, and many waiting for their second could take them all.
    func onOneSnapshot<T: Sendable>(
        _ reads: [@Sendable (PostgresConnection) async throws -> T],
        afterExport: (@Sendable () async throws -> Void)? = nil
    ) async throws -> [T] {
        precondition(!reads.isEmpty, "no read")
        await readGate.enter()
        defer { readGate.leave() }
        let logger = logger
        return try await transaction { first in
            try await first.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            var snapshot = ""
            if reads.count > 1 {
                for try await id in try await first.query("SELECT pg_export_snapshot()", logger: logger)
                    .decode(String.self)
                {
                    snapshot = id
                }
                // It goes into SQL as text (SET takes no parameters): hex digits and dashes only.
                guard !snapshot.isEmpty, snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
                    throw SnapshotNotExported(answer: snapshot)
                }
            }
            try await afterExport?()
            let exported = snapshot
            return try await withThrowingTaskGroup(of: (Int, T).self) { group in
                for (index, read) in reads.enumerated().dropFirst() {
                    group.addTask {
                        try await self.transaction { connection in
                            try await connection.query(
                                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                            try await connection.query(
                                PostgresQuery(unsafeSQL: "SET TRANSACTION SNAPSHOT '\(exported)'"), logger: logger)
                            return (index, try await read(connection))
                        }
                    }
                }
                var results: [T?] = Array(repeating: nil, count: reads.count)
                results[0] = try await reads[0](first)
                for try await (index, result) in group {
                    results[index] = result
                }
                return results.map { $0! }
            }
        }
    }
}

/// `pg_export_snapshot()` answered something that is not a snapshot's name.
struct SnapshotNotExported: Error, CustomStringConvertible {
    let answer: String
    var description: String { "PostgreSQL exported no snapshot (“\(answer)”)" }
}

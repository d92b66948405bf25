import PostgresNIO

extension CityStore {
    /// Creates `city_event`'s partitions of `months` that are missing, each in a short
    /// transaction under the migrations' advisory lock: creating a partition locks the whole
    /// table, so it never happens inside a batch's transaction, and two services never race.
    func ensureMonths(_ months: Set<String>) async throws {
        let missing = months.subtracting(database.knownMonths.withLock { $0 }).filter { !$0.isEmpty }
        guard !missing.isEmpty else { return }
        try await database.transaction { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(CityMigrations.lockKey))", logger: self.logger)
            var existing = Set<String>()
            for try await month in try await connection.query(
                "SELECT month FROM city_event_month", logger: self.logger
            ).decode(String.self) {
                existing.insert(month)
            }
            for month in missing.subtracting(existing).sorted() {
                // Safe as SQL: `month(of:)` made it from a checked date, yyyy-MM.
                precondition(month.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x2D })
                let table = "city_event_" + month.replacingOccurrences(of: "-", with: "_")
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL: "CREATE TABLE \(table) PARTITION OF city_event FOR VALUES IN ('\(month)')"),
                    logger: self.logger)
                try await connection.query(
                    "INSERT INTO city_event_month (month) VALUES (\(month))", logger: self.logger)
            }
        }
        database.knownMonths.withLock { $0.formUnion(missing) }
    }

}

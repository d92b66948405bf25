import Foundation
import PostgresNIO

extension CityStore {
    /// What a hall reset removes (or would).
    public struct HallReset: Sendable, Equatable {
        /// The hall's events the city held.
        public var events: Int64
        /// The highest event number the city held (it now holds none).
        public var heldSeq: Int64
    }

    /// Forgets everything the city holds of `hallId`: its events, day rollups, running totals
    /// (own and cohorts), services and bad reviews with their totals. The hall keeps its token
    /// and name; its next batch is answered `held: 0`, so it sends its whole log again and the
    /// city folds it anew.
    ///
    /// For a hall whose database is not the one that sent what the city holds (restored from an
    /// older backup, or reinstalled): the city then has exactly what the hall has. Under the
    /// hall's row lock, as ingest is, in one transaction: a batch arriving meanwhile waits for it,
    /// and a reset that fails changes nothing. With `dryRun`, only counts.
    public func resetHall(id hallId: String, dryRun: Bool) async throws -> HallReset {
        try await database.transaction { connection in
            let logger = self.logger
            var held: Int64?
            for try await seq in try await connection.query(
                "SELECT held_seq FROM city_hall WHERE hall_id = \(hallId) FOR UPDATE", logger: logger
            ).decode(Int64.self) {
                held = seq
            }
            guard let held else { throw CityError.unknownHall(hallId) }
            var events: Int64 = 0
            for try await count in try await connection.query(
                "SELECT count(*) FROM city_event WHERE hall_id = \(hallId)", logger: logger
            ).decode(Int64.self) {
                events = count
            }
            let reset = HallReset(events: events, heldSeq: held)
            guard !dryRun else { return reset }
            // The reviews first: their trigger moves the totals, which then go too.
            for table in [
                "city_bad_review", "city_bad_review_total", "city_event", "city_day", "city_prefix",
                "city_cohort_prefix", "city_hall_service",
            ] {
                try await connection.query(
                    PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE hall_id = $1", binds: binds(hallId)),
                    logger: logger)
            }
            try await connection.query(
                "UPDATE city_hall SET held_seq = 0, fold = '{}', received_at = NULL WHERE hall_id = \(hallId)",
                logger: logger)
            return reset
        }
    }

    private func binds(_ hallId: String) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(hallId)
        return binds
    }
}

import Foundation
import Logging
import OneWindowCore
import PostgresNIO

extension CityStore {
    /// Stores a hall's batch and folds it into the rollups, in one transaction under the hall's
    /// row lock: two city services given the same batch store it once, in order.
    ///
    /// A batch that starts after a seq the city does not hold yet (`after` > held) is not
    /// stored: the answer's `held` tells the hall where to send from. Events at or before
    /// `held` were stored before and are skipped, once they are found to be the very events
    /// stored (`firstDifferent`: else the batch is refused whole); the rest are stored, keyed (hall, seq), and
    /// folded with `MetricsBook.apply`, the hall's own fold, into `city_day` and the running
    /// totals (`city_prefix`, `city_cohort_prefix`).
    public func ingest(hallId: String, _ batch: CityEventBatch) async throws -> CityAck {
        try await ensureMonths(Set(batch.events.map { Self.month(of: $0) }))
        return try await database.transaction { connection in
            let logger = self.logger
            var found: (Int64, String)?
            for try await row in try await connection.query(
                "SELECT held_seq, fold::text FROM city_hall WHERE hall_id = \(hallId) FOR UPDATE", logger: logger
            ).decode((Int64, String).self) {
                found = row
            }
            guard let (held, foldText) = found else { throw CityError.unknownHall(hallId) }
            if let seq = try await firstDifferent(batch.events.filter { $0.seq <= held }, hallId: hallId, connection) {
                throw CityError.sequenceConflict(hallId: hallId, seq: seq, held: held)
            }
            let fresh = batch.events.filter { $0.seq > held }
            guard batch.after <= held, let last = fresh.last else { return CityAck(held: held, stored: 0) }
            let stored = try await insertEvents(fresh, hallId: hallId, connection)
            let fold = try JSONDecoder().decode(CityFold.self, from: Data(foldText.utf8))
            let open = try await openBadReviews(hallId: hallId, connection)
            var book = fold.book(after: held, badReviews: open)
            for event in fresh { book.apply(id: event.seq, event.event) }
            // The batch's figures, to its days and to the running totals from them on.
            try await Self.addDayRollups(book.days, hallId: hallId, connection, logger: logger)
            let parts = PrefixParts(book.days)
            try await Self.addToPrefixes(parts.own, table: .own, hallId: hallId, connection, logger: logger)
            try await Self.addToPrefixes(parts.cohorts, table: .cohorts, hallId: hallId, connection, logger: logger)
            let changed = book.badReviews.filter { open[$0.key] != $0.value }
            try await saveBadReviews(changed, hallId: hallId, connection)
            let foldJSON = String(decoding: try JSONEncoder().encode(CityFold(book)), as: UTF8.self)
            try await connection.query(
                """
                UPDATE city_hall SET held_seq = \(last.seq), fold = \(foldJSON)::jsonb, received_at = now()
                WHERE hall_id = \(hallId)
                """, logger: logger)
            return CityAck(held: last.seq, stored: stored)
        }
    }

    /// The first of `events` (sent again, all at or before the hall's held seq) that differs
    /// from the event the city stored under its seq, or nil if all are the same.
    ///
    /// A hall sends events again after a lost answer, and then they are the same. Different
    /// events under a held number come from another database under the same hall id (restored
    /// from an older backup, or reinstalled): skipping them, as a plain resend is skipped, would
    /// drop them unseen; refusing them shows the hall's operator (`/healthz`). An event the city no
    /// longer holds (its month archived) is not compared.
    func firstDifferent(_ events: [CityEvent], hallId: String, _ connection: PostgresConnection) async throws
        -> Int64?
    {
        guard let first = events.first?.seq, let last = events.last?.seq else { return nil }
        var stored: [Int64: CityEvent] = [:]
        let rows = try await connection.query(
            """
            SELECT event_seq, kind, ticket_id, service_id, case_id, hall_day, at, detail FROM city_event
            WHERE hall_id = \(hallId) AND event_seq BETWEEN \(first) AND \(last)
            """, logger: logger)
        for try await (seq, kind, ticket, service, caseId, day, at, detail) in rows.decode(
            (Int64, String, String?, String?, String?, String?, Double, String?).self)
        {
            guard let kind = QueueEvent.Kind(rawValue: kind) else { return seq }
            stored[seq] = CityEvent(
                seq: seq, kind: kind, ticketId: ticket, serviceId: service, caseId: caseId, hallDay: day, at: at,
                detail: detail)
        }
        return events.first { event in stored[event.seq].map { $0 != event } ?? false }?.seq
    }

    /// The partition month of an event: `yyyy-MM` of its hall day; "" (the undated partition)
    /// for an event without one.
    static func month(of event: CityEvent) -> String {
        guard let day = event.hallDay, day.utf8.count == 10, WorkingDays.date(day) != nil else { return "" }
        return String(day.prefix(7))
    }

    private func insertEvents(_ events: [CityEvent], hallId: String, _ connection: PostgresConnection) async throws
        -> Int
    {
        var stored = 0
        // 10 columns a row: 500 rows stay far below PostgreSQL's 65,535 parameters.
        for chunk in stride(from: 0, to: events.count, by: 500).map({ events[$0..<min($0 + 500, events.count)] }) {
            var rows = SQLRows(columns: 10)
            for event in chunk {
                rows.row { binds in
                    binds.append(hallId)
                    binds.append(event.seq)
                    binds.append(Self.month(of: event))
                    binds.append(event.kind.rawValue)
                    binds.append(event.ticketId)
                    binds.append(event.serviceId)
                    binds.append(event.caseId)
                    binds.append(event.hallDay)
                    binds.append(event.at)
                    binds.append(event.detail)
                }
            }
            let sql = """
                INSERT INTO city_event
                    (hall_id, event_seq, month, kind, ticket_id, service_id, case_id, hall_day, at, detail)
                VALUES \(rows.placeholders) ON CONFLICT DO NOTHING
                """
            let result = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: rows.binds), logger: logger)
            for try await _ in result {}
            stored += chunk.count
        }
        return stored
    }

    /// The hall's bad reviews not rectified yet: the fold marks them when a `rectified` comes.
    private func openBadReviews(hallId: String, _ connection: PostgresConnection) async throws
        -> [String: MetricsBook.BadReview]
    {
        var reviews: [String: MetricsBook.BadReview] = [:]
        let rows = try await connection.query(
            """
            SELECT evaluation_id, service_id, hall_day, due FROM city_bad_review
            WHERE hall_id = \(hallId) AND NOT rectified
            """, logger: logger)
        for try await (id, serviceId, day, due) in rows.decode((String, String, String, String?).self) {
            reviews[id] = MetricsBook.BadReview(serviceId: serviceId, hallDay: day, due: due)
        }
        return reviews
    }

    private func saveBadReviews(
        _ reviews: [String: MetricsBook.BadReview], hallId: String, _ connection: PostgresConnection
    ) async throws {
        guard !reviews.isEmpty else { return }
        var rows = SQLRows(columns: 7)
        for (id, review) in reviews {
            rows.row { binds in
                binds.append(hallId)
                binds.append(id)
                binds.append(review.serviceId)
                binds.append(review.hallDay)
                binds.append(review.due)
                binds.append(review.rectified)
                binds.append(review.rectifiedOn)
            }
        }
        let sql = """
            INSERT INTO city_bad_review (hall_id, evaluation_id, service_id, hall_day, due, rectified, rectified_on)
            VALUES \(rows.placeholders)
            ON CONFLICT (hall_id, evaluation_id) DO UPDATE SET service_id = EXCLUDED.service_id,
                hall_day = EXCLUDED.hall_day, due = EXCLUDED.due, rectified = EXCLUDED.rectified,
                rectified_on = EXCLUDED.rectified_on
            """
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: rows.binds), logger: logger)
    }
}

import Foundation
import GRDB
import OneWindowCore

/// The daily rollups of the metrics: when the queue rolls a hall day over, the events since
/// the last rollup (that day's, and any day the daemon slept through) are folded and stored as
/// each day's figures (`DayStats`, per service and for the hall), in the transaction that wrote
/// the day's last events (its expirations). Start-up then reads the stored days and folds only
/// the events after `metrics_rollup.last_event_id`: today's.
///
/// A day's own figures never change after the day (a later close of one of its cases is told
/// in the later day's `cohortChanges`), so a stored day is final. What crosses a day's end is
/// the open cohorts (`metrics_cohort`) and the bad reviews not yet rectified (read from
/// `evaluation`); tickets all end with their day. The months that are over are summed in the
/// same transaction (`MetricsMonths`).
enum MetricsRollup {
    /// Days between two progress lines while a whole log is rolled up (the migration).
    static let progressEvery = 30

    /// Folds the events after the last rolled-up one whose hall day is before `day` (they come
    /// first: the hall day never goes back) and stores their days. Returns how many days.
    @discardableResult
    static func rollUp(_ db: Database, before day: String, progress: (@Sendable (String) -> Void)? = nil) throws
        -> Int
    {
        let lastId = try Int64.fetchOne(db, sql: "SELECT last_event_id FROM metrics_rollup") ?? 0
        // The usual start on the same day: nothing to fold, and no page of today's events to read.
        let next = try String.fetchOne(
            db, sql: "SELECT COALESCE(hall_day, '') FROM queue_event WHERE id > ? ORDER BY id LIMIT 1",
            arguments: [lastId])
        guard let next, next < day else { return 0 }
        var book = MetricsBook(
            stored: [:], cohorts: try cohorts(db), openTickets: try openTickets(db), badReviews: [:],
            lastEventId: lastId)
        var stored = 0
        var events = 0
        var current: String?
        let months = try MetricsMonths.exist(db)
        func store(before next: String) throws {
            for (hallDay, services) in book.takeDays(before: next).sorted(by: { $0.key < $1.key }) {
                try write(db, day: hallDay, services)
                if months { try MetricsMonths.dayStored(db, day: hallDay, services) }
                stored += 1
                if let progress, stored % progressEvery == 0 {
                    progress("metrics rollups: \(stored) days stored, through \(hallDay); \(events) events folded")
                }
            }
        }
        pages: while true {
            let page = try Storage.queueEvents(
                db, where: "id > ? ORDER BY id LIMIT ?", arguments: [book.lastEventId, Storage.eventPageSize])
            guard !page.isEmpty else { break }
            for stored in page {
                let eventDay = stored.event.hallDay
                if let eventDay, eventDay >= day { break pages }
                if let eventDay, let seen = current, eventDay > seen { try store(before: eventDay) }
                current = max(current ?? "", eventDay ?? "")
                book.apply(id: stored.id, stored.event)
                events += 1
            }
        }
        guard book.lastEventId > lastId else { return 0 }
        try store(before: day)
        if months { try MetricsMonths.sumMonthsOver(db) }
        try db.execute(sql: "DELETE FROM metrics_cohort")
        let insert = try db.cachedStatement(
            sql: "INSERT INTO metrics_cohort (case_id, hall_day, service_id) VALUES (?, ?, ?)")
        for cohort in book.openCohorts {
            try insert.execute(arguments: [cohort.caseId, cohort.day, cohort.serviceId])
        }
        try db.execute(sql: "DELETE FROM metrics_open_ticket")
        let trace = try db.cachedStatement(
            sql: """
                INSERT INTO metrics_open_ticket (ticket_id, service_id, issued_at, first_call, last_call)
                VALUES (?, ?, ?, ?, ?)
                """)
        for ticket in book.openTickets {
            try trace.execute(arguments: [
                ticket.ticketId, ticket.serviceId, ticket.issuedAt.timeIntervalSince1970,
                ticket.firstCall?.timeIntervalSince1970, ticket.lastCall?.timeIntervalSince1970,
            ])
        }
        try db.execute(
            sql: "UPDATE metrics_rollup SET last_event_id = ?, last_day = ?",
            arguments: [book.lastEventId, current])
        progress?(
            "metrics rollups: \(stored) days stored, \(events) events folded, \(book.openCohorts.count) cases followed")
        return stored
    }

    /// Stores one day's figures per service and the hall's sum (service id ''), adding them to
    /// what is stored for the day already (only if a stray event of a stored day came late).
    static func write(_ db: Database, day: String, _ services: [String: DayStats]) throws {
        var hall = DayStats()
        let upsert = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO metrics_day (hall_day, service_id, stats) VALUES (?, ?, ?)")
        for (serviceId, stats) in services {
            hall.add(stats)
            try upsert.execute(arguments: [day, serviceId, Data(try merged(db, day, serviceId, stats).rollup())])
        }
        try upsert.execute(arguments: [day, "", Data(try merged(db, day, "", hall).rollup())])
    }

    private static func merged(_ db: Database, _ day: String, _ serviceId: String, _ stats: DayStats) throws
        -> DayStats
    {
        guard
            let data = try Data.fetchOne(
                db, sql: "SELECT stats FROM metrics_day WHERE hall_day = ? AND service_id = ?",
                arguments: [day, serviceId])
        else { return stats }
        var total = try DayStats(rollup: [UInt8](data))
        total.add(stats)
        return total
    }

    static func openTickets(_ db: Database) throws -> [MetricsBook.OpenTicket] {
        try Row.fetchAll(
            db, sql: "SELECT ticket_id, service_id, issued_at, first_call, last_call FROM metrics_open_ticket"
        )
        .map { row in
            MetricsBook.OpenTicket(
                ticketId: row[0], serviceId: row[1], issuedAt: Date(timeIntervalSince1970: row[2]),
                firstCall: (row[3] as Double?).map(Date.init(timeIntervalSince1970:)),
                lastCall: (row[4] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
    }

    static func cohorts(_ db: Database) throws -> [MetricsBook.OpenCohort] {
        try Row.fetchAll(db, sql: "SELECT case_id, hall_day, service_id FROM metrics_cohort").map {
            MetricsBook.OpenCohort(caseId: $0[0], day: $0[1], serviceId: $0[2])
        }
    }
}

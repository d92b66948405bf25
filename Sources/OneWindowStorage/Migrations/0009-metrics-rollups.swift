import GRDB

/// 0009: the daily rollups of the metrics (see `MetricsRollup`). `metrics_day` holds each
/// closed hall day's figures per service, and for the hall under the service id '' (the sum of
/// the day's services, for whoever reads the database with sqlite3; the daemon sums the
/// services itself); `metrics_cohort` the cases still followed after a first visit that did
/// not close them; `metrics_open_ticket` the tickets still open at the last rollup (as a rule
/// none: tickets expire at the rollover), with their times as seconds since 1970;
/// `metrics_rollup` the last event folded into the rollups.
///
/// It builds the rollups of every day before the latest day in the event log once, logging its
/// progress through `progress`; the latest day stays live until the queue rolls it over.
func migration0009MetricsRollups(_ db: Database, progress: (@Sendable (String) -> Void)?) throws {
    try db.execute(
        sql: """
            CREATE TABLE metrics_day (
                hall_day TEXT NOT NULL,
                service_id TEXT NOT NULL,
                stats BLOB NOT NULL,
                PRIMARY KEY (hall_day, service_id)
            ) WITHOUT ROWID;
            CREATE TABLE metrics_cohort (
                case_id TEXT PRIMARY KEY NOT NULL,
                hall_day TEXT NOT NULL,
                service_id TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE metrics_open_ticket (
                ticket_id TEXT PRIMARY KEY NOT NULL,
                service_id TEXT NOT NULL,
                issued_at REAL NOT NULL,
                first_call REAL,
                last_call REAL
            ) WITHOUT ROWID;
            CREATE TABLE metrics_rollup (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_event_id INTEGER NOT NULL,
                last_day TEXT
            );
            INSERT INTO metrics_rollup (id, last_event_id) VALUES (1, 0);
            """)
    guard let latest = try String.fetchOne(db, sql: "SELECT hall_day FROM queue_event ORDER BY id DESC LIMIT 1")
    else { return }
    progress?("building the daily metrics rollups of the event log, up to \(latest)")
    try MetricsRollup.rollUp(db, before: latest, progress: progress)
}

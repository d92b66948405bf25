import GRDB

/// 0019: the stored months' sums of the metrics (`MetricsMonths`): per month that is over,
/// per service, the year to date, and the cases it opened less those it closed or cancelled
/// (`cases_open`, which start-up reads of every month). Start-up reads them and the last three months or so of days
/// instead of every stored day, so it does not grow with the hall's age (issue 14). It sums
/// the months of an existing database once, logging each month through `progress`.
func migration0019MetricsMonths(_ db: Database, progress: (@Sendable (String) -> Void)?) throws {
    try db.execute(
        sql: """
            CREATE TABLE metrics_month (
                month TEXT NOT NULL,
                service_id TEXT NOT NULL,
                stats BLOB NOT NULL,
                cases_open INTEGER NOT NULL,
                PRIMARY KEY (month, service_id)
            ) WITHOUT ROWID;
            """)
    guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM metrics_day LIMIT 1") ?? 0 > 0 else { return }
    progress?("summing the metrics rollups by month")
    try MetricsMonths.sumMonthsOver(db, progress: progress)
}

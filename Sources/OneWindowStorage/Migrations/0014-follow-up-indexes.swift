import GRDB

/// 0014: partial indexes for what stays open, so that nothing scans a year's rows to find it.
/// - `case_record_open`: the open cases by service. The queue no longer holds every open case
///   in memory (a year's hall left 94,292 open, read at each start); what asks about open cases
///   by service (a catalogue reload's check and its moves, the warning at start) reads them here.
/// - `evaluation_follow_up` and `evaluation_bad_open`: the bad reviews not yet visited back, in
///   the order `/manage` lists them, and those not yet rectified. `/manage` scanned all of a
///   year's 556,000 evaluations twice per request for them.
/// - `evaluation_bad`: every bad review with the columns the metrics keep of it, read at each
///   start (`Storage.badReviewsForMetrics`, since replaced by `openBadReviewsForMetrics`) from
///   this index alone instead of the whole table.
func migration0014FollowUpIndexes(_ db: Database) throws {
    // IF NOT EXISTS: a development database may have this one from an earlier draft of 0014.
    try db.execute(
        sql: "CREATE INDEX IF NOT EXISTS case_record_open ON case_record (service_id, id) WHERE state = 'open'")
    try db.execute(
        sql: """
            CREATE INDEX evaluation_follow_up ON evaluation (rectify_by, at, id)
            WHERE rating <= 2 AND visited_back_at IS NULL
            """)
    try db.execute(
        sql: """
            CREATE INDEX evaluation_bad_open ON evaluation (rectify_by, id)
            WHERE rating <= 2 AND rectified_at IS NULL
            """)
    try db.execute(
        sql: """
            CREATE INDEX evaluation_bad ON evaluation (id, service_id, hall_day, rectify_by, rectified_at)
            WHERE rating <= 2
            """)
}

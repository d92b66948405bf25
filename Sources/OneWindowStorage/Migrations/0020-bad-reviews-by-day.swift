import GRDB

/// 0020: the bad reviews by the hall day they were made on, with the columns the disclosure
/// counts (`Storage.badReviewCountsByDay`, this year's), in place of 0014's `evaluation_bad`,
/// which served the start-up's read of every bad review: start-up now reads only the open ones
/// (0014's `evaluation_bad_open`). Without it SQLite took the year's evaluations by
/// `evaluation_day` and read each row: 300 ms for a year's 35,000 bad reviews of 556,000
/// evaluations, against 10–20 ms from this index. `rating` is in it so that SQLite 3.40 reads the
/// query from the index alone (it does not count a partial index's condition as covered).
func migration0020BadReviewsByDay(_ db: Database) throws {
    try db.execute(sql: "DROP INDEX IF EXISTS evaluation_bad")
    try db.execute(
        sql: """
            CREATE INDEX evaluation_bad_by_day ON evaluation (hall_day, service_id, rectify_by, rectified_at, rating)
            WHERE rating <= 2
            """)
}

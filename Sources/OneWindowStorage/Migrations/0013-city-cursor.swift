import GRDB

/// 0013: how far the city holds the hall's event log (`onewindowd serve --city-url`): the
/// highest event id the city acknowledged holding with every event before it, the time of that
/// answer, and the last failure. One row; the sender sends the events after `held_seq`.
func migration0013CityCursor(_ db: Database) throws {
    try db.execute(
        sql: """
            CREATE TABLE city_cursor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                held_seq INTEGER NOT NULL,
                acknowledged_at DATETIME,
                last_error TEXT
            );
            INSERT INTO city_cursor (id, held_seq) VALUES (1, 0);
            """)
}

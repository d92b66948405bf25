import GRDB

/// 0014: the open cases by service, as a partial index. The queue no longer holds every open
/// case in memory (a year's hall left 71,661 open, read at each start); what asks about open
/// cases by service (a catalogue reload's check and its moves, the warning at start) reads
/// them through this index instead.
func migration0014OpenCaseIndex(_ db: Database) throws {
    try db.execute(sql: "CREATE INDEX case_record_open ON case_record (service_id, id) WHERE state = 'open'")
}

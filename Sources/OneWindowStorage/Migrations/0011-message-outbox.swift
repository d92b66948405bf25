import GRDB

/// 0011: messages to the applicant's phone (`topic = 'message'`) share the outbox with the
/// 好差评 records but go to another receiver (`--notify-url`), each lane in its own order.
///
/// A message's key is the event it tells of (`booking_confirmed:<code>`, a reminder's day …):
/// unique among messages, so that the same event never makes a second message, even when a
/// timer asks again after a restart. The index over pending records by topic lets each lane
/// read its own head without stepping over the other's backlog.
func migration0011MessageOutbox(_ db: Database) throws {
    try db.execute(sql: "CREATE UNIQUE INDEX outbox_message_key ON outbox (key) WHERE topic = 'message'")
    try db.execute(sql: "CREATE INDEX outbox_pending_topic ON outbox (topic, seq) WHERE delivered_at IS NULL")
}

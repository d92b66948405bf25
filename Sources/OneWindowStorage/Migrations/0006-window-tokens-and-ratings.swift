import GRDB

/// 0006: device tokens bound to a window, and ratings that only the applicant can give.
///
/// - `device_token.window`: the window of a clerk terminal or a rating pad. Clerk tokens from
///   before keep a null window; the daemon refuses them (403 `token_unbound`) and warns at
///   start-up, since a clerk token that acts on every window is the hole this closes.
/// - `ticket.evaluation_code_hash`: SHA-256 of the code printed on the receipt, salted with
///   the ticket id; a kiosk rating must bring the code.
/// - `evaluation.channel` (pad, phone, kiosk) and `evaluation.reasons` (a JSON array of
///   reason ids). Earlier ratings all came from kiosks and had no reasons.
func migration0006WindowTokensAndRatings(_ db: Database) throws {
    try db.alter(table: "device_token") { table in
        table.add(column: "window", .text)
    }
    try db.alter(table: "ticket") { table in
        table.add(column: "evaluation_code_hash", .text)
    }
    try db.alter(table: "evaluation") { table in
        table.add(column: "channel", .text).notNull().defaults(to: "kiosk")
        table.add(column: "reasons", .text).notNull().defaults(to: "[]")
    }
}

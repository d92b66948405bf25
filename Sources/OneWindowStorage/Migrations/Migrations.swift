import GRDB

/// Every schema change, in order. A migration, once released, is never edited: add the next one.
enum Migrations {
    /// `progress` hears the long ones (0009 builds the rollups of a whole event log, 0019 sums their months).
    static func migrator(progress: (@Sendable (String) -> Void)? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001-catalogue-loads", migrate: migration0001CatalogueLoads)
        migrator.registerMigration("0002-queue", migrate: migration0002Queue)
        migrator.registerMigration("0003-device-tokens", migrate: migration0003DeviceTokens)
        migrator.registerMigration("0004-idempotency-keys", migrate: migration0004IdempotencyKeys)
        migrator.registerMigration("0005-cases", migrate: migration0005Cases)
        migrator.registerMigration("0006-window-tokens-and-ratings", migrate: migration0006WindowTokensAndRatings)
        migrator.registerMigration("0007-outbox", migrate: migration0007Outbox)
        migrator.registerMigration("0008-first-call", migrate: migration0008FirstCall)
        migrator.registerMigration("0009-metrics-rollups") { try migration0009MetricsRollups($0, progress: progress) }
        migrator.registerMigration("0010-bookings", migrate: migration0010Bookings)
        migrator.registerMigration("0011-message-outbox", migrate: migration0011MessageOutbox)
        migrator.registerMigration("0012-ticket-channel", migrate: migration0012TicketChannel)
        migrator.registerMigration("0013-city-cursor", migrate: migration0013CityCursor)
        migrator.registerMigration("0014-follow-up-indexes", migrate: migration0014FollowUpIndexes)
        migrator.registerMigration("0015-booking-check-in-time", migrate: migration0015BookingCheckInTime)
        migrator.registerMigration("0016-booking-ticket-index", migrate: migration0016BookingTicketIndex)
        migrator.registerMigration("0017-remote-tickets", migrate: migration0017RemoteTickets)
        migrator.registerMigration("0018-booking-rollups", migrate: migration0018BookingRollups)
        migrator.registerMigration("0019-metrics-months") { try migration0019MetricsMonths($0, progress: progress) }
        migrator.registerMigration("0020-bad-reviews-by-day", migrate: migration0020BadReviewsByDay)
        return migrator
    }
}

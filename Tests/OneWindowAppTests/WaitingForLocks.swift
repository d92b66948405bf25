import GRDB

extension Configuration {
    /// For a test's own connection to a daemon's database: waits up to 10 s for a lock, as the
    /// daemon's own connections wait 5 s (`Storage.configuration`). Without it, a connection
    /// opened while a stopped daemon's last connection closes (SQLite then checkpoints and
    /// removes the log under an exclusive lock) failed at once with "database is locked": seen
    /// once under load, in `MetricsRollupMigrationTests`.
    static var waitingForLocks: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return configuration
    }
}

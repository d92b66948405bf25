import PostgresNIO

extension CityMigrations {
    /// 0006: the running totals (0003) compressed with lz4, not pglz. A busy hall's rollup is
    /// about 2.4 kB, over PostgreSQL's 2 kB threshold, so each is stored compressed (to about
    /// 1.0 kB with lz4, 0.85 with pglz); a year across 200 halls decompresses about 30 MB of
    /// them: 12,648 such rollups took 66–80 ms with pglz and 18–24 with lz4 (not compressed
    /// 17 ms, but 2.5× the disk). Debian's PostgreSQL is built with lz4
    /// (`pg_config --configure` lists `--with-lz4`); one without it refuses this migration.
    /// `SET COMPRESSION` applies to values written after it only: the backfill writes every
    /// stored total again, as a new value (`|| ''`: a copy would keep its pglz bytes), which
    /// takes minutes for a province's years, so `serve` leaves it to `migrate` (the bench's 203
    /// halls: 2 s). The old versions are dead rows until autovacuum (or `VACUUM`) frees them.
    static let migration0006 = Migration(
        number: 6, name: "lz4-prefixes",
        sql: [
            "ALTER TABLE city_prefix ALTER COLUMN stats SET COMPRESSION lz4",
            "ALTER TABLE city_cohort_prefix ALTER COLUMN changes SET COMPRESSION lz4",
        ],
        backfill: { connection, logger in
            for statement in [
                "UPDATE city_prefix SET stats = stats || ''::bytea WHERE pg_column_compression(stats) = 'pglz'",
                """
                UPDATE city_cohort_prefix SET changes = changes || ''::bytea
                WHERE pg_column_compression(changes) = 'pglz'
                """,
            ] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        })
}

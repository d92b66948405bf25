extension CityMigrations {
    /// 0002: per hall-month rollups, `city_month`: each hall's days of a month summed per
    /// service, with the columns of `city_day`. A year's query across 200 halls adds a dozen
    /// months per hall and service instead of 365 days. Ingest keeps them: each batch adds its
    /// figures to its days and to their months in the same transaction, so a late batch for
    /// an old day updates that day's month too. It had a backfill summing the days already
    /// stored; migration 0003 drops the table in the same run of the migrations, so a database
    /// migrated now skips that work (the schema each number leaves is unchanged).
    static let migration0002 = Migration(
        number: 2, name: "hall-months",
        sql: [
            """
            CREATE TABLE city_month (
                hall_id text NOT NULL,
                month text NOT NULL,
                service_id text NOT NULL,
                stats bytea NOT NULL,
                cases_opened integer NOT NULL,
                cases_ended integer NOT NULL,
                has_cohort_changes boolean NOT NULL,
                PRIMARY KEY (hall_id, month, service_id)
            )
            """,
            "CREATE INDEX city_month_by_month ON city_month (month)",
        ])
}

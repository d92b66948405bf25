extension CityMigrations {
    /// 0003: per hall and service, running totals, so that any range is the difference of two
    /// rows: a year across 200 halls read about 40 rollups per hall and service from
    /// `city_month` and `city_day` (over 5 s at 41 halls), now 2 (and 2 small cohort rows).
    /// - `city_prefix`: the service's own figures of every hall day up to `hall_day`, added
    ///   (`DayStats.rollup()`, without cohort changes), and the cases open at its end. A row
    ///   exists for each day the service had figures; the range `from`…`to` is the latest row
    ///   at or before `to` minus the latest before `from`.
    /// - `city_cohort_prefix`: the changes recorded so far (on any day) to the cohorts of every
    ///   hall day up to `cohort_day`, added into one (a `DayStats` rollup holding only that
    ///   one cohort change). A change to cohort c arrives on a day ≥ c, and a range needs the
    ///   changes of its cohorts whenever they came: C(to) − C(from − 1).
    /// - `city_hall_service`: the (hall, service) pairs with rows, which the query walks.
    /// `city_month` is dropped: nothing reads it any more. The backfill builds the rows from
    /// `city_day`, one hall at a time.
    static let migration0003 = Migration(
        number: 3, name: "prefixes",
        sql: [
            """
            CREATE TABLE city_prefix (
                hall_id text NOT NULL,
                service_id text NOT NULL,
                hall_day text NOT NULL,
                stats bytea NOT NULL,
                cases_open bigint NOT NULL,
                PRIMARY KEY (hall_id, service_id, hall_day)
            )
            """,
            """
            CREATE TABLE city_cohort_prefix (
                hall_id text NOT NULL,
                service_id text NOT NULL,
                cohort_day text NOT NULL,
                changes bytea NOT NULL,
                PRIMARY KEY (hall_id, service_id, cohort_day)
            )
            """,
            """
            CREATE TABLE city_hall_service (
                hall_id text NOT NULL,
                service_id text NOT NULL,
                PRIMARY KEY (hall_id, service_id)
            )
            """,
            "DROP TABLE city_month",
        ],
        backfill: { connection, logger in try await CityStore.buildPrefixes(connection, logger: logger) })
}

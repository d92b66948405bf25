extension CityMigrations {
    /// 0001: the halls, their events and the per hall-day rollups.
    /// - `city_hall`: each hall, the SHA-256 of its token, the highest seq up to which the city
    ///   holds all its events (`held_seq`), and the fold's state after that event (`fold`: the
    ///   open tickets and the cases followed after a first visit), so that the next batch
    ///   continues the fold where the last one stopped.
    /// - `city_event`: every event once, keyed by (hall_id, event_seq), partitioned by month
    ///   (`month`, `yyyy-MM` of the hall day; events without one in `city_event_undated`): old
    ///   months can be detached and archived whole.
    /// - `city_day`: `DayStats` per hall, hall day and service in the hall's rollup form
    ///   (`RollupWriter`), plus the counts that the open cases need, summed in SQL.
    /// - `city_bad_review`: bad reviews (rating ≤ 2), and whether and when they were rectified.
    /// - `city_token`: the tokens of the city's own readers.
    static let migration0001 = Migration(
        number: 1, name: "halls-events-rollups",
        sql: [
            """
            CREATE TABLE city_hall (
                hall_id text PRIMARY KEY,
                name text NOT NULL,
                token_sha256 text NOT NULL UNIQUE,
                held_seq bigint NOT NULL DEFAULT 0,
                fold jsonb NOT NULL DEFAULT '{}',
                received_at timestamptz
            )
            """,
            """
            CREATE TABLE city_event (
                hall_id text NOT NULL,
                event_seq bigint NOT NULL,
                month text NOT NULL,
                kind text NOT NULL,
                ticket_id text,
                service_id text,
                case_id text,
                hall_day text,
                at double precision NOT NULL,
                detail text,
                PRIMARY KEY (hall_id, event_seq, month)
            ) PARTITION BY LIST (month)
            """,
            "CREATE TABLE city_event_undated PARTITION OF city_event DEFAULT",
            """
            CREATE TABLE city_day (
                hall_id text NOT NULL,
                hall_day text NOT NULL,
                service_id text NOT NULL,
                stats bytea NOT NULL,
                cases_opened integer NOT NULL,
                cases_ended integer NOT NULL,
                has_cohort_changes boolean NOT NULL,
                PRIMARY KEY (hall_id, hall_day, service_id)
            )
            """,
            "CREATE INDEX city_day_by_day ON city_day (hall_day)",
            """
            CREATE TABLE city_bad_review (
                hall_id text NOT NULL,
                evaluation_id text NOT NULL,
                service_id text NOT NULL,
                hall_day text NOT NULL,
                due text,
                rectified boolean NOT NULL DEFAULT false,
                rectified_on text,
                PRIMARY KEY (hall_id, evaluation_id)
            )
            """,
            "CREATE INDEX city_bad_review_by_day ON city_bad_review (hall_day)",
            // The months that have a partition of `city_event`: ingest creates a month's
            // partition once, under the advisory lock, never inside a batch's transaction.
            "CREATE TABLE city_event_month (month text PRIMARY KEY)",
            // The city's own readers (role `city`): the metrics API and the /city page.
            """
            CREATE TABLE city_token (
                token_sha256 text PRIMARY KEY,
                name text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ])
}

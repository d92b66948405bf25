import PostgresNIO

extension CityMigrations {
    /// 0005: running totals of the bad reviews, as 0003 keeps them of the figures. A year's
    /// counts across 202 halls scanned 7.6 million `city_bad_review` rows (5.4 s, over the
    /// route's bound); now two rows per hall and service, whatever the range.
    /// - `city_bad_review_total`: per hall and service, of the bad reviews made on hall days up
    ///   to `hall_day`, how many are open, rectified, and rectified in time (`BadReviewCounts`'
    ///   definitions). A range's counts are the latest row at or before `to` minus the latest
    ///   before `from`. Kept by a trigger on `city_bad_review`, so every write of a review (the
    ///   ingest's upsert, a rectification, a hall's removal) changes them in the same statement:
    ///   the review's day and every later row.
    /// - `city_bad_review_open_due`: the open reviews by deadline. Overdue is open with
    ///   `due < today`; a range's overdue count is its open count minus the open ones not yet
    ///   due, which are few (made within their deadline, a few weeks).
    static let migration0005 = Migration(
        number: 5, name: "bad-review-totals",
        sql: [
            """
            CREATE TABLE city_bad_review_total (
                hall_id text NOT NULL,
                service_id text NOT NULL,
                hall_day text NOT NULL,
                open bigint NOT NULL,
                rectified bigint NOT NULL,
                rectified_in_time bigint NOT NULL,
                PRIMARY KEY (hall_id, service_id, hall_day)
            )
            """,
            """
            CREATE FUNCTION city_bad_review_total_add(
                h text, s text, d text, o bigint, r bigint, t bigint) RETURNS void LANGUAGE sql AS $$
                INSERT INTO city_bad_review_total (hall_id, service_id, hall_day, open, rectified, rectified_in_time)
                SELECT h, s, d, coalesce(b.open, 0), coalesce(b.rectified, 0), coalesce(b.rectified_in_time, 0)
                FROM (SELECT 1) one LEFT JOIN LATERAL (
                    SELECT open, rectified, rectified_in_time FROM city_bad_review_total p
                    WHERE p.hall_id = h AND p.service_id = s AND p.hall_day < d
                    ORDER BY p.hall_day DESC LIMIT 1) b ON true
                ON CONFLICT DO NOTHING;
                UPDATE city_bad_review_total
                SET open = open + o, rectified = rectified + r, rectified_in_time = rectified_in_time + t
                WHERE hall_id = h AND service_id = s AND hall_day >= d;
                INSERT INTO city_hall_service (hall_id, service_id) VALUES (h, s) ON CONFLICT DO NOTHING;
            $$
            """,
            """
            CREATE FUNCTION city_bad_review_counted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' AND (OLD.service_id, OLD.hall_day, OLD.due, OLD.rectified, OLD.rectified_on)
                    IS NOT DISTINCT FROM (NEW.service_id, NEW.hall_day, NEW.due, NEW.rectified, NEW.rectified_on) THEN
                    RETURN NULL;
                END IF;
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    PERFORM city_bad_review_total_add(OLD.hall_id, OLD.service_id, OLD.hall_day,
                        -(NOT OLD.rectified)::int, -(OLD.rectified)::int,
                        -(OLD.rectified AND OLD.rectified_on IS NOT NULL
                            AND (OLD.due IS NULL OR OLD.rectified_on COLLATE "C" <= OLD.due))::int);
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    PERFORM city_bad_review_total_add(NEW.hall_id, NEW.service_id, NEW.hall_day,
                        (NOT NEW.rectified)::int, (NEW.rectified)::int,
                        (NEW.rectified AND NEW.rectified_on IS NOT NULL
                            AND (NEW.due IS NULL OR NEW.rectified_on COLLATE "C" <= NEW.due))::int);
                END IF;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER city_bad_review_counted AFTER INSERT OR UPDATE OR DELETE ON city_bad_review
            FOR EACH ROW EXECUTE FUNCTION city_bad_review_counted()
            """,
            """
            CREATE INDEX city_bad_review_open_due ON city_bad_review ((coalesce(due, '9999-12-31') COLLATE "C"))
            WHERE NOT rectified
            """,
        ],
        backfill: { connection, logger in
            for statement in badReviewTotalsBackfill {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        })

    /// Migration 0005's backfill: the running totals of the bad reviews already stored, per hall,
    /// service and hall day (a window over their counts per day), and their (hall, service)
    /// pairs. A backfill, so that `serve` leaves it to `migrate` in a city that holds data.
    static let badReviewTotalsBackfill = [
        """
        INSERT INTO city_bad_review_total (hall_id, service_id, hall_day, open, rectified, rectified_in_time)
        SELECT hall_id, service_id, hall_day, sum(open) OVER w, sum(rectified) OVER w, sum(in_time) OVER w
        FROM (
            SELECT hall_id, service_id, hall_day, count(*) FILTER (WHERE NOT rectified) AS open,
                count(*) FILTER (WHERE rectified) AS rectified,
                count(*) FILTER (WHERE rectified AND rectified_on IS NOT NULL
                    AND (due IS NULL OR rectified_on COLLATE "C" <= due)) AS in_time
            FROM city_bad_review GROUP BY hall_id, service_id, hall_day) d
        WINDOW w AS (PARTITION BY hall_id, service_id ORDER BY hall_day)
        """,
        """
        INSERT INTO city_hall_service (hall_id, service_id)
        SELECT DISTINCT hall_id, service_id FROM city_bad_review_total ON CONFLICT DO NOTHING
        """,
    ]
}

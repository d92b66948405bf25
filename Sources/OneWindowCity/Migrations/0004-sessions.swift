extension CityMigrations {
    /// 0004: `/city`'s sessions, `city_session`, so that a session opened on one city service
    /// is good on every other and a sign-out on one ends it on all. Only the SHA-256 of the
    /// session id (the cookie's value) is stored, as for tokens; `token_sha256` is the reader
    /// token it was opened with (checked on each request; `reader-remove` deletes its sessions).
    /// `expires` is in seconds since 1970 by the city service's clock. `city_sign_in_failure`:
    /// the failed sign-ins' bucket per client address (`RateLimiter.Rule`: tokens left, when),
    /// so that every city service throttles a guesser together.
    static let migration0004 = Migration(
        number: 4, name: "sessions",
        sql: [
            """
            CREATE TABLE city_session (
                session_sha256 text PRIMARY KEY,
                token_sha256 text NOT NULL,
                device text NOT NULL,
                csrf text NOT NULL,
                expires double precision NOT NULL
            )
            """,
            "CREATE INDEX city_session_by_expiry ON city_session (expires)",
            "CREATE INDEX city_session_by_token ON city_session (token_sha256)",
            """
            CREATE TABLE city_sign_in_failure (
                client text PRIMARY KEY,
                tokens double precision NOT NULL,
                at double precision NOT NULL
            )
            """,
        ])
}

import Foundation
import GRDB
import OneWindowCore

extension DatabaseDateDecodingStrategy {
    /// Dates as `Timestamp.sqlite` writes them (and GRDB did), read by hand: GRDB's own `Date`
    /// decoding goes through a Foundation calendar whose time zone pages in ICU's code and data
    /// (the token cache at start-up, the bad reviews on /manage, today's tickets). Text in any
    /// other form falls back to GRDB's reading. Every record the storage reads uses it.
    static let sqliteText = DatabaseDateDecodingStrategy.custom { value in
        String.fromDatabaseValue(value).flatMap(Timestamp.date(sqlite:)) ?? Date.fromDatabaseValue(value)
    }
}

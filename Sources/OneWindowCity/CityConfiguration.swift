import Foundation
import OneWindowCore
import OneWindowHTTP

/// How a city service runs; `onewindow-city serve` and the tests build one.
public struct CityConfiguration: Sendable {
    public var http = HTTPServer.Configuration()
    public var database: CityDatabase.Location
    /// Names services and materials in reports and on `/city`; nil names them by id.
    public var catalogue: Catalogue?
    /// The city's time zone: the day against which bad reviews are overdue.
    public var timeZone = "Asia/Shanghai"
    /// Largest batch of events, in events (the body cap is `http.maxBodyBytes`).
    public var maxBatchEvents = 2_000
    public var clock: @Sendable () -> Date = { Date() }
    /// Where `/city` links the materials most often missing: a hall's public address whose
    /// `/guides/{id}` pages show the base catalogue (`--guide-base`); nil shows them unlinked.
    public var guideBase: String?
    /// The halls' signed catalogues (`GET /api/v1/halls/{hallId}/catalogue`); nil serves none (404).
    public var catalogues: CityCatalogues?

    public init(database: CityDatabase.Location) {
        self.database = database
        http.maxBodyBytes = 4 * 1024 * 1024
    }
}

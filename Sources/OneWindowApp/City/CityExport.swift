import Foundation

/// Where and how the hall sends its event log to the city (`onewindowd serve --city-url`).
public struct CityExport: Sendable {
    /// The city service's base URL; batches go to `{url}/api/v1/halls/{hallId}/events`.
    public var url: URL
    public var hallId: String
    /// The hall's bearer token at the city.
    public var token: String
    /// Events per batch.
    public var batchSize = 500
    /// How often to look for new events when the city holds them all.
    public var pollSeconds: TimeInterval = 1
    /// How long one batch may take.
    public var timeoutSeconds: TimeInterval = 10
    /// Waits after failures: short, since the city stores each event once however often it
    /// is sent, and a hall back online should catch up soon.
    public var backoff = OutboxBackoff(first: 1, maximum: 60)

    public init(url: URL, hallId: String, token: String) {
        self.url = url
        self.hallId = hallId
        self.token = token
    }

    var eventsURL: URL {
        url.appendingPathComponent("api/v1/halls").appendingPathComponent(hallId).appendingPathComponent("events")
    }
}

import OneWindowCore
import OneWindowHTTP

extension CityRoutes {
    /// The times an event may carry: 2000-01-01 to 2100-01-01 UTC, in `Date`'s seconds since
    /// 2001. The fold turns differences of times into whole seconds (`Int`): a time of 1e300
    /// would trap it and take the city service down on every retry of the batch.
    static let eventTimes: ClosedRange<Double> = -31_622_400...3_124_137_600
    /// The hall days an event may name: a partition of `city_event` is made per month named.
    static let eventDays = DayNumber.of("2000-01-01")!...DayNumber.of("2099-12-31")!
    /// Longest id (ticket, service, case) and detail, in UTF-8 bytes; a hall's are far shorter.
    static let maxIdBytes = 200
    static let maxDetailBytes = 16_384

    /// A batch's events must come in ascending seq, all after `after`, each one an event a hall
    /// can write. A refused batch is not stored at all; the answer names the event and what is
    /// wrong with it, and the hall shows that in its `/healthz` (`city.lastError`) as it retries.
    /// Checked here, not left to PostgreSQL: a NUL in a text is refused by PostgreSQL, which
    /// would answer 503 (“try again”) for ever.
    static func check(_ batch: CityEventBatch, maxEvents: Int) throws(HTTPError) {
        guard batch.after >= 0 else { throw HTTPError(.malformedBody, "after must be 0 or more, found \(batch.after)") }
        guard batch.events.count <= maxEvents else {
            throw HTTPError(.malformedBody, "a batch holds at most \(maxEvents) events, found \(batch.events.count)")
        }
        var previous = batch.after
        for event in batch.events {
            guard event.seq > previous else {
                throw HTTPError(
                    .malformedBody,
                    "events must come in ascending seq after \(batch.after); \(event.seq) follows \(previous)")
            }
            try check(event)
            previous = event.seq
        }
    }

    private static func check(_ event: CityEvent) throws(HTTPError) {
        func refuse(_ problem: String) -> HTTPError {
            HTTPError(.malformedBody, "event \(event.seq) (\(event.kind.rawValue)): \(problem)")
        }
        guard eventTimes.contains(event.at) else {
            throw refuse("at (\(event.at)) is not a time between 2000 and 2100, in seconds since 2001-01-01 UTC")
        }
        if let day = event.hallDay {
            guard let number = DayNumber.of(day), eventDays.contains(number) else {
                throw refuse("hallDay “\(day.prefix(40))” is not a date yyyy-MM-dd between 2000 and 2099")
            }
        }
        for (name, value, limit) in [
            ("ticketId", event.ticketId, maxIdBytes), ("serviceId", event.serviceId, maxIdBytes),
            ("caseId", event.caseId, maxIdBytes), ("detail", event.detail, maxDetailBytes),
        ] {
            guard let value else { continue }
            guard value.utf8.count <= limit else { throw refuse("\(name) is longer than \(limit) bytes") }
            guard !value.utf8.contains(0) else { throw refuse("\(name) holds a NUL character") }
        }
    }
}

import Foundation

/// The hall's numbers, kept up to date event by event: what was issued, served, missed, how
/// long people waited, how many cases closed in one visit, how they rated it.
///
/// It reads nothing but the event log, in order, so the same log always gives the same
/// numbers: at start-up the daemon folds the stored events into a new book, then every
/// committed group. Figures are kept per hall day and service, so a range of days is a sum.
public struct MetricsBook: Sendable {
    /// The last event folded in; older ones are skipped, so replaying is harmless.
    public internal(set) var lastEventId: Int64 = 0
    /// Per hall day, per service: the days folded from events (today's, as a rule).
    public internal(set) var days: [String: [String: DayStats]] = [:]
    /// Closed days as the rollups store them, per hall day, per service (`compact(before:)`):
    /// those from `heldFrom` on, and any a reader added for a range (`holding`).
    public internal(set) var stored: [String: [String: StoredDay]] = [:]
    /// The first stored day the book holds (the first of the third month before the latest day's, `heldFrom(latest:)`);
    /// empty when it holds every one. Older days are in the rollups, and a range that needs
    /// some reads them (`missingDays`): memory does not grow with the hall's age.
    public internal(set) var heldFrom = ""
    /// Per month that is over, per service, the stored days of its year up to its end
    /// (`MetricsBook+Months`): what a long range reads instead of the months' days. Held for
    /// the months of the latest stored day's year and the year before (`monthsHeldFrom`);
    /// older ones are in the rollups, read when a range needs them (`missingMonths`).
    public internal(set) var yearToDate: [String: [String: StoredDay]] = [:]
    /// Every summed month, held or not, per service: the cases its year to date opened less
    /// those it closed or cancelled. What the open cases need of older years, and which months
    /// are summed at all.
    public internal(set) var monthOpenCases: [String: [String: Int]] = [:]
    /// The bad reviews not rectified yet, by evaluation id (`MetricsBook+BadReviews`): few, as
    /// the issue asks of live state; a rectification removes one.
    public internal(set) var badReviews: [String: BadReview] = [:]
    /// Keeps rectified reviews, marked, instead of removing them: the city's fold of a batch
    /// stores what became of each (`CityStore.ingest`). The hall's book keeps only open ones.
    public var keepsRectifiedReviews = false
    /// Tickets still open: when they were issued and called, for their wait and service times.
    var open: [String: Trace] = [:]
    /// Open cases that have had a first visit: the hall day of that visit and the service, so
    /// that a later close or cancellation is told to the right cohort. Few: the cases waiting
    /// for a return visit.
    var cohorts: [String: Cohort] = [:]
    /// Details already parsed: most events carry one of a few (`{"opened":true}`, an outcome),
    /// and parsing JSON for each would cost more than the rest of the bookkeeping.
    private var details: [String: EventDetail] = [:]

    struct Cohort: Sendable {
        var day: String
        var serviceId: String
    }

    /// A wait or a service time, as the fold counted it: what Prometheus observes, so that its
    /// histograms and the API's figures have one definition.
    public struct Timing: Sendable, Equatable {
        public enum Kind: Sendable { case wait, service }
        public var kind: Kind
        public var serviceId: String
        public var seconds: Int
        /// The ticket's channel (`walk_in`, `appointment`, `remote`): Prometheus' waits by channel.
        public var channel = Ticket.Channel.walkIn.rawValue
    }

    struct Trace {
        var serviceId: String
        var issuedAt: Date
        var firstCall: Date?
        var lastCall: Date?
        /// The ticket's channel, from its `issued` event (a ticket restored from the rollups,
        /// open across a day's end, counts as a walk-in).
        var channel = Ticket.Channel.walkIn.rawValue
    }

    public init() {}

    /// Folds in one stored event (its row id and contents); events at or before `lastEventId`
    /// are skipped. Returns the wait (at a ticket's first call) or the service time (at its
    /// completion) it counted, if any.
    @discardableResult
    public mutating func apply(id: Int64, _ event: QueueEvent) -> Timing? {
        guard id > lastEventId else { return nil }
        lastEventId = id
        guard let day = event.hallDay else { return nil }
        let detail = parsedDetail(event.detail)
        let ticket = event.ticketId
        func count(_ serviceId: String?, _ change: (inout DayStats) -> Void) {
            guard let serviceId else { return }
            change(&days[day, default: [:]][serviceId, default: DayStats()])
        }
        switch event.kind {
        case .issued:
            let channel = detail.channel ?? Ticket.Channel.walkIn.rawValue
            if let ticket, let serviceId = event.serviceId {
                open[ticket] = Trace(serviceId: serviceId, issuedAt: event.at, channel: channel)
            }
            count(event.serviceId) { stats in
                stats.ticketsIssued += 1
                stats.channelIssued[channel, default: 0] += 1
                if detail.opened == true { stats.casesOpened += 1 }
            }
        case .called, .recalled:
            guard let ticket, var trace = open[ticket] else { return nil }
            trace.lastCall = event.at
            var timing: Timing?
            if event.kind == .called, trace.firstCall == nil {
                trace.firstCall = event.at
                let serviceId = event.serviceId ?? trace.serviceId
                let wait = Self.seconds(event.at.timeIntervalSince(trace.issuedAt))
                count(serviceId) { stats in
                    stats.waits[wait, default: 0] += 1
                    stats.channelWaits[trace.channel, default: [:]][wait, default: 0] += 1
                }
                timing = Timing(kind: .wait, serviceId: serviceId, seconds: wait, channel: trace.channel)
            }
            open[ticket] = trace
            return timing
        case .transferred:
            guard let ticket, let to = detail.to else { return nil }
            open[ticket]?.serviceId = to
        case .completed:
            let trace = ticket.flatMap { open.removeValue(forKey: $0) }
            let serviceId = event.serviceId ?? trace?.serviceId
            let service = trace?.lastCall.map { Self.seconds(event.at.timeIntervalSince($0)) }
            count(serviceId) { stats in
                stats.visitsServed += 1
                if let service { stats.services[service, default: 0] += 1 }
                for material in detail.missing ?? [] { stats.missed[material, default: 0] += 1 }
            }
            if let caseId = event.caseId, let serviceId {
                visitEnded(
                    caseId: caseId, serviceId: serviceId, outcome: detail.outcome, missing: detail.missing ?? [],
                    day: day)
            }
            return service.flatMap { seconds in
                serviceId.map {
                    Timing(
                        kind: .service, serviceId: $0, seconds: seconds,
                        channel: trace?.channel ?? Ticket.Channel.walkIn.rawValue)
                }
            }
        case .noShow:
            ticket.map { _ = open.removeValue(forKey: $0) }
            count(event.serviceId) { $0.noShows += 1 }
        case .expired:
            ticket.map { _ = open.removeValue(forKey: $0) }
            count(event.serviceId) { $0.expired += 1 }
        case .caseOpened:  // written by no release: a new case is told by its `issued` event
            count(event.serviceId) { $0.casesOpened += 1 }
        case .caseClosed:
            if let caseId = event.caseId { laterChange(caseId: caseId, closed: true, day: day) }
            let visits = detail.visits ?? 1
            count(event.serviceId) { stats in
                stats.casesClosed += 1
                stats.closedCaseVisits += visits
                if visits == 1 { stats.oneVisitCases += 1 }
                if let promised = detail.promised, visits <= promised { stats.withinPromiseCases += 1 }
            }
        case .caseCancelled:
            if let caseId = event.caseId { laterChange(caseId: caseId, closed: false, day: day) }
            count(event.serviceId) { $0.casesCancelled += 1 }
        case .evaluated:
            guard let rating = detail.rating else { return nil }
            count(event.serviceId) { stats in
                stats.ratings[rating, default: 0] += 1
                stats.channelRatings[detail.channel ?? "unknown", default: [:]][rating, default: 0] += 1
            }
            if rating <= 2, let id = detail.evaluation, let serviceId = event.serviceId {
                badReviews[id] = BadReview(serviceId: serviceId, hallDay: day, due: detail.due)
            }
        case .rectified:
            if let id = detail.evaluation { rectified(id, on: day) }
        case .paused, .resumed, .followedUp:
            break
        }
        return nil
    }

    private mutating func parsedDetail(_ text: String?) -> EventDetail {
        guard let text else { return EventDetail() }
        if let known = details[text] { return known }
        let parsed = EventDetail.parse(text)
        if details.count < 4096 { details[text] = parsed }
        return parsed
    }

    /// Whole seconds of a duration; a negative one (a clock stepped back) counts as 0.
    static func seconds(_ interval: TimeInterval) -> Int {
        max(0, Int(interval.rounded(.down)))
    }

    /// The sum of the days from `from` to `to` (inclusive), per service. The cohorts of those
    /// days are followed to the last event folded in: a case of the range that closed or was
    /// cancelled after `to` counts so. Their changes come added into one, under the range's
    /// first cohort day (`DayStatsSum.rangeSum`): per-day cohorts are `dailyTotals`'.
    public func sum(from: String, to: String) -> [String: DayStats] {
        rangeSums(from: from, to: to).mapValues(\.total)
    }

    /// Cases open at the end of `to`, per service: opened by then, and not closed or cancelled by then.
    public func openCases(through to: String) -> [String: Int] {
        var open: [String: Int] = [:]
        // Per year, the latest summed month over by `to` counts for all its year's days to its end.
        var summed: [Substring: String] = [:]
        for month in monthOpenCases.keys where Self.bounds(of: month).last <= to {
            summed[month.prefix(4)] = max(summed[month.prefix(4)] ?? "", month)
        }
        for month in summed.values {
            for (serviceId, count) in monthOpenCases[month] ?? [:] { open[serviceId, default: 0] += count }
        }
        for (day, services) in stored where day <= to {
            if let month = summed[day.prefix(4)], Self.month(of: day) <= month { continue }
            for (serviceId, stored) in services {
                open[serviceId, default: 0] += stored.casesOpened - stored.casesEnded
            }
        }
        for (day, services) in days where day <= to {
            for (serviceId, stats) in services {
                open[serviceId, default: 0] += stats.casesOpened - stats.casesClosed - stats.casesCancelled
            }
        }
        return open
    }
}

import Foundation

/// The book from the daily rollups: closed days come as their stored figures, and only what
/// crosses a day's end is live state: the cases still followed after their first visit, the
/// bad reviews not yet rectified, and the tickets still open (none, as a rule: a ticket expires
/// at the rollover; but one left open by a daemon started on a later day is called later).
extension MetricsBook {
    /// A ticket not ended yet, as the fold traces it for its wait and service time.
    public struct OpenTicket: Sendable, Equatable {
        public var ticketId: String
        public var serviceId: String
        public var issuedAt: Date
        public var firstCall: Date?
        public var lastCall: Date?

        public init(ticketId: String, serviceId: String, issuedAt: Date, firstCall: Date?, lastCall: Date?) {
            self.ticketId = ticketId
            self.serviceId = serviceId
            self.issuedAt = issuedAt
            self.firstCall = firstCall
            self.lastCall = lastCall
        }
    }

    /// A case whose first visit did not close it: followed until it closes or is cancelled.
    public struct OpenCohort: Sendable, Equatable {
        public var caseId: String
        /// The hall day of the first visit, and the service it was for.
        public var day: String
        public var serviceId: String

        public init(caseId: String, day: String, serviceId: String) {
            self.caseId = caseId
            self.day = day
            self.serviceId = serviceId
        }
    }

    /// A book that continues after event `lastEventId` from the stored days' figures, the open
    /// cohorts, open tickets and open bad reviews stored at that point. With `yearToDate` (the
    /// stored months' sums) `stored` is the held days from `heldFrom` on; without, every day.
    /// `monthOpenCases` names every summed month, `yearToDate` holding only the recent ones'
    /// sums (nil: every month's sums are in `yearToDate`).
    public init(
        stored: [String: [String: StoredDay]], yearToDate: [String: [String: StoredDay]] = [:],
        monthOpenCases: [String: [String: Int]]? = nil, heldFrom: String = "", cohorts: [OpenCohort],
        openTickets: [OpenTicket] = [], badReviews: [String: BadReview], lastEventId: Int64
    ) {
        self.init()
        self.stored = stored
        self.yearToDate = yearToDate
        self.monthOpenCases = monthOpenCases ?? yearToDate.mapValues { $0.mapValues(\.casesOpenedLessEnded) }
        self.heldFrom = heldFrom
        self.cohorts = Dictionary(
            cohorts.map { ($0.caseId, Cohort(day: $0.day, serviceId: $0.serviceId)) }, uniquingKeysWith: { $1 })
        for ticket in openTickets {
            open[ticket.ticketId] = Trace(
                serviceId: ticket.serviceId, issuedAt: ticket.issuedAt, firstCall: ticket.firstCall,
                lastCall: ticket.lastCall)
        }
        self.badReviews = badReviews
        self.lastEventId = lastEventId
        sumMonths()
    }

    /// The tickets still open, by ticket id.
    public var openTickets: [OpenTicket] {
        open.map {
            OpenTicket(
                ticketId: $0.key, serviceId: $0.value.serviceId, issuedAt: $0.value.issuedAt,
                firstCall: $0.value.firstCall, lastCall: $0.value.lastCall)
        }.sorted { $0.ticketId < $1.ticketId }
    }

    /// The cases followed after a first visit that did not close them, by case id.
    public var openCohorts: [OpenCohort] {
        cohorts.map { OpenCohort(caseId: $0.key, day: $0.value.day, serviceId: $0.value.serviceId) }
            .sorted { $0.caseId < $1.caseId }
    }

    /// Every day's figures as `DayStats`, the stored days' and the folded days' together: what a
    /// full replay of the event log has in `days`.
    public var everyDay: [String: [String: DayStats]] {
        var all = days
        for (day, services) in stored {
            for (serviceId, stored) in services {
                all[day, default: [:]][serviceId, default: DayStats()].add(stored.stats)
            }
        }
        return all
    }

    /// Moves the folded days before `day` into `stored`, in their compact form: the running
    /// daemon calls it when the hall day moves on, so memory holds one day of dictionaries.
    /// A day of a summed month (a stray late event) is added to the sums; a month now over is
    /// summed; the days before the held window are let go.
    public mutating func compact(before day: String) {
        let done = days.filter { $0.key < day }
        guard !done.isEmpty else { return }
        for (done, services) in done.sorted(by: { $0.key < $1.key }) {
            days.removeValue(forKey: done)
            addToSums(done, services)
            // A late part of a day before the window: the sums have it, the rollups the whole day.
            if !heldFrom.isEmpty, done < heldFrom, stored[done] == nil { continue }
            for (serviceId, stats) in services {
                var total = stored[done]?[serviceId]?.stats ?? DayStats()
                total.add(stats)
                stored[done, default: [:]][serviceId] = StoredDay(total)
            }
        }
        sumMonths()
        dropBeforeWindow()
    }

    /// Takes the figures of the days before `day` out of the book (to store them as rollups).
    public mutating func takeDays(before day: String) -> [String: [String: DayStats]] {
        let done = days.filter { $0.key < day }
        for key in done.keys { days.removeValue(forKey: key) }
        return done
    }
}

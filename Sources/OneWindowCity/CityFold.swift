import Foundation
import OneWindowCore

/// What the fold of one hall carries from one batch to the next, besides the rollups: the
/// tickets still open and the cases followed after a first visit that did not close them (as
/// `MetricsBook` keeps them). Stored as JSON in `city_hall.fold`; small, as the hall's own is.
struct CityFold: Codable, Sendable, Equatable {
    struct Ticket: Codable, Sendable, Equatable {
        var ticketId: String
        var serviceId: String
        var issuedAt: Double
        var firstCall: Double?
        var lastCall: Double?
    }

    struct Cohort: Codable, Sendable, Equatable {
        var caseId: String
        var day: String
        var serviceId: String
    }

    var tickets: [Ticket] = []
    var cohorts: [Cohort] = []

    init() {}

    /// A new hall's fold is `{}`: nothing open.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tickets = try container.decodeIfPresent([Ticket].self, forKey: .tickets) ?? []
        cohorts = try container.decodeIfPresent([Cohort].self, forKey: .cohorts) ?? []
    }

    /// What `book` carries on (its open tickets and cohorts).
    init(_ book: MetricsBook) {
        tickets = book.openTickets.map {
            Ticket(
                ticketId: $0.ticketId, serviceId: $0.serviceId, issuedAt: $0.issuedAt.timeIntervalSinceReferenceDate,
                firstCall: $0.firstCall?.timeIntervalSinceReferenceDate,
                lastCall: $0.lastCall?.timeIntervalSinceReferenceDate)
        }
        cohorts = book.openCohorts.map { Cohort(caseId: $0.caseId, day: $0.day, serviceId: $0.serviceId) }
    }

    /// A book that continues the fold after event `seq`: no days (the batch's figures are
    /// added to the stored rollups), this fold's open tickets and cohorts, and `badReviews`.
    /// It keeps the reviews the batch rectifies, marked, so that ingest stores their rectification.
    func book(after seq: Int64, badReviews: [String: MetricsBook.BadReview]) -> MetricsBook {
        var book = MetricsBook(
            stored: [:],
            cohorts: cohorts.map { .init(caseId: $0.caseId, day: $0.day, serviceId: $0.serviceId) },
            openTickets: tickets.map {
                .init(
                    ticketId: $0.ticketId, serviceId: $0.serviceId,
                    issuedAt: Date(timeIntervalSinceReferenceDate: $0.issuedAt),
                    firstCall: $0.firstCall.map(Date.init(timeIntervalSinceReferenceDate:)),
                    lastCall: $0.lastCall.map(Date.init(timeIntervalSinceReferenceDate:)))
            },
            badReviews: badReviews, lastEventId: seq)
        book.keepsRectifiedReviews = true
        return book
    }
}

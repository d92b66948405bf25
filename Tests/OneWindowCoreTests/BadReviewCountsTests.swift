import Foundation
import OneWindowCore
import Testing

/// What a report and the disclosure read of the bad reviews: counts per service, with one
/// definition of open, overdue, rectified and rectified in time.
@Suite("Metrics: bad review counts", .timeLimit(.minutes(1)))
struct BadReviewCountsTests {
    static let at = Date(timeIntervalSince1970: 1_795_741_200)

    static func evaluated(_ id: String, _ service: String, day: String, rating: Int, due: String?) -> QueueEvent {
        QueueEvent(
            kind: .evaluated, ticketId: "t-\(id)", window: "1", serviceId: service, caseId: nil, hallDay: day,
            actor: "test", at: at, detail: EventDetail(rating: rating, evaluation: id, due: due).json)
    }

    static func rectified(_ id: String, _ service: String, day: String) -> QueueEvent {
        QueueEvent(
            kind: .rectified, ticketId: "t-\(id)", window: nil, serviceId: service, caseId: nil, hallDay: day,
            actor: "test", at: at, detail: EventDetail(evaluation: id).json)
    }

    @Test("one review counts as open, overdue only past its deadline, and rectified in time up to its deadline's day")
    func definition() {
        let today = "2026-12-10"
        #expect(BadReviewCounts.count(due: "2026-12-10", rectifiedOn: nil, today: today) == .init(open: 1))
        #expect(
            BadReviewCounts.count(due: "2026-12-09", rectifiedOn: nil, today: today) == .init(open: 1, overdue: 1))
        #expect(BadReviewCounts.count(due: nil, rectifiedOn: nil, today: today) == .init(open: 1))
        #expect(
            BadReviewCounts.count(due: "2026-12-09", rectifiedOn: "2026-12-09", today: today)
                == .init(rectified: 1, rectifiedInTime: 1))
        #expect(
            BadReviewCounts.count(due: "2026-12-09", rectifiedOn: "2026-12-10", today: today) == .init(rectified: 1))
        #expect(
            BadReviewCounts.count(due: nil, rectifiedOn: "2026-12-10", today: today)
                == .init(rectified: 1, rectifiedInTime: 1))
    }

    @Test("a review made on a day that is not a date is not kept; a deadline that is not one is none")
    func badDays() {
        #expect(MetricsBook.BadReview(serviceId: "S1", hallDay: "2026-13-01", due: nil) == nil)
        #expect(MetricsBook.BadReview(serviceId: "S1", hallDay: "2026-12-01", due: "soon")?.due == nil)
    }

    @Test("counts add per service, the total adds all services, and only() keeps one service")
    func adding() {
        var hall = BadReviewCounts()
        hall.count(serviceId: "S1", due: "2026-12-01", rectifiedOn: nil, today: "2026-12-10")
        hall.count(serviceId: "S2", due: "2026-12-20", rectifiedOn: nil, today: "2026-12-10")
        var other = BadReviewCounts()
        other.count(serviceId: "S1", due: "2026-12-01", rectifiedOn: "2026-11-30", today: "2026-12-10")
        hall.add(other)
        #expect(hall["S1"] == .init(open: 1, overdue: 1, rectified: 1, rectifiedInTime: 1))
        #expect(hall["S2"] == .init(open: 1))
        #expect(hall["S3"] == .init())
        #expect(hall.total == .init(open: 2, overdue: 1, rectified: 1, rectifiedInTime: 1))
        #expect(hall.only("S2").services == ["S2": .init(open: 1)])
        #expect(hall.only("S3").services.isEmpty)
        #expect(hall.only(nil) == hall)
    }

    @Test("the book keeps the open bad reviews and counts those made in the range, by service, as they stand on today")
    func book() {
        var book = MetricsBook()
        let events = [
            Self.evaluated("E1", "S1", day: "2026-11-02", rating: 1, due: "2026-11-23"),
            Self.evaluated("E2", "S1", day: "2026-11-03", rating: 2, due: "2026-11-24"),
            Self.evaluated("E3", "S2", day: "2026-11-04", rating: 5, due: nil),
            Self.evaluated("E4", "S2", day: "2026-11-30", rating: 2, due: "2026-12-21"),
            Self.evaluated("E5", "S2", day: "2026-10-30", rating: 1, due: "2026-11-20"),
            Self.rectified("E2", "S1", day: "2026-11-24"),
        ]
        var city = MetricsBook()
        city.keepsRectifiedReviews = true
        for (index, event) in events.enumerated() {
            book.apply(id: Int64(index + 1), event)
            city.apply(id: Int64(index + 1), event)
        }
        #expect(book.badReviews.keys.sorted() == ["E1", "E4", "E5"], "the hall's book keeps the open ones only")
        #expect(city.badReviews["E2"]?.rectifiedOn == "2026-11-24", "the city's keeps the rectified, marked")
        #expect(city.badReviews["E1"]?.rectified == false)
        #expect(city.badReviews["E1"]?.due == "2026-11-23" && city.badReviews["E1"]?.hallDay == "2026-11-02")
        let counts = book.badReviewCounts(from: "2026-11-01", to: "2026-11-30", today: "2026-12-01")
        #expect(counts["S1"] == .init(open: 1, overdue: 1))
        #expect(
            city.badReviewCounts(from: "2026-11-01", to: "2026-11-30", today: "2026-12-01")["S1"]
                == .init(open: 1, overdue: 1, rectified: 1, rectifiedInTime: 1))
        #expect(counts["S2"] == .init(open: 1), "a good rating is no bad review; one before the range is left out")
        let report = book.report(
            from: "2026-11-01", to: "2026-11-30", serviceId: "S1",
            catalogue: Catalogue(
                hall: Hall(name: "h", timeZone: "Asia/Shanghai", address: "", hours: "", windows: []), services: []),
            today: "2026-12-01")
        #expect(report.metrics.satisfaction.badOpen == 1)
        #expect(report.metrics.satisfaction.badOverdue == 1)
        #expect(report.services.map(\.metrics.satisfaction.badOpen) == [1])
    }
}

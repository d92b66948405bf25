import Foundation
import OneWindowCore

/// What the manager's page shows, gathered once per request: today's figures and waiting line,
/// the last 30 days per service and per day, the most missed materials and the open bad reviews.
struct ManageDashboard {
    /// How many hall days the page looks back over, today included.
    static let days = 30

    var hall: Hall
    var today: String
    var now: Date
    var waitingNow: Int
    var todayFigures: HallMetrics
    var waitingLine: [WaitingTimeline.Point]
    var month: MetricsReport
    /// Per hall day of the 30: the cohort one-visit rate of the cases first seen that day, and
    /// the satisfied share (nil without data).
    var trend: [(day: String, oneVisit: Double?, satisfied: Double?)]
    var badReviews: [Evaluation]
    var catalogue: Catalogue
    /// Who is signed in (the admin token's device name).
    var device: String
    /// Bad reviews to follow up, overdue first, with their visits' facts.
    var followUps: [ReviewFollowUp] = []
    /// The session's token for the page's forms.
    var csrf = ""

    /// The first of the 30 days ending with `today`.
    static func firstDay(endingWith today: String) -> String {
        guard let date = WorkingDays.date(today) else { return today }
        return WorkingDays.text(date.addingTimeInterval(-Double(days - 1) * 86_400))
    }

    /// The 30 hall days ending with `today`, oldest first.
    static func dayList(endingWith today: String) -> [String] {
        guard let date = WorkingDays.date(today) else { return [today] }
        return (0..<days).reversed().map { WorkingDays.text(date.addingTimeInterval(-Double($0) * 86_400)) }
    }

    /// Gathers the page's figures from the metrics book.
    static func trend(_ book: MetricsBook, days: [String]) -> [(day: String, oneVisit: Double?, satisfied: Double?)] {
        let totals = book.dailyTotals(from: days.first ?? "", to: days.last ?? "")
        return days.map { day in
            let total = totals[day] ?? DayStats()
            let rated = total.ratings.values.reduce(0, +)
            let satisfied = (total.ratings[4] ?? 0) + (total.ratings[5] ?? 0)
            return (day, HallMetrics.Cohort(total).oneVisitRate, rated == 0 ? nil : Double(satisfied) / Double(rated))
        }
    }

    /// Seconds since the hall-local midnight of `date`'s day.
    func secondsIntoDay(_ date: Date) -> Double {
        date.timeIntervalSince(HallCalendar(timeZone: hall.timeZone).dayRange(of: now).lowerBound)
    }

    func serviceName(_ id: String) -> String {
        catalogue.service(id: id)?.name ?? id
    }
}

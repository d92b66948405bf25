import Foundation

@testable import OneWindowCity
@testable import OneWindowCore

extension CityReportWriterTests {
    static func randomText(_ random: inout Seeded) -> String {
        let pieces = [
            "a", "Z", "大厅", "\"", "\\", "/", "\n", "\t", "\r", "\u{8}", "\u{c}", "\u{1}", "\u{1f}", "\u{7f}",
            "é", "\u{2028}", "😀", " ", "_", "0", "9",
        ]
        return (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func randomDouble(_ random: inout Seeded) -> Double? {
        switch Int.random(in: 0...6, using: &random) {
        case 0: return nil
        case 1: return Double(Int.random(in: -1000...1000, using: &random))
        case 2: return (Double.random(in: 0...1, using: &random) * 10_000).rounded() / 10_000
        case 3: return Double.random(in: -1e-3...1e-3, using: &random)
        case 4: return Double.random(in: 1e15...1e22, using: &random)
        case 5: return [0.0, -0.0, 1e-5, 0.1, 1.0 / 3, 1e16, 5e-324].randomElement(using: &random)!
        default: return Double.random(in: 0...100_000, using: &random)
        }
    }

    static func randomInt(_ random: inout Seeded) -> Int {
        [0, 1, 9, 10, -1, Int.max, Int.min, Int.random(in: -1_000_000...1_000_000_000, using: &random)]
            .randomElement(using: &random)!
    }

    static func randomOptionalInt(_ random: inout Seeded) -> Int? {
        Bool.random(using: &random) ? nil : randomInt(&random)
    }

    static func randomBookings(_ random: inout Seeded) -> BookingFigures? {
        guard Bool.random(using: &random) else { return nil }
        var counts = BookingCounts()
        counts.bookings = Int.random(in: 0...50, using: &random)
        counts.checkedIn = Int.random(in: 0...counts.bookings, using: &random)
        counts.closed = Int.random(in: 0...3, using: &random) == 0 ? 0 : counts.bookings
        counts.missed = Int.random(in: 0...counts.closed, using: &random)
        counts.punctual = Int.random(in: 0...counts.checkedIn, using: &random)
        return BookingFigures(counts, capacity: Int.random(in: 0...2, using: &random) * 40)
    }

    /// A report from a random day's sums, then every figure set at random.
    static func randomReport(_ random: inout Seeded) -> MetricsReport {
        var sums = RollupRangeSum(from: "2026-01-01", to: "2026-12-31")
        for index in 0..<Int.random(in: 0...3, using: &random) {
            var day = DayStats()
            day.ticketsIssued = Int.random(in: 0...500, using: &random)
            day.waits = [Int.random(in: 0...900, using: &random): 3, 1000: 2]
            day.ratings = [Int.random(in: 1...5, using: &random): 4]
            day.channelRatings = [randomText(&random) + "-x": [2: 1], "pad": [5: 2]]
            sums.add(StoredDay(day), serviceId: "S-\(index)", inRange: true)
        }
        var report = MetricsReport(
            sums: sums, serviceId: Bool.random(using: &random) ? nil : randomText(&random),
            open: ["S-0": Int.random(in: 0...9, using: &random)], badReviews: BadReviewCounts(), catalogue: nil)
        report.bookings = randomBookings(&random)
        report.metrics = randomMetrics(report.metrics, &random)
        for index in report.services.indices {
            report.services[index].serviceName = Bool.random(using: &random) ? nil : randomText(&random)
            report.services[index].bookings = randomBookings(&random)
            report.services[index].metrics = randomMetrics(report.services[index].metrics, &random)
            report.services[index].mostMissedMaterials = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                .init(materialId: randomText(&random), name: randomText(&random), count: randomInt(&random))
            }
        }
        return report
    }

    static func randomMetrics(_ base: HallMetrics, _ random: inout Seeded) -> HallMetrics {
        var metrics = base
        metrics.ticketsIssued = randomInt(&random)
        metrics.casesOpen = randomInt(&random)
        metrics.firstVisitResolutionRate = randomDouble(&random)
        metrics.closedCasesOneVisitRate = randomDouble(&random)
        metrics.visitPromiseRate = randomDouble(&random)
        metrics.visitsPerClosedCase = randomDouble(&random)
        metrics.serviceSeconds = .init(mean: randomDouble(&random), median: randomOptionalInt(&random))
        metrics.waitSeconds.mean = randomDouble(&random)
        metrics.waitSeconds.p90 = randomOptionalInt(&random)
        metrics.cohort.oneVisitRate = randomDouble(&random)
        metrics.cohort.medianDaysToClose = randomOptionalInt(&random)
        metrics.satisfaction.satisfiedShare = randomDouble(&random)
        metrics.satisfaction.badOverdue = randomInt(&random)
        metrics.satisfaction.byChannel[randomText(&random)] = [randomText(&random): randomInt(&random)]
        metrics.channels[randomText(&random)] = metrics.channels["remote"]
        return metrics
    }
}

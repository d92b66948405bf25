import Foundation
import OneWindowCore
import OneWindowStorage

extension MetricsReport {
    /// Sets the range's booking figures from `storage`: the bookings of the range's days, counted
    /// under `plan` at `now`, and the counts kept of the days whose bookings the retention period
    /// deleted (`booking_rollup`; a day is in one or the other, as both change in one
    /// transaction). The daemon's routes and pages and `onewindowd report` all call this.
    public mutating func setBookings(from storage: Storage, plan: SlotPlan, catalogue: Catalogue, at now: Date) throws {
        let read = try storage.bookingsAndRollups(fromDay: from, toDay: to)
        var days = read.rollups
        for (day, services) in BookingCounts.byDay(read.bookings, plan: plan, at: now) {
            for (serviceId, counts) in services {
                days[day, default: [:]][serviceId, default: BookingCounts()].add(counts)
            }
        }
        setBookings(days, plan: plan, catalogue: catalogue)
    }
}

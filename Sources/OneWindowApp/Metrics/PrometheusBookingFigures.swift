import CoreMetrics
import Foundation
import OneWindowCore
import Synchronization

/// The bookings (预约) of the last 30 hall days, today included, as gauges: set at each scrape
/// from the same report's `bookings` as `/api/v1/metrics` gives for those days (the stored
/// bookings, counted by `BookingCounts`). Gauges, because a booking's figures change after it
/// was made: it is checked in, cancelled or missed later. No series until the hall takes
/// appointments; the hall's figures only, so the cardinality is fixed.
public final class PrometheusBookingFigures: Sendable {
    private let exporter: PrometheusExporter
    private let gauges = Mutex<[String: CoreMetrics.Meter]>([:])

    static var counts: [(PrometheusExporter.Name, KeyPath<BookingFigures, Int>)] {
        [
            (name("bookings", "", "Bookings (not cancelled) for slots in the last 30 hall days."), \.bookings),
            (name("bookings_cancelled", "", "Bookings cancelled, for slots in the last 30 hall days."), \.cancelled),
            (name("booking_check_ins", "", "Bookings checked in (in time or late), last 30 hall days."), \.checkedIn),
            (
                name(
                    "booking_check_ins_late", "", "Bookings checked in after their check-in window, last 30 hall days."),
                \.late
            ),
            (
                name(
                    "bookings_missed", "", "Bookings still booked when their check-in window closed, last 30 hall days."
                ),
                \.missed
            ),
            (
                name(
                    "bookings_window_closed", "",
                    "Bookings (not cancelled) whose check-in window has closed, last 30 hall days."), \.windowClosed
            ),
            (
                name("booking_check_ins_punctual", "", "Check-ins at or before the slot's start, last 30 hall days."),
                \.punctual
            ),
            (name("booking_capacity", "places", "Places the slot plan offered on the last 30 hall days."), \.capacity),
        ]
    }
    static var shares: [(PrometheusExporter.Name, KeyPath<BookingFigures, Double?>)] {
        [
            (
                name(
                    "booking_no_show", "ratio",
                    "Missed bookings over bookings whose window closed, last 30 hall days; NaN without."), \.noShowRate
            ),
            (
                name(
                    "booking_punctual", "ratio",
                    "Check-ins at or before the slot's start over check-ins, last 30 hall days; NaN without."),
                \.punctualShare
            ),
            (
                name(
                    "booking_capacity_used", "ratio",
                    "Bookings over the places offered, last 30 hall days; NaN without places."), \.capacityUsedShare
            ),
        ]
    }

    private static func name(_ name: String, _ unit: String, _ help: String) -> PrometheusExporter.Name {
        PrometheusExporter.Name(name: name, unit: unit, help: help)
    }

    init(exporter: PrometheusExporter) {
        self.exporter = exporter
    }

    /// Sets every gauge from `report.bookings`; nothing when the hall takes no appointments.
    public func update(_ report: MetricsReport) {
        guard let figures = report.bookings else { return }
        gauges.withLock { gauges in
            for (name, path) in Self.counts { gauge(name, &gauges).set(figures[keyPath: path]) }
            for (name, path) in Self.shares { gauge(name, &gauges).set(figures[keyPath: path] ?? .nan) }
        }
    }

    private func gauge(_ name: PrometheusExporter.Name, _ gauges: inout [String: CoreMetrics.Meter])
        -> CoreMetrics.Meter
    {
        if let existing = gauges[name.name] { return existing }
        let made = exporter.gauge(name, [])
        gauges[name.name] = made
        return made
    }
}

import Foundation
import GRDB
import OneWindowCore

/// The stored months' sums (`metrics_month`, migration 0019): per month that is over, per
/// service, the stored days of its year up to the month's end, as `MetricsBook+Months` keeps
/// them. Written in the transaction that stores the days (`MetricsRollup.rollUp`), so that
/// start-up reads these sums and the last three months or so of days, not every day ever stored.
enum MetricsMonths {
    /// Whether the table exists: migration 0009 rolls up before 0019 creates it (0019 then
    /// sums every month at once).
    static func exist(_ db: Database) throws -> Bool {
        try db.tableExists("metrics_month")
    }

    /// Day `day` was stored with `services` (added to what the day held): added to the sums
    /// of its month and the later months of its year that are summed (a late part of a day
    /// already summed; as a rule there is none).
    static func dayStored(_ db: Database, day: String, _ services: [String: DayStats]) throws {
        let year = String(day.prefix(4))
        let months = try String.fetchAll(
            db, sql: "SELECT DISTINCT month FROM metrics_month WHERE month >= ? AND month <= ?",
            arguments: [String(day.prefix(7)), year + "-12"])
        let part = services.mapValues(StoredDay.init)
        for month in months {
            try write(db, month: month, MetricsBook.yearToDate(try sums(db, month: month), adding: [part]))
        }
    }

    /// Sums every month of the stored days that is over and not summed yet, in order, each as
    /// its year's previous sum plus its own days. `progress` hears each month summed.
    static func sumMonthsOver(_ db: Database, progress: (@Sendable (String) -> Void)? = nil) throws {
        guard
            let latest = try String.fetchOne(
                db, sql: "SELECT MAX(hall_day) FROM metrics_day WHERE service_id <> ''")
        else { return }
        let after = try String.fetchOne(db, sql: "SELECT MAX(month) FROM metrics_month").map {
            MetricsBook.bounds(of: $0).last
        }
        let months = try String.fetchAll(
            db,
            sql: "SELECT DISTINCT substr(hall_day, 1, 7) FROM metrics_day WHERE hall_day > ? AND service_id <> ''",
            arguments: [after ?? ""])
        for month in MetricsBook.monthsOver(months.map { Substring($0) }, latestDay: latest) {
            let month = String(month)
            let base = try String.fetchOne(
                db, sql: "SELECT MAX(month) FROM metrics_month WHERE month < ? AND month >= ?",
                arguments: [month, month.prefix(4) + "-01"])
            let bounds = MetricsBook.bounds(of: month)
            let days = try Storage.dayRollups(db, from: bounds.first, to: bounds.last)
            try write(
                db, month: month,
                MetricsBook.yearToDate(
                    try base.map { try sums(db, month: $0) } ?? [:],
                    adding: days.sorted { $0.key < $1.key }.map(\.value)))
            progress?("metrics months: \(month) summed (\(days.count) days)")
        }
    }

    /// The stored months' sums from `first` on (and up to `last`), per month and service.
    static func sums(_ db: Database, from first: String, to last: String = "9999-12") throws
        -> [String: [String: StoredDay]]
    {
        var months: [String: [String: StoredDay]] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT month, service_id, stats FROM metrics_month WHERE month BETWEEN ? AND ?",
            arguments: [first, last])
        while let row = try rows.next() {
            let data: Data = row[2]
            months[row[0], default: [:]][row[1]] = try StoredDay(rollup: [UInt8](data))
        }
        return months
    }

    /// Every stored month's open cases (`MetricsBook.monthOpenCases`), per month and service.
    static func openCases(_ db: Database) throws -> [String: [String: Int]] {
        var months: [String: [String: Int]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT month, service_id, cases_open FROM metrics_month")
        while let row = try rows.next() { months[row[0], default: [:]][row[1]] = row[2] }
        return months
    }

    private static func sums(_ db: Database, month: String) throws -> [String: StoredDay] {
        var sums: [String: StoredDay] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT service_id, stats FROM metrics_month WHERE month = ?", arguments: [month])
        while let row = try rows.next() {
            let data: Data = row[1]
            sums[row[0]] = try StoredDay(rollup: [UInt8](data))
        }
        return sums
    }

    private static func write(_ db: Database, month: String, _ sums: [String: StoredDay]) throws {
        let upsert = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO metrics_month (month, service_id, stats, cases_open) VALUES (?, ?, ?, ?)")
        for (serviceId, stored) in sums {
            try upsert.execute(arguments: [month, serviceId, Data(stored.rollup), stored.casesOpenedLessEnded])
        }
    }
}

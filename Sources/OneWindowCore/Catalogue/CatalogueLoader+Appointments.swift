/// Reads `hall.appointments`: the slots and the rules of booking (see `AppointmentSettings`).
/// Every problem is reported with its path, as for the rest of the catalogue.
extension CatalogueLoader {
    static func readAppointments(_ reader: inout ObjectReader) -> AppointmentSettings? {
        let log = reader.log
        let sessions = reader.array("sessions", minimum: 1) { value, path -> AppointmentSettings.Session? in
            guard var session = ObjectReader(value, at: path, log: log) else { return nil }
            defer { session.finish() }
            guard let from = session.clockTime("from"), let to = session.clockTime("to") else { return nil }
            guard from < to else {
                log.report(path, "a session must end after it starts, found \(from)–\(to)")
                return nil
            }
            return AppointmentSettings.Session(from: from, to: to)
        }
        let slotMinutes = reader.integer("slotMinutes", in: 5...240)
        let capacity = reader.object("capacity") { pool -> [String: Int]? in pool.letterCounts() }
        guard let sessions, let slotMinutes, let capacity else { return nil }
        if let overlap = zip(sessions, sessions.dropFirst()).first(where: { $0.0.to > $0.1.from }) {
            log.report(
                reader.path.appending(key: "sessions"),
                "sessions must be in order and not overlap: \(overlap.0.from)–\(overlap.0.to) and \(overlap.1.from)–\(overlap.1.to)"
            )
            return nil
        }
        var settings = AppointmentSettings(sessions: sessions, slotMinutes: slotMinutes, capacity: capacity)
        if settings.slotStarts.isEmpty {
            log.report(
                reader.path.appending(key: "slotMinutes"), "no session is as long as one slot of \(slotMinutes) minutes"
            )
            return nil
        }
        var complete = reader.override(
            &settings,
            [
                ("daysAhead", 0...90, \.daysAhead), ("cancelMinutesBefore", 0...2_880, \.cancelMinutesBefore),
                ("checkInMinutesBefore", 0...240, \.checkInMinutesBefore),
                ("checkInMinutesAfter", 0...240, \.checkInMinutesAfter),
                ("releaseDelayMinutes", 0...1_440, \.releaseDelayMinutes),
                ("maxAppointmentsInRow", 1...100, \.maxAppointmentsInRow),
                ("walkInWaitMinutes", 0...480, \.walkInWaitMinutes),
            ])
        if reader.raw("opensAt") != nil {
            if let opensAt = reader.clockTime("opensAt") { settings.opensAt = opensAt } else { complete = false }
        }
        if reader.raw("reminderAt") != nil {
            if let reminderAt = reader.clockTime("reminderAt") {
                settings.reminderAt = reminderAt
            } else {
                complete = false
            }
        }
        if reader.raw("limits") != nil {
            if let limits = reader.object("limits", readLimits) { settings.limits = limits } else { complete = false }
        }
        return complete ? settings : nil
    }

    private static func readLimits(_ reader: inout ObjectReader) -> BookingLimits? {
        var limits = BookingLimits()
        let complete = reader.override(
            &limits,
            [
                ("perPhonePerService", 1...10, \.perPhonePerService), ("perPhone", 1...20, \.perPhone),
                ("missedBookings", 1...20, \.missedBookings), ("missedWithinDays", 1...90, \.missedWithinDays),
                ("banDays", 0...365, \.banDays), ("codeMinutes", 1...60, \.codeMinutes),
                ("codeTries", 1...20, \.codeTries), ("codesPerPhonePerHour", 1...100, \.codesPerPhonePerHour),
                ("codesPerAddressPerHour", 1...10_000, \.codesPerAddressPerHour),
            ])
        return complete ? limits : nil
    }
}

extension ObjectReader {
    /// Sets each whole-number field that is present (and in its range) on `target`, leaving the
    /// defaults of the absent ones; false if any present field was wrong (reported).
    mutating func override<T>(_ target: inout T, _ fields: [(String, ClosedRange<Int>, WritableKeyPath<T, Int>)])
        -> Bool
    {
        var complete = true
        for (key, range, field) in fields where raw(key) != nil {
            if let value = integer(key, in: range) { target[keyPath: field] = value } else { complete = false }
        }
        return complete
    }

    /// A time of day written `HH:mm`.
    mutating func clockTime(_ key: String) -> ClockTime? {
        guard let text = string(key) else { return nil }
        guard let time = ClockTime(text) else {
            log.report(path.appending(key: key), "must be a time of day written HH:mm, found “\(text)”")
            return nil
        }
        return time
    }

    /// Every field of this object as a queue letter with a count of places (1–1,000).
    mutating func letterCounts() -> [String: Int]? {
        var counts: [String: Int] = [:]
        var complete = true
        for key in fieldNames {
            guard CatalogueRules.isValidPrefix(key) else {
                log.report(path.appending(key: key), "must be a queue letter A–Z")
                complete = false
                _ = raw(key)
                continue
            }
            if let count = integer(key, in: 1...1_000) { counts[key] = count } else { complete = false }
        }
        return complete ? counts : nil
    }
}

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
        var complete = true
        func read(_ key: String, _ range: ClosedRange<Int>, into field: WritableKeyPath<AppointmentSettings, Int>) {
            guard reader.raw(key) != nil else { return }
            if let value = reader.integer(key, in: range) { settings[keyPath: field] = value } else { complete = false }
        }
        read("daysAhead", 0...90, into: \.daysAhead)
        read("cancelMinutesBefore", 0...2_880, into: \.cancelMinutesBefore)
        read("checkInMinutesBefore", 0...240, into: \.checkInMinutesBefore)
        read("checkInMinutesAfter", 0...240, into: \.checkInMinutesAfter)
        read("releaseDelayMinutes", 0...1_440, into: \.releaseDelayMinutes)
        read("maxAppointmentsInRow", 1...100, into: \.maxAppointmentsInRow)
        read("walkInWaitMinutes", 0...480, into: \.walkInWaitMinutes)
        if reader.raw("opensAt") != nil {
            if let opensAt = reader.clockTime("opensAt") { settings.opensAt = opensAt } else { complete = false }
        }
        if reader.raw("limits") != nil {
            if let limits = reader.object("limits", readLimits) { settings.limits = limits } else { complete = false }
        }
        return complete ? settings : nil
    }

    private static func readLimits(_ reader: inout ObjectReader) -> BookingLimits? {
        var limits = BookingLimits()
        var complete = true
        func read(_ key: String, _ range: ClosedRange<Int>, into field: WritableKeyPath<BookingLimits, Int>) {
            guard reader.raw(key) != nil else { return }
            if let value = reader.integer(key, in: range) { limits[keyPath: field] = value } else { complete = false }
        }
        read("perPhonePerService", 1...10, into: \.perPhonePerService)
        read("perPhone", 1...20, into: \.perPhone)
        read("missedBookings", 1...20, into: \.missedBookings)
        read("missedWithinDays", 1...90, into: \.missedWithinDays)
        read("banDays", 0...365, into: \.banDays)
        read("codeMinutes", 1...60, into: \.codeMinutes)
        read("codeTries", 1...20, into: \.codeTries)
        read("codesPerPhonePerHour", 1...100, into: \.codesPerPhonePerHour)
        read("codesPerAddressPerHour", 1...10_000, into: \.codesPerAddressPerHour)
        return complete ? limits : nil
    }
}

extension ObjectReader {
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

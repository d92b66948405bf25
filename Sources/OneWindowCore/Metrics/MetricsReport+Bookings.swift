import Foundation

extension MetricsReport {
    /// Sets the range's booking figures (预约), for the hall (or the one service asked for) and
    /// per service, from the counts per hall day and service: `BookingCounts.byDay` of the
    /// stored bookings, with the days kept after their bookings were deleted. One path for the
    /// API, the CSV, `onewindowd report`, `/manage` and Prometheus, so they agree.
    public mutating func setBookings(
        _ days: [String: [String: BookingCounts]], plan: SlotPlan, catalogue: Catalogue
    ) {
        var perService: [String: BookingCounts] = [:]
        for (day, services) in days where day >= from && day <= to {
            for (id, counts) in services { perService[id, default: BookingCounts()].add(counts) }
        }
        var byLetter: [String: Int] = [:]
        func capacity(_ letter: String) -> Int {
            if let known = byLetter[letter] { return known }
            let places = BookingFigures.capacity(plan, letter: letter, from: from, to: to)
            byLetter[letter] = places
            return places
        }
        for index in services.indices {
            let id = services[index].serviceId
            let letter = catalogue.service(id: id)?.queuePrefix
            services[index].bookings = BookingFigures(
                perService[id] ?? BookingCounts(), capacity: letter.map(capacity) ?? 0)
        }
        if let serviceId {
            bookings = services.first { $0.serviceId == serviceId }?.bookings
        } else {
            var hall = BookingCounts()
            for counts in perService.values { hall.add(counts) }
            bookings = BookingFigures(hall, capacity: plan.settings.capacity.keys.reduce(0) { $0 + capacity($1) })
        }
    }
}

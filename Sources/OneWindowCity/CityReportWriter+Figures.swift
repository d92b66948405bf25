import OneWindowCore

extension CityReportWriter {
    mutating func cohort(_ cohort: HallMetrics.Cohort) {
        bytes.append(UInt8(ascii: "{"))
        key("cancelled", first: true)
        int(cohort.cancelled)
        field("closedAtFirstVisit", cohort.closedAtFirstVisit)
        field("closedLater", cohort.closedLater)
        field("medianDaysToClose", cohort.medianDaysToClose)
        field("oneVisitRate", cohort.oneVisitRate)
        field("open", cohort.open)
        field("opened", cohort.opened)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func satisfaction(_ satisfaction: HallMetrics.Satisfaction) {
        bytes.append(UInt8(ascii: "{"))
        key("badOpen", first: true)
        int(satisfaction.badOpen)
        field("badOverdue", satisfaction.badOverdue)
        key("byChannel", first: false)
        dictionary(satisfaction.byChannel) { $0.dictionary($1) { $0.int($1) } }
        key("counts", first: false)
        dictionary(satisfaction.counts) { $0.int($1) }
        field("satisfiedShare", satisfaction.satisfiedShare)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func distribution(_ distribution: Distribution) {
        bytes.append(UInt8(ascii: "{"))
        key("count", first: true)
        int(distribution.count)
        field("mean", distribution.mean)
        field("median", distribution.median)
        field("p90", distribution.p90)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func bookings(_ figures: BookingFigures?) {
        guard let figures else { return null() }
        bytes.append(UInt8(ascii: "{"))
        key("bookings", first: true)
        int(figures.bookings)
        field("cancelled", figures.cancelled)
        field("capacity", figures.capacity)
        field("capacityUsedShare", figures.capacityUsedShare)
        field("checkedIn", figures.checkedIn)
        field("late", figures.late)
        field("missed", figures.missed)
        field("noShowRate", figures.noShowRate)
        field("punctual", figures.punctual)
        field("punctualShare", figures.punctualShare)
        field("windowClosed", figures.windowClosed)
        bytes.append(UInt8(ascii: "}"))
    }
}

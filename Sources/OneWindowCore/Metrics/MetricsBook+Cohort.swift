import Foundation

extension MetricsBook {
    /// A visit of case `caseId` ended at a window. The case's first such visit puts the case
    /// into the cohort of `day`: closed at once when `outcome` closes it, else followed until it
    /// closes or is cancelled. The materials it named `missing` count for 常见缺件提醒. A no-show or an expired ticket is not a visit: a case whose
    /// first ticket was missed joins the cohort of the day its first visit does end.
    mutating func visitEnded(caseId: String, serviceId: String, outcome: String?, missing: [String], day: String) {
        guard cohorts[caseId] == nil else { return }  // a return visit: its case_closed tells the rest
        let closes = outcome.map { VisitOutcome(rawValue: $0)?.closesCase ?? true } ?? true
        var change = days[day, default: [:]][serviceId, default: DayStats()]
        change.firstVisits += 1
        for material in Set(missing) { change.firstVisitMissed[material, default: 0] += 1 }
        if closes {
            change.firstVisitResolved += 1
            change.firstVisitDaysToClose[Self.daysToClose(caseId: caseId, closedOn: day), default: 0] += 1
        } else {
            cohorts[caseId] = Cohort(day: day, serviceId: serviceId)
        }
        days[day, default: [:]][serviceId] = change
    }

    /// Case `caseId` closed (at a later visit) or was cancelled on `day`: its cohort's open
    /// count goes down, told on `day` under the cohort's day and service.
    mutating func laterChange(caseId: String, closed: Bool, day: String) {
        guard let cohort = cohorts.removeValue(forKey: caseId) else { return }
        var stats = days[day, default: [:]][cohort.serviceId, default: DayStats()]
        var change = stats.cohortChanges[cohort.day, default: CohortChange()]
        if closed {
            change.closedLater += 1
            change.daysToClose[Self.daysToClose(caseId: caseId, closedOn: day), default: 0] += 1
        } else {
            change.cancelled += 1
        }
        stats.cohortChanges[cohort.day] = change
        days[day, default: [:]][cohort.serviceId] = stats
    }

    /// Calendar days from the hall day a case opened (written in its number, `C20261127-0001`)
    /// to `day`; 0 for a number of another form.
    static func daysToClose(caseId: String, closedOn day: String) -> Int {
        let digits = caseId.dropFirst().prefix(8)
        guard caseId.hasPrefix("C"), digits.count == 8, digits.allSatisfy(\.isASCII) else { return 0 }
        let opened = "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
        guard let start = WorkingDays.date(opened), let end = WorkingDays.date(day) else { return 0 }
        return max(0, Int((end.timeIntervalSince(start) / 86_400).rounded()))
    }
}

import Foundation
import OneWindowCore

/// One hall, simulated in 10-second steps through the queue's own commands.
struct HallSimulation {
    private struct Visit {
        var ticketId: String
        var endsAt: Date
        var absent: Bool
    }

    private var queue: HallQueue
    /// What the commands changed since the last `takeChanges`.
    private var pending = QueueChanges()
    private let perDay: Int
    private let meanMinutes: Double
    private let calendar: HallCalendar
    private let services: [ServiceItem]
    private var day = ""
    private var arrivals: [(at: Date, caseId: String?)] = []
    private var visits: [String: Visit] = [:]
    /// Cases that need another visit, by the day the applicant comes back.
    private var returning: [String: [String]] = [:]
    /// Those cases as they stood after the visit that left them open: the queue keeps only the
    /// day's cases in memory, and the daemon reads an older one from the database.
    private var followed: [String: CaseRecord] = [:]
    private var badReviews: [(evaluation: Evaluation, day: String)] = []
    private(set) var issuedToday = 0
    private(set) var issuedTotal = 0

    init(catalogue: Catalogue, day: String, perDay: Int) {
        queue = HallQueue(catalogue: catalogue, day: day)
        self.perDay = perDay
        meanMinutes = 0.9 * Double(catalogue.hall.windows.count) * 510 / Double(perDay)
        calendar = HallCalendar(timeZone: catalogue.hall.timeZone)
        services = catalogue.services.filter(\.receivedInHall)  // the hall tickets only what it receives
    }

    mutating func step(at now: Date, closing: Date, random: inout SeededRandom) {
        if calendar.day(of: now) != day { plan(now, closing: closing, random: &random) }
        while let next = arrivals.first, next.at <= now {
            arrivals.removeFirst()
            issue(caseId: next.caseId, at: now, random: &random)
        }
        for window in queue.catalogue.hall.windows.map(\.id) {
            if let visit = visits[window] {
                if visit.absent {
                    guard let ticket = queue.tickets[visit.ticketId], now >= visit.endsAt else { continue }
                    if ticket.callCount < queue.callsBeforeNoShow {
                        send(.recall(window: window), by: "clerk-\(window)", at: now)
                        visits[window]?.endsAt = now.addingTimeInterval(60)
                    } else {
                        send(.noShow(ticket: visit.ticketId, window: window), by: "clerk-\(window)", at: now)
                        visits[window] = nil
                    }
                    continue
                }
                guard now >= visit.endsAt else { continue }
                complete(visit.ticketId, window: window, at: now, random: &random)
                visits[window] = nil
            }
            guard case .ticket(let called)? = send(.callNext(window: window), by: "clerk-\(window)", at: now) else {
                continue
            }
            let absent = random.chance(0.03)
            // Service times keep the windows about 90 % busy at the day's volume: short for a real
            // hall, but 100,000 tickets in 30 days through 7 windows need it.
            let minutes = meanMinutes * (0.4 + random.unit() * 1.0 + (random.chance(0.05) ? random.unit() * 4 : 0))
            visits[window] = Visit(
                ticketId: called.id, endsAt: now.addingTimeInterval(absent ? 60 : minutes * 60), absent: absent)
        }
    }

    /// Ends the day: what still waits or is called expires.
    mutating func close(at closing: Date) {
        send(.closeDay, by: "system", at: closing)
        visits = [:]
        arrivals = []
    }

    /// What the commands changed since the last call, for `HistoryWriter` to write.
    mutating func takeChanges() -> QueueChanges {
        defer { pending = QueueChanges() }
        return pending
    }

    /// Applies a command as the hall's device would send it, keeping what it changed for the
    /// day's write; its outcome, or nil when it was refused.
    @discardableResult
    private mutating func send(
        _ command: QueueCommand, by actor: String, at now: Date, stored: StoredRecords = StoredRecords()
    ) -> QueueOutcome? {
        let applied = queue.apply(command, by: actor, at: now, stored: stored)
        pending.merge(applied.changes)
        return try? applied.outcome.get()
    }

    private mutating func plan(_ now: Date, closing: Date, random: inout SeededRandom) {
        day = calendar.day(of: now)
        issuedToday = 0
        let comeBack = returning.removeValue(forKey: day) ?? []
        let span = closing.timeIntervalSince(now) - 1800
        arrivals = ((0..<max(0, perDay - comeBack.count)).map { _ in nil } + comeBack.map { Optional($0) }).map {
            (at: now.addingTimeInterval(random.unit() * span), caseId: $0)
        }.sorted { $0.at < $1.at }
        // Most bad reviews of three or more days ago are rectified today; some are left overdue.
        badReviews = badReviews.filter { review in
            guard review.day < shifted(day, by: -3), random.chance(0.2) else { return true }
            if random.chance(0.15) { return false }
            send(
                .followUp(evaluation: review.evaluation.id, step: .rectified("已回访并改进")), by: "admin", at: now,
                stored: StoredRecords(evaluation: review.evaluation))
            return false
        }
    }

    private mutating func issue(caseId: String?, at now: Date, random: inout SeededRandom) {
        let service = services[random.zipf(services.count)]
        let order = TicketOrder(
            id: Ticket.newId(at: now), serviceId: caseId == nil ? service.id : nil, priority: random.chance(0.05),
            caseId: caseId)
        let stored = StoredRecords(caseRecord: caseId.flatMap { followed.removeValue(forKey: $0) })
        if send(.issue(order), by: "kiosk-1", at: now, stored: stored) != nil {
            issuedToday += 1
            issuedTotal += 1
        }
    }

    private mutating func complete(_ id: String, window: String, at now: Date, random: inout SeededRandom) {
        guard let ticket = queue.tickets[id], let service = queue.catalogue.service(id: ticket.serviceId) else {
            return
        }
        let roll = random.unit()
        let outcome: VisitOutcome =
            roll < 0.7 ? .completed : roll < 0.82 ? .accepted : roll < 0.94 ? .needsMore : .rejected
        var missing: [String] = []
        if outcome == .needsMore {
            let ids = service.materials.map(\.id)
            missing = Array(Set((0...random.below(2)).map { _ in ids[min(ids.count - 1, random.zipf(ids.count))] }))
        }
        let note = outcome == .rejected ? "不符合受理条件" : nil
        let completed = send(
            .complete(ticket: id, window: window, outcome: outcome, missingMaterials: missing, note: note),
            by: "clerk-\(window)", at: now)
        guard completed != nil else { return }
        if outcome == .needsMore, let caseId = ticket.caseId {
            if random.chance(0.05) {
                send(.cancelCase(caseId, reason: "申请人撤回"), by: "clerk-\(window)", at: now)
            } else {
                returning[shifted(day, by: 1 + random.below(5)), default: []].append(caseId)
                followed[caseId] = queue.cases[caseId]
            }
        }
        guard random.chance(0.6) else { return }
        let r = random.unit()
        let rating = r < 0.6 ? 5 : r < 0.85 ? 4 : r < 0.93 ? 3 : r < 0.97 ? 2 : 1
        let comments = ["等候时间太长", "材料要求没说清楚", "跑了两次才办成", "窗口解释不耐心"]
        let reasons = ["efficiency", "one_time_notice", "process", "attitude"]
        let pick = random.below(comments.count)
        // Rated on the window's pad as the visit ends.
        let pad = Rating(
            reference: id, rating: rating, reasons: rating <= 2 ? [reasons[pick]] : [],
            comment: rating <= 2 ? comments[pick] : nil, by: .pad(window: window))
        if case .evaluation(let evaluation)? = send(.evaluate(pad), by: "pad-\(window)", at: now), rating <= 2 {
            badReviews.append((evaluation, day))
        }
    }

    private func shifted(_ day: String, by days: Int) -> String {
        WorkingDays.date(day).map { WorkingDays.text($0.addingTimeInterval(Double(days) * 86_400)) } ?? day
    }
}

/// A small seeded generator (SplitMix64), so a history can be made again.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func below(_ n: Int) -> Int { Int(unit() * Double(n)) }

    /// 0 ..< n, small numbers far more often (popular services, the usual missing material).
    mutating func zipf(_ n: Int) -> Int { min(n - 1, Int(pow(unit(), 2.2) * Double(n))) }
}

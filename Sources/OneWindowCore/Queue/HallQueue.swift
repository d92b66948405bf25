import Foundation

/// The hall's queue for one day: tickets, windows and the state machine between them.
///
/// A value type with no I/O. Every change is a `QueueCommand`, applied by `apply(_:by:at:stored:)`
/// (`HallQueue+Apply`, one switch): it takes the time and the actor, checks the transition,
/// changes the state and returns what changed, which the storage layer writes before anyone
/// is told the command succeeded.
///
/// Transitions of a ticket:
/// ```
/// waiting --callNext--> called --complete--> completed
///    ^                    |  \--noShow (after N calls and T seconds)--> no_show
///    +----transfer--------+  \--recall--> called (callCount + 1)
/// waiting | called --day ends / closeDay--> expired
/// ```
public struct HallQueue: Sendable {
    public private(set) var catalogue: Catalogue
    public private(set) var day: String
    public internal(set) var tickets: [String: Ticket]
    public private(set) var windows: [String: WindowState]
    /// The last sequence issued today, per prefix.
    public internal(set) var sequences: [String: Int]
    /// A no-show is allowed once a ticket was called this many times.
    public let callsBeforeNoShow: Int
    /// …and once this many seconds have passed since its first call.
    public let noShowAfter: TimeInterval
    /// Recent service times, for wait estimates.
    public internal(set) var serviceTimes: ServiceTimes
    /// The cases that today's tickets (and any still open) are visits of. Other cases, open
    /// ones of earlier days included, stay in the database until a command names one: a hall
    /// keeps tens of thousands open (waiting for 补正), which memory need not hold.
    public internal(set) var cases: [String: CaseRecord]
    /// The last case number and evaluation number given out today.
    public internal(set) var caseSequence: Int
    public internal(set) var evaluationSequence: Int
    /// Today's tickets that were rated: a visit is rated once.
    public internal(set) var evaluated: Set<String>
    /// The bookings and their rules; nil when the hall takes no appointments.
    public internal(set) var bookings: BookingLedger?
    /// Waiting tickets per service in call order, kept by `record`, so calls and estimates need no scan.
    var lines = WaitingLines()
    /// The ids of the last tickets called or recalled, most recent first (at most 10).
    public private(set) var recentCalls: [String] = []
    /// Per queue letter, how many appointment tickets were called in a row just before, for
    /// `CallOrder` (a walk-in's call sets it back to 0).
    public internal(set) var appointmentsInRow: [String: Int] = [:]
    /// Today's remote tickets (线上取号) by ticket id: the phone they were taken with, and
    /// whether they were checked in (until then call-next skips them).
    public internal(set) var remoteTickets: [String: RemoteTicket] = [:]
    let calendar: HallCalendar
    /// The instants of `day`, once known: most commands fall inside it and skip the calendar.
    private var dayRange: Range<Date>?
    /// Set while the clock reads a day before `day`, so a step back is reported once.
    private var clockBehind = false
    var changes = QueueChanges()

    /// Restores the queue from stored state (today's tickets and the windows), or starts empty.
    public init(
        catalogue: Catalogue, day: String, tickets: [Ticket] = [], windows: [WindowState] = [],
        callsBeforeNoShow: Int = 3, noShowAfter: TimeInterval = 90, serviceTimes: ServiceTimes = ServiceTimes(),
        cases: [CaseRecord] = [], evaluated: [Evaluation] = [], bookings: [Booking] = [],
        remoteTickets: [RemoteTicket] = []
    ) {
        self.catalogue = catalogue
        self.calendar = HallCalendar(timeZone: catalogue.hall.timeZone)
        self.bookings = Self.slotPlan(catalogue, calendar: calendar).map { BookingLedger(plan: $0, bookings: bookings) }
        self.day = day
        self.callsBeforeNoShow = callsBeforeNoShow
        self.noShowAfter = noShowAfter
        self.serviceTimes = serviceTimes
        self.tickets = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.windows = Dictionary(windows.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.sequences = [:]
        self.cases = Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        // From the cases and from the tickets' case numbers, so a number is never given twice.
        self.caseSequence =
            (cases.map(\.id) + tickets.compactMap(\.caseId)).compactMap { CaseRecord.sequence(of: $0, day: day) }
            .max() ?? 0
        let today = evaluated.filter { $0.hallDay == day }
        self.evaluated = Set(today.map(\.ticketId))
        self.evaluationSequence =
            today.compactMap { Int($0.id.split(separator: "-").last ?? "") }.max() ?? 0
        for ticket in tickets where ticket.hallDay == day {
            sequences[ticket.prefix] = max(sequences[ticket.prefix] ?? 0, ticket.sequence)
            if ticket.status == .completed, let called = ticket.calledAt, let ended = ticket.endedAt {
                self.serviceTimes.add(ended.timeIntervalSince(called), for: ticket.serviceId)
            }
        }
        self.remoteTickets = Dictionary(
            remoteTickets.filter { $0.hallDay == day }.map { ($0.ticketId, $0) }, uniquingKeysWith: { _, last in last })
        for ticket in tickets where ticket.status == .waiting && isCallable(ticket) { lines.insert(ticket) }
        recentCalls = tickets.filter { $0.calledAt != nil && $0.window != nil }
            .sorted { $0.calledAt! > $1.calledAt! }.prefix(Self.recentCallLimit).map(\.id)
        appointmentsInRow = Self.appointmentsInRow(tickets.filter { $0.hallDay == day })
        adoptWindows()
    }

    static let recentCallLimit = 10

    /// Takes a reloaded catalogue: new windows start open, removed ones are dropped.
    public mutating func replaceCatalogue(_ catalogue: Catalogue) {
        self.catalogue = catalogue
        bookings = Self.slotPlan(catalogue, calendar: calendar).map {
            BookingLedger(plan: $0, bookings: bookings?.bookings ?? [])
        }
        adoptWindows()
    }

    private mutating func adoptWindows() {
        var adopted: [String: WindowState] = [:]
        for window in catalogue.hall.windows { adopted[window.id] = windows[window.id] ?? WindowState(id: window.id) }
        windows = adopted
    }

    /// What changed since the last call (`apply` returns it with each command).
    mutating func takeChanges() -> QueueChanges {
        defer { changes = QueueChanges() }
        return changes
    }

    mutating func record(
        _ ticket: Ticket, _ kind: QueueEvent.Kind, actor: String, at: Date, detail: EventDetail? = nil,
        encodedDetail: String? = nil
    ) {
        if let old = tickets[ticket.id], old.status == .waiting { lines.remove(old) }
        if ticket.status == .waiting, isCallable(ticket) { lines.insert(ticket) }
        if kind == .called { countCall(of: ticket) }
        if kind == .called || kind == .recalled {
            recentCalls.removeAll { $0 == ticket.id }
            recentCalls.insert(ticket.id, at: 0)
            if recentCalls.count > Self.recentCallLimit { recentCalls.removeLast() }
        }
        tickets[ticket.id] = ticket
        changes.tickets[ticket.id] = ticket
        changes.events.append(
            QueueEvent(
                kind: kind, ticketId: ticket.id, window: ticket.window, serviceId: ticket.serviceId,
                caseId: ticket.caseId, hallDay: day, actor: actor, at: at, detail: encodedDetail ?? detail?.json))
    }

    /// Records a case's new state, with an event of `kind` when given.
    mutating func record(
        _ record: CaseRecord, _ kind: QueueEvent.Kind?, actor: String, at: Date, detail: EventDetail? = nil
    ) {
        cases[record.id] = record
        changes.cases[record.id] = record
        if let kind {
            changes.events.append(
                QueueEvent(
                    kind: kind, ticketId: nil, window: nil, serviceId: record.serviceId, caseId: record.id,
                    hallDay: day, actor: actor, at: at, detail: detail?.json))
        }
    }

    mutating func record(_ window: WindowState, _ kind: QueueEvent.Kind?, actor: String, at: Date) {
        windows[window.id] = window
        changes.windows[window.id] = window
        if let kind {
            changes.events.append(
                QueueEvent(kind: kind, ticketId: nil, window: window.id, hallDay: day, actor: actor, at: at))
        }
    }

    /// Ends the previous day when `now` is on a later hall-local day: its open tickets expire.
    ///
    /// The hall day never goes backwards. If the clock is stepped back across midnight, the
    /// day and its sequences continue (a number is never issued twice) and the step is reported
    /// once in `QueueChanges.warnings`; the day moves on when the clock reaches the next one.
    mutating func rollOver(to now: Date) {
        if let dayRange, dayRange.contains(now) { return }
        let today = calendar.day(of: now)
        if today < day {
            if !clockBehind { changes.warnings.append(.clockSteppedBack(day: day, clockDay: today, at: now)) }
            clockBehind = true
            return
        }
        clockBehind = false
        dayRange = calendar.dayRange(of: now)
        guard today != day else {
            // The first time of a queue restored on a later day than its last stored one (the
            // daemon was down over midnight): the earlier days' open tickets end now, as they
            // would have at midnight, and are never called on this day.
            expireOpenTickets(before: day, actor: "system", at: now)
            return
        }
        expireOpenTickets(actor: "system", at: now)
        tickets = tickets.filter { !$0.value.status.isFinal || $0.value.hallDay == today }
        let visited = Set(tickets.values.compactMap(\.caseId))
        cases = cases.filter { visited.contains($0.key) }
        day = today
        sequences = [:]
        appointmentsInRow = [:]
        remoteTickets = [:]
        caseSequence = 0
        evaluationSequence = 0
        evaluated = []
    }

    /// The instant the current hall day ends, once the queue has seen a time on it; a read after
    /// it must roll the day over first.
    public var dayEnd: Date? { dayRange?.upperBound }

    /// Ends the day now (`close-day`, or the configured closing time): open tickets expire.
    /// Numbers are not reused: tickets issued later today continue the sequence.
    @discardableResult
    mutating func closeDay(actor: String, at now: Date) -> [Ticket] {
        rollOver(to: now)
        return expireOpenTickets(actor: actor, at: now)
    }

    @discardableResult
    private mutating func expireOpenTickets(before day: String? = nil, actor: String, at now: Date) -> [Ticket] {
        var expired: [Ticket] = []
        for var ticket in tickets.values.sorted(by: Ticket.isServedBefore)
        where !ticket.status.isFinal && day.map({ ticket.hallDay < $0 }) ?? true {
            ticket.status = .expired
            ticket.endedAt = now
            record(ticket, .expired, actor: actor, at: now)
            expired.append(ticket)
        }
        if let day {
            tickets = tickets.filter { !$0.value.status.isFinal || $0.value.hallDay >= day }
        }
        let ended = Set(expired.map(\.id))
        for var window in windows.values
        where window.currentTicketId.map({ day == nil || ended.contains($0) }) ?? false {
            window.currentTicketId = nil
            record(window, nil, actor: actor, at: now)
        }
        return expired
    }

    /// The windows that are open (not paused) and take `serviceId`.
    public func openWindows(serving serviceId: String) -> [Window] {
        catalogue.hall.windows.filter { $0.serves(serviceId) && windows[$0.id]?.paused != true }
    }

    /// Waiting tickets in the order they will be called. Sorts every ticket: for reports and
    /// tests, not for paths that run on every request.
    public var waiting: [Ticket] {
        tickets.values.filter { $0.status == .waiting }.sorted(by: Ticket.isServedBefore)
    }

    /// The head of the lines of the services `window` takes; `nextWaiting(for:at:)` decides.
    func headOfLines(for window: Window) -> Ticket? {
        lines.first { window.serves($0) }.flatMap { tickets[$0.id] }
    }

    /// The longest-waiting walk-in of `prefix` that `window` takes.
    func firstWalkIn(for window: Window, prefix: String) -> Ticket? {
        lines.firstWalkIn(among: { window.serves($0) }, prefix: prefix).flatMap { tickets[$0.id] }
    }

    /// Waiting tickets per number prefix, for boards.
    public var waitingByPrefix: [String: Int] { lines.countByPrefix }
}

/// What one or more commands changed: the rows to write and the events to append.
public struct QueueChanges: Sendable, Equatable {
    public var tickets: [String: Ticket] = [:]
    public var windows: [String: WindowState] = [:]
    public var cases: [String: CaseRecord] = [:]
    public var evaluations: [String: Evaluation] = [:]
    /// New evaluation codes of tickets already stored (ticket id → hash): written as an update
    /// of that one column, not as the whole ticket.
    public var evaluationCodes: [String: String] = [:]
    /// Bookings made or changed, by code, and the sealed phone numbers of new ones.
    public var bookings: [String: Booking] = [:]
    public var sealedPhones: [String: Data] = [:]
    /// Remote tickets taken or changed (checked in, told they are near), by ticket id, and the
    /// sealed phone numbers of new ones.
    public var remoteTickets: [String: RemoteTicket] = [:]
    public var remotePhones: [String: Data] = [:]
    /// Remote tickets whose place in line reached their `nearAhead` with this change, by
    /// ticket id ("前面还有 N 人").
    public var remoteNear: [String: NearNotice] = [:]
    public var events: [QueueEvent] = []
    /// What the operator should hear about; not written to the database.
    public var warnings: [QueueWarning] = []

    public init() {}

    public var isEmpty: Bool {
        tickets.isEmpty && windows.isEmpty && cases.isEmpty && evaluations.isEmpty && evaluationCodes.isEmpty
            && events.isEmpty && bookings.isEmpty && remoteTickets.isEmpty
    }

    /// Adds later changes on top of these (later rows win; events keep their order).
    public mutating func merge(_ later: QueueChanges) {
        tickets.merge(later.tickets) { _, new in new }
        windows.merge(later.windows) { _, new in new }
        cases.merge(later.cases) { _, new in new }
        evaluations.merge(later.evaluations) { _, new in new }
        evaluationCodes.merge(later.evaluationCodes) { _, new in new }
        bookings.merge(later.bookings) { _, new in new }
        sealedPhones.merge(later.sealedPhones) { _, new in new }
        remoteTickets.merge(later.remoteTickets) { _, new in new }
        remotePhones.merge(later.remotePhones) { _, new in new }
        remoteNear.merge(later.remoteNear) { _, new in new }
        events += later.events
        warnings += later.warnings
    }
}

/// Something the queue noticed that the operator should know.
public enum QueueWarning: Sendable, Equatable {
    /// The clock reads `clockDay`, before the hall day `day` the queue is on: it was stepped
    /// back. The queue stays on `day`.
    case clockSteppedBack(day: String, clockDay: String, at: Date)
}

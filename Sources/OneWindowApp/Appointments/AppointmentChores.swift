import Foundation
import Logging
import OneWindowCore
import OneWindowStorage
import Synchronization

/// What the booking side does by the clock, on a thread of its own: the day-before reminders
/// at `reminderAt`, and deleting bookings and their numbers `retentionDays` after their day.
///
/// Both are safe to repeat: a reminder's outbox key is its booking (`booking_reminder:<code>`),
/// so a restart or a second turn never sends one twice; a daemon that was down at the hour
/// sends the reminders at its first turn of the evening.
final class AppointmentChores: Sendable {
    private let state: AppState
    private let retentionDays: Int
    private let period: Double
    private let stopping = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)
    private let sweptDay = Mutex<String?>(nil)

    init(state: AppState, retentionDays: Int, period: Double) {
        self.state = state
        self.retentionDays = retentionDays
        self.period = period
    }

    func start() {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        let thread = Thread { [self] in
            while !stopping.load(ordering: .relaxed) {
                turn()
                _ = wake.wait(timeout: .now() + period)
            }
            finished.signal()
        }
        thread.name = "onewindow-chores"
        thread.start()
    }

    func stop() {
        guard started.load(ordering: .relaxed), !stopping.exchange(true, ordering: .relaxed) else { return }
        wake.signal()
        _ = finished.wait(timeout: .now() + 5)
    }

    /// One turn: the reminders due, and the retention sweep once a hall day.
    func turn() {
        let catalogue = state.catalogue.published
        let calendar = HallCalendar(timeZone: catalogue.hall.timeZone)
        let now = state.clock()
        let today = calendar.day(of: now)
        sweep(today: today)
        guard let settings = catalogue.hall.appointments else { return }
        let remindAt = calendar.instant(day: today, at: settings.reminderAt)
        guard now >= remindAt, let date = WorkingDays.date(today) else { return }
        let tomorrow = WorkingDays.text(date + 86_400)
        let due: [(Booking, Data)]
        do {
            due = try state.storage.bookingsToRemind(day: tomorrow, bookedBefore: remindAt)
        } catch {
            state.logger.error("cannot read tomorrow's bookings for their reminders: \(error)")
            return
        }
        guard !due.isEmpty else { return }
        let messages = due.map { booking, sealed in
            PhoneMessage(
                .bookingReminder, params: MessageFeed.params(booking, settings, catalogue), phoneSealed: sealed
            ).outbox(event: "booking_reminder:" + booking.code)
        }
        let done = DispatchSemaphore(value: 0)
        state.queue.enqueueMessages(messages) { [state] result in
            if case .failure(let failure) = result {
                state.logger.error("reminders not written; the next turn tries again: \(failure)")
            }
            done.signal()
        }
        _ = done.wait(timeout: .now() + 30)
    }

    /// Deletes bookings whose day is more than `retentionDays` behind, once per hall day,
    /// keeping their counts (`booking_rollup`) for the figures.
    private func sweep(today: String) {
        guard sweptDay.withLock({ $0 }) != today, let date = WorkingDays.date(today) else { return }
        let before = WorkingDays.text(date - Double(retentionDays) * 86_400)
        do {
            // Their figures stay, as counts per day and service, in the deleting transaction.
            let (plan, now) = (state.queue.read { $0.bookings?.plan }, state.clock())
            let count = try state.storage.deleteBookings(beforeDay: before) { bookings in
                BookingCounts.byDay(bookings, plan: plan, at: now)
            }
            let remote = try state.storage.deleteRemoteTickets(beforeDay: before)
            sweptDay.withLock { $0 = today }
            if remote > 0 {
                state.logger.notice(
                    "deleted remote tickets' phone numbers past the retention period",
                    metadata: ["remoteTickets": "\(remote)", "before": "\(before)"])
            }
            if count > 0 {
                state.logger.notice(
                    "deleted bookings past the retention period, with their phone numbers",
                    metadata: ["bookings": "\(count)", "before": "\(before)", "retentionDays": "\(retentionDays)"])
            }
        } catch {
            state.logger.error("cannot delete bookings past the retention period: \(error)")
        }
    }
}

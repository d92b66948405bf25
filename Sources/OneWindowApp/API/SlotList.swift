import Foundation
import OneWindowCore

/// `GET /api/v1/appointments/slots`: a service's slots over some days, each with what is left.
struct SlotList: Encodable {
    struct Entry: Encodable {
        let day: String
        let start: ClockTime
        let capacity: Int
        let left: Int
        /// When booking for the slot's day opens (ISO 8601); until then `left` is what will be offered.
        let bookingOpens: String
    }

    let serviceId: String
    let letter: String
    let slotMinutes: Int
    let slots: [Entry]

    /// The slots of `days` not yet started at `now`, from the queue's ledger.
    init(serviceId: String, letter: String, days: [String], ledger: BookingLedger, at now: Date) {
        let plan = ledger.plan
        self.serviceId = serviceId
        self.letter = letter
        slotMinutes = plan.settings.slotMinutes
        let capacity = plan.settings.capacity[letter] ?? 0
        slots = days.flatMap { day -> [Entry] in
            let opens = Timestamp.iso8601(plan.bookingOpens(for: day))
            return plan.slots(day: day, letter: letter).compactMap { slot in
                guard plan.startsAt(slot) > now else { return nil }
                return Entry(
                    day: day, start: slot.start, capacity: capacity, left: ledger.left(slot, at: now),
                    bookingOpens: opens)
            }
        }
    }
}

import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// Appointments (预约): the public slot list. Booking itself needs a verified phone.
    static func appointments(_ state: AppState) -> [Route] {
        [
            Route("GET", "/api/v1/appointments/slots", query: ["serviceId", "from", "to"]) { request in
                guard let serviceId = try textParameter(request, "serviceId") else {
                    throw HTTPError(.invalidParameter, "query parameter “serviceId” is required")
                }
                let range = try dayRange(request)
                guard WorkingDays.date(range.to)!.timeIntervalSince(WorkingDays.date(range.from)!) < 62 * 86_400 else {
                    throw HTTPError(.invalidParameter, "the range is longer than 62 days")
                }
                guard let service = state.catalogue.published.service(id: serviceId) else {
                    throw HTTPError(.serviceNotFound, "no service item with id “\(serviceId)”")
                }
                let now = state.queue.clock()
                let list = state.queue.read { queue -> SlotList? in
                    guard let ledger = queue.bookings, service.receivedInHall,
                        ledger.plan.books(letter: service.queuePrefix)
                    else { return nil }
                    return SlotList(
                        serviceId: serviceId, letter: service.queuePrefix,
                        days: SlotPlan.days(from: range.from, to: range.to), ledger: ledger, at: now)
                }
                guard let list else {
                    throw HTTPError(
                        .serviceNotBookable, BookingRefusal.notBookable.message)
                }
                return .json(list, headers: ["Cache-Control": "no-store"])
            }
        ]
    }
}

import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// Booking with a verified phone (预约): send a code, book, read and cancel. The phone
    /// travels in the body or in the `X-Phone` header, never in the URL, so access logs never
    /// hold it.
    static func booking(_ state: AppState) -> [Route] {
        [
            Route("POST", "/api/v1/appointments/verification", body: .json) { request, responder in
                let body = try request.decodeJSON(VerificationRequest.self)
                let desk = state.appointments
                let phone = try desk.phone(body.phone)
                desk.sendCode(to: phone, from: request.clientAddress) { result in
                    switch result {
                    case .success:
                        let sent = VerificationSent(
                            phone: phone.masked, expiresInSeconds: desk.limits.codeMinutes * 60,
                            tries: desk.limits.codeTries)
                        responder.send { .json(sent, status: 202, headers: ["Cache-Control": "no-store"]) }
                    case .failure(let error): responder.fail(error)
                    }
                }
            },
            Route("POST", "/api/v1/appointments", body: .json) { request, responder in
                let order = try bookingOrder(request.decodeJSON(BookingRequest.self), state)
                state.queue.execute(.book(order.order), by: "web", answer: QueueOutcome.self) { result in
                    responder.answer(
                        result.map { outcome in bookingEnvelope(outcome, phone: order.phone, state) }, status: 201)
                }
            },
            Route("GET", "/api/v1/appointments/{code}") { request in
                let (booking, phone) = try heldBooking(request, state)
                return .json(
                    BookingEnvelope(booking: view(booking, phone: phone, state)),
                    headers: ["Cache-Control": "no-store"])
            },
            Route("POST", "/api/v1/appointments/{code}/cancel") { request, responder in
                let (booking, phone) = try heldBooking(request, state)
                let command = QueueCommand.cancelBooking(code: booking.code, phoneKey: booking.phoneKey)
                state.queue.execute(command, by: "web", answer: QueueOutcome.self) { result in
                    responder.answer(result.map { bookingEnvelope($0, phone: phone, state) })
                }
            },
        ]
    }

    /// Checks a booking request: the body, the phone, the rules that need no code (so that a
    /// refusal does not use the code up), then the code. The ledger decides again in the
    /// commit, where the last places are sold.
    static func bookingOrder(_ body: BookingRequest, _ state: AppState) throws(HTTPError)
        -> (order: BookingOrder, phone: PhoneNumber)
    {
        let desk = state.appointments
        let phone = try desk.phone(body.phone)
        let digits = body.day.utf8.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (48...57).contains(byte)
        }
        guard body.day.utf8.count == 10, digits, let date = WorkingDays.date(body.day),
            WorkingDays.text(date) == body.day
        else {
            throw HTTPError(.malformedBody, "field “day” must be a date, yyyy-MM-dd")
        }
        guard let start = ClockTime(body.start) else {
            throw HTTPError(.malformedBody, "field “start” must be a time of day, HH:mm")
        }
        if let caseId = body.caseId, caseId.isEmpty || caseId.utf8.count > 64 {
            throw HTTPError(.malformedBody, "field “caseId” must be 1 to 64 characters")
        }
        guard let service = state.catalogue.published.service(id: body.serviceId) else {
            throw HTTPError(.serviceNotFound, "no service item with id “\(body.serviceId)”")
        }
        let slot = Slot(day: body.day, start: start, letter: service.queuePrefix)
        let key = desk.vault.key(for: phone)
        let now = state.queue.clock()
        let refusal = state.queue.read { queue -> BookingRefusal? in
            guard let ledger = queue.bookings else { return .notBookable }
            return ledger.refusal(
                slot: slot, serviceId: service.id, phoneKey: key, receivedAtHall: service.receivedInHall, at: now)
        }
        if let refusal { throw QueueFailure.refused(.booking(refusal)).httpError }
        try desk.verify(body.code, phone: phone)
        let order = BookingOrder(
            code: BookingCode.make(), serviceId: service.id, slot: slot, phoneKey: key,
            phoneSealed: desk.vault.seal(phone), caseId: body.caseId)
        return (order, phone)
    }

    /// The booking of the path's code, if the `X-Phone` header holds its number; else 404,
    /// the same for an unknown code and for a known one with another number, after the same
    /// work (the keyed hash, one lookup, a constant-time comparison), so that codes cannot be
    /// probed, by answer or by time.
    private static func heldBooking(_ request: Request, _ state: AppState) throws(HTTPError)
        -> (Booking, PhoneNumber)
    {
        let phone = try state.appointments.phone(request.headers["X-Phone"])
        let key = state.appointments.vault.key(for: phone)
        let code = BookingCode.normalized(request.pathParameter("code")) ?? ""
        let booking = state.queue.read { $0.bookings?.booking(code: code) }
        let held = constantTimeEqual(booking?.phoneKey ?? String(repeating: "0", count: key.utf8.count), key)
        guard let booking, held else {
            throw HTTPError(.bookingNotFound, "没有这个预约码，或手机号不符 (no such booking for this phone)")
        }
        return (booking, phone)
    }

    /// Made from the catalogue, not the queue: it runs on the commit thread too, which must
    /// never wait for the queue's lock.
    private static func view(_ booking: Booking, phone: PhoneNumber, _ state: AppState) -> BookingView {
        let catalogue = state.catalogue.published
        let settings =
            catalogue.hall.appointments ?? AppointmentSettings(sessions: [], slotMinutes: 30, capacity: [:])
        let plan = SlotPlan(
            settings: settings, calendar: HallCalendar(timeZone: catalogue.hall.timeZone),
            workingDays: catalogue.hall.workingDays)
        return BookingView(booking, phone: phone, plan: plan, catalogue: catalogue)
    }

    static func bookingEnvelope(_ outcome: QueueOutcome, phone: PhoneNumber, _ state: AppState)
        -> BookingEnvelope
    {
        guard case .booking(let booking) = outcome else {
            preconditionFailure("a booking was expected, not \(outcome)")
        }
        return BookingEnvelope(booking: view(booking, phone: phone, state))
    }
}

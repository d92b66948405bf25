import Foundation
import OneWindowCore
import OneWindowHTTP

/// 今日排队 on `/book`: the booking pages' number and code steps, taking a remote ticket
/// (`POST /api/v1/remote-tickets`'s checks and command) instead of a slot.
extension Routes {
    /// What a ticket of `service` taken now would face, if one can be taken now (the hall open,
    /// the turn before closing): the same check as the API's, without a phone.
    static func todayOffer(_ service: ServiceItem, _ state: AppState, at now: Date) -> BookPage.TodayOffer? {
        let probe = RemoteTicketOrder(
            ticketId: "", serviceId: service.id, phoneKey: "", phoneSealed: Data(), checkInCode: "",
            closesAt: state.queue.closing(onDayOf: now), nearAhead: 0)
        return state.queue.read { queue -> BookPage.TodayOffer? in
            guard queue.remoteRefusal(probe, at: now) == nil else { return nil }
            let ticket = Ticket(
                id: "", hallDay: queue.day, prefix: "", sequence: .max, serviceId: service.id, priority: false,
                issuedAt: now)
            let estimate = queue.estimate(for: ticket)
            return BookPage.TodayOffer(
                ahead: estimate.ahead, minutes: WaitMinutes.told(seconds: estimate.seconds, waiting: true))
        }
    }

    /// A 今日排队 form (`today=1`) with its service; nil for a booking's form. Another site's
    /// form is refused, as the booking's are.
    static func todayForm(_ request: Request, _ state: AppState) throws(HTTPError) -> (ServiceItem, [String: String])? {
        guard FormOrigin.isSameSite(request) else {
            throw HTTPError(.crossSiteForm, "this form can be sent only from the booking page")
        }
        let form = try request.formValues()
        guard form["today"] == "1" else { return nil }
        return (try bookableService(form["service"] ?? "", state), form)
    }

    static func sendTodayCode(
        _ service: ServiceItem, _ form: [String: String], _ request: Request, _ state: AppState, _ responder: Responder
    ) {
        let hall = state.catalogue.published.hall
        let mode = PageMode(request)
        guard let phone = PhoneNumber(form["phone"] ?? "") else {
            let again = BookPage.todayPhone(hall: hall, service: service, problem: "请输入正确的 11 位手机号。", mode: mode)
            responder.send(page(again, 422))
            return
        }
        state.appointments.sendCode(to: phone, from: request.clientAddress) { result in
            switch result {
            case .success:
                responder.send(
                    page(BookPage.todayCode(hall: hall, service: service, phone: phone, problem: nil, mode: mode)))
            case .failure(let error):
                let again = BookPage.todayPhone(hall: hall, service: service, problem: error.message, mode: mode)
                responder.send(page(again, error.code.status))
            }
        }
    }

    static func takeToday(
        _ service: ServiceItem, _ form: [String: String], _ request: Request, _ state: AppState, _ responder: Responder
    ) {
        let hall = state.catalogue.published.hall
        let mode = PageMode(request)
        guard let phone = PhoneNumber(form["phone"] ?? "") else {
            let again = BookPage.todayPhone(hall: hall, service: service, problem: "请重新输入手机号。", mode: mode)
            responder.send(page(again, 422))
            return
        }
        let refused: @Sendable (HTTPError) -> Response = { error in
            page(
                BookPage.todayCode(hall: hall, service: service, phone: phone, problem: error.message, mode: mode),
                error.code.status)
        }
        let order: RemoteTicketOrder
        do throws(HTTPError) {
            order = try remoteTicketOrder(
                RemoteTicketRequest(serviceId: service.id, phone: phone.digits, code: form["code"] ?? ""), state)
        } catch {
            responder.send(refused(error))
            return
        }
        state.queue.execute(.takeRemote(order), by: "web", answer: RemoteTicketView.self) { result in
            switch result {
            case .success(let taken): responder.send(page(BookPage.todayTaken(hall: hall, taken: taken, mode: mode)))
            case .failure(let failure): responder.send(refused(failure.httpError))
            }
        }
    }
}

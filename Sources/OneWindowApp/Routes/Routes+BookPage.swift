import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// `/book`, the booking pages: GET for the service and slot steps, two form posts for the
    /// number and the code; with `today=1` the same steps take a remote ticket (`Routes+BookToday`). The forms answer with the next step's page directly (no redirect),
    /// so the number never goes into a URL; a refusal shows the same step again, saying why.
    static func bookPages(_ state: AppState) -> [Route] {
        let errorPage = errorPage(state)
        return [
            Route.page("/book", query: ["service", "day", "start", "today"], errorPage: errorPage) { request in
                let hall = state.catalogue.published.hall
                let mode = PageMode(request)
                guard let id = try textParameter(request, "service") else {
                    return page(BookPage.services(hall: hall, services: bookable(state), mode: mode))
                }
                let service = try bookableService(id, state)
                if try request.queryValue("today") == "1" {
                    return page(BookPage.todayPhone(hall: hall, service: service, problem: nil, mode: mode))
                }
                if let day = try request.queryValue("day"), let start = try request.queryValue("start") {
                    let choice = try choice(service, day, start)
                    return page(BookPage.phone(hall: hall, choice: choice, problem: nil, mode: mode))
                }
                return page(slotsPage(service, state, mode: mode))
            },
            Route.form("/book/code", errorPage: errorPage) { request, responder in
                if let (service, form) = try todayForm(request, state) {
                    sendTodayCode(service, form, request, state, responder)
                    return
                }
                let (choice, form) = try formChoice(request, state)
                let hall = state.catalogue.published.hall
                let mode = PageMode(request)
                guard let phone = PhoneNumber(form["phone"] ?? "") else {
                    let problem = "请输入正确的 11 位手机号。"
                    responder.send(page(BookPage.phone(hall: hall, choice: choice, problem: problem, mode: mode), 422))
                    return
                }
                state.appointments.sendCode(to: phone, from: request.clientAddress) { result in
                    switch result {
                    case .success:
                        responder.send(
                            page(BookPage.code(hall: hall, choice: choice, phone: phone, problem: nil, mode: mode)))
                    case .failure(let error):
                        let again = BookPage.phone(hall: hall, choice: choice, problem: error.message, mode: mode)
                        responder.send(page(again, error.code.status))
                    }
                }
            },
            Route.form("/book/confirm", errorPage: errorPage) { request, responder in
                if let (service, form) = try todayForm(request, state) {
                    takeToday(service, form, request, state, responder)
                    return
                }
                let (choice, form) = try formChoice(request, state)
                let hall = state.catalogue.published.hall
                let mode = PageMode(request)
                guard let phone = PhoneNumber(form["phone"] ?? "") else {
                    responder.send(
                        page(BookPage.phone(hall: hall, choice: choice, problem: "请重新输入手机号。", mode: mode), 422))
                    return
                }
                let body = BookingRequest(
                    serviceId: choice.service.id, day: choice.day, start: choice.start.description, phone: phone.digits,
                    code: form["code"] ?? "")
                let refused: @Sendable (HTTPError) -> Response = { error in
                    page(
                        BookPage.code(hall: hall, choice: choice, phone: phone, problem: error.message, mode: mode),
                        error.code.status)
                }
                let order: (order: BookingOrder, phone: PhoneNumber)
                do throws(HTTPError) {
                    order = try bookingOrder(body, state)
                } catch {
                    responder.send(refused(error))
                    return
                }
                state.queue.execute(.book(order.order), by: "web", answer: QueueOutcome.self) { result in
                    switch result {
                    case .success(let outcome):
                        let booking = bookingEnvelope(outcome, phone: phone, state).booking
                        responder.send(page(BookPage.booked(hall: hall, booking: booking, mode: mode)))
                    case .failure(let failure): responder.send(refused(failure.httpError))
                    }
                }
            },
        ]
    }

    /// The services the hall books: received at the hall, their letter with places.
    private static func bookable(_ state: AppState) -> [ServiceItem] {
        let catalogue = state.catalogue.published
        guard let settings = catalogue.hall.appointments else { return [] }
        return catalogue.services.filter { $0.receivedInHall && (settings.capacity[$0.queuePrefix] ?? 0) > 0 }
    }

    static func bookableService(_ id: String, _ state: AppState) throws(HTTPError) -> ServiceItem {
        guard let service = bookable(state).first(where: { $0.id == id }) else {
            throw HTTPError(.serviceNotBookable, "此事项不接受网上预约，请到大厅现场取号。")
        }
        return service
    }

    private static func choice(_ service: ServiceItem, _ day: String, _ start: String) throws(HTTPError)
        -> BookPage.Choice
    {
        guard let date = WorkingDays.date(day), WorkingDays.text(date) == day, let time = ClockTime(start) else {
            throw HTTPError(.invalidParameter, "请从时段列表中选择日期和时段。")
        }
        return BookPage.Choice(service: service, day: day, start: time)
    }

    /// The choice a form carries, from another site's page refused.
    private static func formChoice(_ request: Request, _ state: AppState) throws(HTTPError)
        -> (BookPage.Choice, [String: String])
    {
        guard FormOrigin.isSameSite(request) else {
            throw HTTPError(.crossSiteForm, "this form can be sent only from the booking page")
        }
        let form = try request.formValues()
        let service = try bookableService(form["service"] ?? "", state)
        return (try choice(service, form["day"] ?? "", form["start"] ?? ""), form)
    }

    private static func slotsPage(_ service: ServiceItem, _ state: AppState, mode: PageMode) -> String {
        let catalogue = state.catalogue.published
        let now = state.queue.clock()
        let calendar = HallCalendar(timeZone: catalogue.hall.timeZone)
        let today = calendar.day(of: now)
        let settings = catalogue.hall.appointments
        let last = WorkingDays.date(today).map { WorkingDays.text($0 + Double(settings?.daysAhead ?? 7) * 86_400) }
        let (list, plan) = state.queue.read { queue -> (SlotList?, SlotPlan?) in
            guard let ledger = queue.bookings else { return (nil, nil) }
            let days = SlotPlan.days(from: today, to: last ?? today)
            return (
                SlotList(serviceId: service.id, letter: service.queuePrefix, days: days, ledger: ledger, at: now),
                ledger.plan
            )
        }
        let missing = state.publicFigures.commonlyMissing(service.id, state: state)
        return BookPage.slots(
            hall: catalogue.hall, service: service, missing: missing, today: todayOffer(service, state, at: now),
            entries: list?.slots ?? [], now: now,
            opens: { plan?.bookingOpens(for: $0) ?? .distantPast }, mode: mode)
    }

    static func page(_ html: String, _ status: Int = 200) -> Response {
        Response(
            status: status, headers: ["Content-Type": Response.htmlContentType, "Cache-Control": "no-store"],
            body: Data(html.utf8))
    }
}

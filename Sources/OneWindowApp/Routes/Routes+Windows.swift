import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// Windows and the hall: clerks call tickets to their window, anyone reads the queue.
    static func windows(_ state: AppState) -> [Route] {
        let queue = state.queue
        return [
            Route("POST", "/api/v1/windows/{window}/call-next", access: .clerkOfWindow) { request, responder in
                let device = request.authorizedDevice
                let window = request.pathParameter("window")
                queue.submit({ queue, now, _ throws(QueueError) in
                    try queue.callNext(window: window, actor: device.name, at: now).map {
                        TicketView(clerk: $0, in: queue, at: now)
                    }
                }) { result in
                    switch result {
                    case .success(.some(let view)): responder.send { .json(TicketEnvelope(ticket: view)) }
                    case .success(.none): responder.send(Response(status: 204))
                    case .failure(let failure): responder.fail(failure.httpError)
                    }
                }
            },
            Route("POST", "/api/v1/windows/{window}/recall", access: .clerkOfWindow) { request, responder in
                let device = request.authorizedDevice
                let window = request.pathParameter("window")
                queue.submit({ queue, now, _ throws(QueueError) in
                    TicketEnvelope(
                        ticket: TicketView(
                            clerk: try queue.recall(window: window, actor: device.name, at: now), in: queue, at: now))
                }) { result in responder.answer(result) }
            },
            windowPauseRoute(state, "pause", paused: true),
            windowPauseRoute(state, "resume", paused: false),
            Route("GET", "/api/v1/windows", access: .optionalDevice(clerkRoles)) { request in
                let clerk = request.device != nil
                return .json(
                    WindowList(
                        windows: queue.read { q in
                            q.catalogue.hall.windows.map { WindowView($0, in: q, forClerk: clerk) }
                        }),
                    headers: ["Cache-Control": "no-store"])
            },
            Route("GET", "/api/v1/queue") { _ in
                .json(queue.read(QueueView.init), headers: ["Cache-Control": "no-store"])
            },
            Route("POST", "/api/v1/hall/close-day", access: .admin) { request, responder in
                let device = request.authorizedDevice
                queue.submit({ queue, now, _ throws(QueueError) in
                    CloseDayReply(expired: queue.closeDay(actor: device.name, at: now).count)
                }) { result in responder.answer(result) }
            },
        ]
    }

    private static func windowPauseRoute(_ state: AppState, _ action: String, paused: Bool) -> Route {
        Route("POST", "/api/v1/windows/{window}/\(action)", access: .clerkOfWindow) { request, responder in
            let device = request.authorizedDevice
            let window = request.pathParameter("window")
            state.queue.submit({ queue, now, _ throws(QueueError) in
                _ = try queue.setPaused(paused, window: window, actor: device.name, at: now)
                let config = queue.catalogue.hall.windows.first { $0.id == window }!
                return WindowEnvelope(window: WindowView(config, in: queue, forClerk: true))
            }) { result in responder.answer(result) }
        }
    }
}

struct WindowList: Encodable {
    var windows: [WindowView]
}

struct WindowEnvelope: Encodable {
    var window: WindowView
}

struct CloseDayReply: Encodable {
    var expired: Int
}

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
                queue.execute(.callNext(window: window), by: device.name, answer: NextTicket.self) { result in
                    switch result {
                    case .success(let next):
                        if let called = next.called {
                            responder.send { .json(called) }
                        } else {
                            responder.send(Response(status: 204))
                        }
                    case .failure(let failure): responder.fail(failure.httpError)
                    }
                }
            },
            Route("POST", "/api/v1/windows/{window}/recall", access: .clerkOfWindow) { request, responder in
                let device = request.authorizedDevice
                let window = request.pathParameter("window")
                queue.execute(.recall(window: window), by: device.name, answer: TicketEnvelope.self) {
                    responder.answer($0)
                }
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
                queue.execute(.closeDay, by: device.name, answer: CloseDayReply.self) { responder.answer($0) }
            },
        ]
    }

    private static func windowPauseRoute(_ state: AppState, _ action: String, paused: Bool) -> Route {
        Route("POST", "/api/v1/windows/{window}/\(action)", access: .clerkOfWindow) { request, responder in
            let device = request.authorizedDevice
            let command = QueueCommand.pause(window: request.pathParameter("window"), paused: paused)
            state.queue.execute(command, by: device.name, answer: WindowEnvelope.self) { responder.answer($0) }
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

import Foundation
import Synchronization

/// Carries out the console's effects against the daemon, and keeps its event stream open.
public final class ClerkRunner: EffectRunner {
    let daemon: any DaemonAPI
    let eventsURL: URL?
    let backoff: Backoff
    private let subscription = Mutex<EventSubscription?>(nil)

    /// - Parameter eventsURL: the daemon's base URL for `GET /api/v1/events`; nil opens no stream (tests).
    public init(daemon: any DaemonAPI, eventsURL: URL?, backoff: Backoff = Backoff()) {
        self.daemon = daemon
        self.eventsURL = eventsURL
        self.backoff = backoff
    }

    deinit { subscription.withLock { $0?.cancel() } }

    public func run(_ effect: ClerkEffect, send: @escaping @Sendable (ClerkMessage) -> Void) {
        let daemon = self.daemon
        switch effect {
        case .load:
            Task {
                let loaded = await result {
                    try await retrying(backoff, onRetry: { send(.loadRetry(attempt: $0, $1)) }) {
                        () async throws(DaemonError) in
                        (
                            try await daemon.hall(), try await daemon.services(query: nil), try await daemon.windows(),
                            try await daemon.queue()
                        )
                    }
                }
                switch loaded {
                case .success(let (hall, services, windows, queue)): send(.loaded(hall, services, windows, queue))
                case .failure(let error): send(.loadFailed(error))
                }
            }
        case .subscribe:
            guard let eventsURL else { return }
            let stream = EventSubscription(baseURL: eventsURL) { signal in
                switch signal {
                case .connected: send(.streamConnected)
                case .event(let event): send(.streamEvent(kind: event.event))
                case .disconnected: send(.streamLost)
                }
            }
            subscription.withLock { $0 = stream }
            stream.start()
        case .refreshQueue:
            Task {
                // A failed refresh is retried by the next event; the old count stays meanwhile.
                let snapshot = (try? await daemon.queue())
                if let snapshot { send(.queue(snapshot)) } else { send(.streamLost) }
            }
        case .command(let command):
            Task { send(.commandDone(command, await result { try await daemon.clerk(command) })) }
        case .loadTicket(let id):
            Task { send(.ticket(await result { try await daemon.ticket(id: id) })) }
        case .loadGuide(let serviceId):
            Task { send(.guide(await result { try await daemon.guide(serviceId: serviceId) })) }
        }
    }
}

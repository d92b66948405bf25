import Foundation
import Synchronization

/// Carries out the rating pad's effects: the catalogue, the event stream, the ratings.
public final class PadRunner: EffectRunner {
    let daemon: any DaemonAPI
    let eventsURL: URL
    let backoff: Backoff
    private let subscription = Mutex<EventSubscription?>(nil)

    public init(daemon: any DaemonAPI, eventsURL: URL, backoff: Backoff = Backoff()) {
        self.daemon = daemon
        self.eventsURL = eventsURL
        self.backoff = backoff
    }

    deinit { subscription.withLock { $0?.cancel() } }

    public func run(_ effect: PadEffect, send: @escaping @Sendable (PadMessage) -> Void) {
        let daemon = self.daemon
        switch effect {
        case .loadCatalogue:
            let backoff = self.backoff
            Task {
                let loaded = await result {
                    try await retrying(backoff, onRetry: { attempt, _ in send(.catalogueRetry(attempt: attempt)) }) {
                        () async throws(DaemonError) in
                        (try await daemon.hall(), try await daemon.services(query: nil))
                    }
                }
                if case .success(let (hall, services)) = loaded { send(.catalogue(hall, services)) }
            }
        case .subscribe:
            let stream = EventSubscription(baseURL: eventsURL) { signal in
                switch signal {
                case .connected: send(.connected)
                case .event(let event): if let message = Self.ended(event) { send(message) }
                case .disconnected: send(.lost)
                }
            }
            subscription.withLock { $0 = stream }
            stream.start()
        case .evaluate(let rating):
            Task {
                let request = RatingRequest(
                    number: rating.number, code: "", rating: rating.rating, reasons: rating.reasons)
                send(.evaluated(number: rating.number, await result { try await daemon.evaluate(request) }))
            }
        }
    }

    /// A `completed` event of the public stream as a visit that ended; nil for anything else.
    public static func ended(_ event: ServerSentEvent) -> PadMessage? {
        guard event.event == "completed" else { return nil }
        struct Completed: Decodable {
            var number: String?
            var serviceId: String?
            var window: String?
            var at: String?
        }
        guard let completed = try? JSONDecoder().decode(Completed.self, from: Data(event.data.utf8)),
            let number = completed.number, let window = completed.window
        else { return nil }
        return .ended(
            number: number, serviceId: completed.serviceId, window: window, at: completed.at.flatMap(HallTime.parse))
    }
}

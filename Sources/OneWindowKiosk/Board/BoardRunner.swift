import Foundation
import Synchronization

/// Keeps the board's event stream open and refreshes the waiting counts when asked.
public final class BoardRunner: EffectRunner {
    let daemon: any DaemonAPI
    let eventsURL: URL
    private let subscription = Mutex<EventSubscription?>(nil)

    public init(daemon: any DaemonAPI, eventsURL: URL) {
        self.daemon = daemon
        self.eventsURL = eventsURL
    }

    deinit { subscription.withLock { $0?.cancel() } }

    public func run(_ effect: BoardEffect, send: @escaping @Sendable (BoardMessage) -> Void) {
        switch effect {
        case .subscribe:
            let stream = EventSubscription(baseURL: eventsURL) { signal in
                switch signal {
                case .connected: send(.connected)
                case .event(let event): if let message = BoardMessage.from(event) { send(message) }
                case .disconnected: send(.lost)
                }
            }
            subscription.withLock { $0 = stream }
            stream.start()
        case .refreshQueue:
            let daemon = self.daemon
            Task {
                if let snapshot = try? await daemon.queue() { send(.queue(snapshot)) } else { send(.lost) }
            }
        }
    }
}

import Foundation
import Logging
import Synchronization

/// A log that keeps what it is told, for tests that read the daemon's log lines.
public final class CapturedLog: Sendable {
    public struct Line: Sendable {
        public var level: Logger.Level
        public var message: String
        public var metadata: [String: String]
    }

    private let lines = Mutex<[Line]>([])

    public init() {}

    /// A logger at `level` that writes here.
    public func logger(level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "onewindow.captured") { _ in Handler(log: self) }
        logger.logLevel = level
        return logger
    }

    public var all: [Line] { lines.withLock { $0 } }

    fileprivate func append(_ line: Line) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var fields: [String: String] = [:]
            for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
                fields[key] = "\(value)"
            }
            log.append(Line(level: event.level, message: "\(event.message)", metadata: fields))
        }
    }
}

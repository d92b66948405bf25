import Foundation
import Logging
import OneWindowHTTP
import Synchronization

/// The daemon's log backend: one logfmt line per entry on standard error
/// (`time=… level=info source=… msg="request" method=GET route=… status=200 …`), written by a
/// background thread in batches.
///
/// swift-log's `StreamLogHandler` writes and flushes every line itself; with one access-log
/// line per request that halved the daemon's throughput. Here a line is formatted into a
/// shared buffer and written at most 20 ms later (at once for warnings and worse), so a busy
/// daemon makes a few large writes a second instead of one per request.
struct LogfmtHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let label: String
    let sink: LogSink

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line =
            "time=\(Self.timestamp()) level=\(event.level) source=\(event.source) msg=\(Self.value("\(event.message)"))"
        let fields = event.metadata.map { metadata.merging($0) { _, new in new } } ?? metadata
        for key in fields.keys.sorted() {
            line += " \(key)=\(Self.value("\(fields[key]!)"))"
        }
        line += "\n"
        sink.write(line, urgent: event.level >= .warning)
    }

    /// A logfmt value: bare when it has no space, quote or `=`, else quoted with escapes.
    static func value(_ text: String) -> String {
        guard text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else {
            return text
        }
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }

    /// `2026-11-29T09:05:03.250Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + "\(pad(Int32(now.tv_nsec / 1_000_000), 3))Z"
    }
}

extension LogSink {
    /// The access log's line: formatted by `AccessLog` into the worker's own buffer, written by
    /// the log thread with the rest.
    func access(_ record: RequestRecord) {
        if accessLog.append(record) { wake.signal() }
    }
}

/// Where log lines wait for their write: one buffer for the process's own lines, one per
/// worker for the access log (`AccessLog`), and one writer thread.
final class LogSink: Sendable {
    private let buffer = Mutex<[UInt8]>([])
    let accessLog = AccessLog()
    /// Held by whoever flushes, from taking the bytes to the end of their write, so that the
    /// log thread and the last flush at exit can neither reorder lines nor cut one off. Only
    /// those two take it; a thread that logs takes `buffer` alone and never waits for a write.
    /// It holds the writer's scratch array, swapped with the buffers so that a flush
    /// allocates nothing.
    private let writing = Mutex<[UInt8]>([])
    let wake = DispatchSemaphore(value: 0)
    private let descriptor: Int32

    init(descriptor: Int32 = STDERR_FILENO) {
        self.descriptor = descriptor
        let thread = Thread { [self] in
            while true {
                _ = wake.wait(timeout: .now() + .milliseconds(20))
                flush()
            }
        }
        thread.name = "onewindow-log"
        thread.start()
    }

    func write(_ line: String, urgent: Bool) {
        let size = buffer.withLock { bytes in
            bytes.append(contentsOf: line.utf8)
            return bytes.count
        }
        if urgent || size > 64 * 1024 { wake.signal() }
    }

    /// Writes out everything buffered, the process's own lines first, then each worker's
    /// access lines; called by the writer thread, and at exit.
    func flush() {
        writing.withLock { scratch in
            scratch.removeAll(keepingCapacity: true)
            buffer.withLock { swap(&$0, &scratch) }
            writeAll(scratch)
            accessLog.drain(into: &scratch) { writeAll($0) }
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress, $0.count)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}

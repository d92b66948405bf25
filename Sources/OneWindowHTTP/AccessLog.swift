import Foundation
import Synchronization

/// The access log's lines, one per request, formatted on the worker that served the request
/// into a buffer of that worker's own, and taken out and written by the log's writer thread.
///
/// The cost per request is what a lookup pays for its line: the bytes are written straight
/// into the worker's buffer (no `String` is built, nothing is allocated once the buffer has
/// grown to its working size), under a lock that only the writer thread ever contends, for
/// microseconds every 20 ms. Lines of one worker keep their order; lines of different workers
/// are written a buffer at a time, each line whole.
public final class AccessLog: Sendable {
    /// Every worker's buffer, in the order the workers first logged.
    private let buffers = Mutex<[LineBuffer]>([])
    /// Which buffer is the calling thread's (a `pthread` key, deleted with the log).
    private let key: pthread_key_t
    /// A buffer past this many bytes asks for an early write.
    public static let flushBytes = 64 * 1024

    public init() {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        self.key = key
    }

    deinit { pthread_key_delete(key) }

    /// Formats `record` into the calling thread's buffer; returns whether that buffer is past
    /// `flushBytes` (the writer should be woken).
    @discardableResult
    public func append(_ record: RequestRecord, at time: timespec = AccessLog.now()) -> Bool {
        buffer().append(record, at: time) > Self.flushBytes
    }

    /// Hands each buffer's bytes to `write` (one call per non-empty buffer, whole lines), and
    /// empties them. `scratch` is the caller's own array, swapped in and out, so that neither
    /// side allocates once both have grown.
    public func drain(into scratch: inout [UInt8], _ write: ([UInt8]) -> Void) {
        let all = buffers.withLock { $0 }
        for buffer in all {
            scratch.removeAll(keepingCapacity: true)
            buffer.pending.withLock { swap(&$0.bytes, &scratch) }
            if !scratch.isEmpty { write(scratch) }
        }
        scratch.removeAll(keepingCapacity: true)
    }

    public static func now() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }

    private func buffer() -> LineBuffer {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<LineBuffer>.fromOpaque(pointer).takeUnretainedValue()
        }
        let buffer = LineBuffer()
        buffers.withLock { $0.append(buffer) }
        // The list keeps the buffer alive as long as the log: the key holds it unretained.
        pthread_setspecific(key, Unmanaged.passUnretained(buffer).toOpaque())
        return buffer
    }
}

/// One worker's lines not yet written, and its cached timestamp prefix, under one lock that
/// only the log's writer contends.
final class LineBuffer: Sendable {
    struct Pending {
        var bytes: [UInt8] = []
        /// `YYYY-MM-DDTHH:MM:SS.` of `second`: the calendar sum is done once a second, not per line.
        var second = -1
        var stamp: [UInt8] = []
    }

    let pending = Mutex(Pending())

    init() {
        pending.withLock { pending in
            pending.bytes.reserveCapacity(AccessLog.flushBytes * 2)
            pending.stamp.reserveCapacity(24)
        }
    }

    /// Appends the line; returns the buffer's size after it.
    func append(_ record: RequestRecord, at time: timespec) -> Int {
        pending.withLock { pending in
            if pending.second != time.tv_sec { pending.renewStamp(second: time.tv_sec) }
            pending.bytes.append(text: "time=")
            pending.bytes.append(contentsOf: pending.stamp)
            pending.bytes.append(digits: Int(time.tv_nsec / 1_000_000), width: 3)
            pending.bytes.append(line: record)
            return pending.bytes.count
        }
    }
}

extension LineBuffer.Pending {
    mutating func renewStamp(second: Int) {
        var seconds = second
        var parts = tm()
        gmtime_r(&seconds, &parts)
        self.second = second
        stamp.removeAll(keepingCapacity: true)
        stamp.append(digits: Int(parts.tm_year) + 1900, width: 4)
        stamp.append(UInt8(ascii: "-"))
        stamp.append(digits: Int(parts.tm_mon) + 1, width: 2)
        stamp.append(UInt8(ascii: "-"))
        stamp.append(digits: Int(parts.tm_mday), width: 2)
        stamp.append(UInt8(ascii: "T"))
        stamp.append(digits: Int(parts.tm_hour), width: 2)
        stamp.append(UInt8(ascii: ":"))
        stamp.append(digits: Int(parts.tm_min), width: 2)
        stamp.append(UInt8(ascii: ":"))
        stamp.append(digits: Int(parts.tm_sec), width: 2)
        stamp.append(UInt8(ascii: "."))
    }
}

import Foundation
import OneWindowHTTP
import Synchronization
import Testing

/// The access log formats each request's line into its worker's buffer; the log thread drains
/// the buffers. The line is the daemon's logfmt, byte for byte.
@Suite("The access log", .timeLimit(.minutes(2)))
struct AccessLogTests {
    static func record(device: String? = nil, aborted: Bool = false, microseconds: Int = 1_234) -> RequestRecord {
        RequestRecord(
            method: "GET", route: "/api/v1/services/{id}", status: 200, microseconds: microseconds,
            requestId: "ab12-7f", client: "127.0.0.1", aborted: aborted, device: device)
    }

    static func drained(_ log: AccessLog) -> String {
        var scratch: [UInt8] = []
        var text = ""
        log.drain(into: &scratch) { text += String(decoding: $0, as: UTF8.self) }
        return text
    }

    @Test("a line carries the time, client, method, milliseconds, request id, route and status")
    func line() {
        let log = AccessLog()
        // 2026-11-29T09:05:03.250Z
        log.append(Self.record(), at: timespec(tv_sec: 1_795_943_103, tv_nsec: 250_000_000))
        #expect(
            Self.drained(log)
                == "time=2026-11-29T09:05:03.250Z level=info source=OneWindowHTTP msg=request client=127.0.0.1"
                + " method=GET ms=1.234 request_id=ab12-7f route=/api/v1/services/{id} status=200\n")
        #expect(Self.drained(log).isEmpty)
    }

    @Test("a device name with a space or a quote is quoted, and an aborted request says so")
    func quoting() {
        let log = AccessLog()
        log.append(
            Self.record(device: "window 3 \"pad\"", aborted: true, microseconds: 12_005),
            at: timespec(tv_sec: 1_795_943_104, tv_nsec: 7_000_000))
        let line = Self.drained(log)
        #expect(line.hasPrefix("time=2026-11-29T09:05:04.007Z "), "\(line)")
        #expect(
            line.hasSuffix(
                " ms=12.005 request_id=ab12-7f route=/api/v1/services/{id} status=200"
                    + " device=\"window 3 \\\"pad\\\"\" aborted=true\n"), "\(line)")
    }

    @Test("lines from several threads all come out whole, each thread's in its order")
    func threads() {
        let log = AccessLog()
        let written = Mutex("")
        let stop = Atomic<Bool>(false)
        let done = DispatchSemaphore(value: 0)
        let drainer = Thread {
            var scratch: [UInt8] = []
            while !stop.load(ordering: .relaxed) {
                log.drain(into: &scratch) { bytes in written.withLock { $0 += String(decoding: bytes, as: UTF8.self) } }
            }
            done.signal()
        }
        drainer.start()
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for n in 0..<2_000 {
                var record = Self.record()
                record.requestId = "t\(thread)-\(n)"
                log.append(record)
            }
        }
        stop.store(true, ordering: .relaxed)
        // What the drainer's last pass left is drained here, once it has ended.
        #expect(done.wait(timeout: .now() + 30) == .success)
        var scratch: [UInt8] = []
        log.drain(into: &scratch) { bytes in written.withLock { $0 += String(decoding: bytes, as: UTF8.self) } }
        let lines = written.withLock { $0 }.split(separator: "\n")
        #expect(lines.count == 8_000)
        for thread in 0..<4 {
            let ids = lines.compactMap { line -> Int? in
                guard let id = line.split(separator: " ").first(where: { $0.hasPrefix("request_id=t\(thread)-") })
                else { return nil }
                return Int(id.split(separator: "-").last!)
            }
            #expect(ids == Array(0..<2_000), "thread \(thread)")
        }
        #expect(lines.allSatisfy { $0.hasPrefix("time=") && $0.hasSuffix("status=200") })
    }
}

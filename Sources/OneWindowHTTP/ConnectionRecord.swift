import Foundation
import Synchronization

/// One TCP connection, from libmicrohttpd's "started" notice to its "closed" one.
///
/// libmicrohttpd's own timeout is an idle timeout: a client that sends one byte every few
/// seconds (slowloris) would hold its connection for ever. So each connection carries a
/// deadline by which the current request's headers, then its body, must have arrived; the
/// registry's sweep shuts down the socket of any connection past it.
final class ConnectionRecord: Sendable {
    let fd: Int32
    /// The client's IP address, for the access log and per-client counts.
    let clientAddress: String
    /// Uptime nanoseconds by which the current request must be whole; 0 while none is due
    /// (the request is being answered).
    private let deadline = Atomic<UInt64>(0)

    init(fd: Int32, clientAddress: String) {
        self.fd = fd
        self.clientAddress = clientAddress
    }

    /// The next part of the request is due within `seconds` from now.
    func due(within seconds: Double) {
        deadline.store(DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9), ordering: .relaxed)
    }

    /// Nothing is due while the request is answered.
    func answering() {
        deadline.store(0, ordering: .relaxed)
    }

    /// Whether the deadline has passed at `now`; clears it, so it is reported once.
    func isOverdue(at now: UInt64) -> Bool {
        let due = deadline.load(ordering: .relaxed)
        guard due != 0, due <= now else { return false }
        return deadline.compareExchange(expected: due, desired: 0, ordering: .relaxed).exchanged
    }
}

/// The open connections, for the deadline sweep.
final class ConnectionRegistry: Sendable {
    private let records = Mutex<[ObjectIdentifier: ConnectionRecord]>([:])

    func add(_ record: ConnectionRecord) {
        records.withLock { $0[ObjectIdentifier(record)] = record }
    }

    /// Called before libmicrohttpd closes the socket: after this, the sweep cannot touch the
    /// descriptor, which the kernel may give to a new connection.
    func remove(_ record: ConnectionRecord) {
        records.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(record)) }
    }

    /// Shuts down the sockets of connections past their deadline; libmicrohttpd notices at
    /// once and closes them. Done under the lock, so `remove` (and the close) waits for it.
    /// Returns how many were cut.
    @discardableResult
    func sweep(now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Int {
        records.withLock { records in
            var cut = 0
            for record in records.values where record.isOverdue(at: now) {
                shutdown(record.fd, Int32(SHUT_RDWR))
                cut += 1
            }
            return cut
        }
    }

    var count: Int { records.withLock { $0.count } }
}

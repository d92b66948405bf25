import Foundation
import Synchronization

/// Tells systemd how the daemon is doing, with the `sd_notify` datagram protocol (sd_notify(3)):
/// `READY=1` once the catalogue and database are open, `RELOADING=1` and `READY=1` around a
/// SIGHUP reload, `STOPPING=1` on the way out, and `WATCHDOG=1` pings while the commit thread
/// keeps turning. Without `NOTIFY_SOCKET` (not started by systemd) it does nothing.
final class SystemdNotifier: Sendable {
    private let socket: Int32
    private let address: [UInt8]?
    /// Half of systemd's `WATCHDOG_USEC`, in nanoseconds: how often to ping; nil without a watchdog.
    private let pingEvery: UInt64?
    private let lastPing = Atomic<UInt64>(0)

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        // An abstract socket is written with a leading "@", which is a NUL byte on the wire.
        address = path.map { path in path.hasPrefix("@") ? [0] + Array(path.utf8.dropFirst()) : Array(path.utf8) }
        socket =
            path == nil ? -1 : Foundation.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let forUs = environment["WATCHDOG_PID"].map { Int32($0) == getpid() } ?? true
        if forUs, let microseconds = environment["WATCHDOG_USEC"].flatMap(UInt64.init), microseconds > 0 {
            pingEvery = microseconds * 1000 / 2
        } else {
            pingEvery = nil
        }
    }

    deinit { if socket >= 0 { close(socket) } }

    var isActive: Bool { socket >= 0 }

    func ready() { send("READY=1\nSTATUS=serving\nMAINPID=\(getpid())") }

    /// Before a reload; systemd wants the monotonic time with it.
    func reloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        send("RELOADING=1\nMONOTONIC_USEC=\(UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000)")
    }

    func stopping() { send("STOPPING=1") }

    /// Called on every turn of the commit thread's loop (at least once a second); pings the
    /// watchdog when half its time has passed. A commit stuck in the database stops the pings,
    /// and systemd restarts the daemon.
    func heartbeat() {
        guard let pingEvery else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let last = lastPing.load(ordering: .relaxed)
        guard now - last >= pingEvery,
            lastPing.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged
        else { return }
        send("WATCHDOG=1")
    }

    private func send(_ message: String) {
        guard socket >= 0, let address else { return }
        var target = sockaddr_un()
        target.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: target.sun_path)
        guard address.count < capacity else { return }
        withUnsafeMutableBytes(of: &target.sun_path) { path in
            for (index, byte) in address.enumerated() { path[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + address.count)
        let bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &target) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                sendto(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL), sockaddr, length)
            }
        }
    }
}

import Foundation

/// A Unix datagram socket a test binds and reads: it plays systemd for `NOTIFY_SOCKET`.
public final class DatagramListener {
    private let descriptor: Int32
    public let path: String

    public init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { bytes in
            for (index, byte) in path.utf8.enumerated() where index < bytes.count - 1 { bytes[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw TestSocket.Failure(description: "cannot bind \(path): errno \(errno)") }
    }

    deinit { close(descriptor) }

    /// The next datagram, or nil when none comes within `seconds`.
    public func receive(seconds: Double) -> String? {
        var watch = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&watch, 1, Int32(seconds * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }

    /// Datagrams until one contains `text` (true), or `seconds` pass (false); all are kept in `seen`.
    public func wait(for text: String, seconds: Double, seen: inout [String]) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard let message = receive(seconds: deadline.timeIntervalSinceNow) else { return false }
            seen.append(message)
            if message.contains(text) { return true }
        }
        return false
    }
}

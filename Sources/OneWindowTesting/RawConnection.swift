import Foundation

/// A TCP connection to 127.0.0.1 that a test drives byte by byte: slow clients, kept-alive
/// connections, clients that vanish. Every wait is bounded.
public final class RawConnection {
    private let socket: TestSocket
    private var closed = false

    public init(port: UInt16, timeoutSeconds: Int = 10) throws {
        socket = try TestSocket.connect(port: port, timeoutSeconds: timeoutSeconds)
    }

    deinit { close() }

    /// Sends bytes; false when the server has closed the connection.
    @discardableResult
    public func send(_ text: String) -> Bool {
        let data = Data(text.utf8)
        let sent = data.withUnsafeBytes {
            Foundation.send(socket.descriptor, $0.baseAddress!, data.count, Int32(MSG_NOSIGNAL))
        }
        return sent == data.count
    }

    /// Sends one request and reads its response on this (kept-alive) connection.
    public func request(
        _ method: String, _ target: String, headers: [String: String] = [:], body: String = ""
    ) throws -> TestResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty { head += "Content-Length: \(body.utf8.count)\r\n" }
        try socket.write(Data((head + "\r\n" + body).utf8))
        return try TestHTTPClient.parse(socket.read { TestHTTPClient.isComplete($0, expectsBody: method != "HEAD") })
    }

    /// Waits up to `seconds` for the server to close the connection; true if it did.
    public func waitForClose(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var watch = pollfd(fd: socket.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&watch, 1, 100) > 0 else { continue }
            let count = recv(socket.descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count == 0 || (count < 0 && errno != EAGAIN) { return true }
        }
        return false
    }

    public func close() {
        guard !closed else { return }
        closed = true
        socket.close()
    }
}

import Foundation

/// A Server-Sent Events connection to 127.0.0.1, read as text as it arrives.
public final class EventStreamClient {
    private let socket: TestSocket
    /// Everything received so far, response head included.
    public private(set) var text = ""

    /// Opens `GET path` with `headers` (e.g. `Last-Event-ID`).
    public init(port: UInt16, path: String, headers: [String: String] = [:], timeoutSeconds: Int = 10) throws {
        socket = try TestSocket.connect(port: port, timeoutSeconds: timeoutSeconds)
        var head = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try socket.write(Data((head + "\r\n").utf8))
    }

    deinit { socket.close() }

    /// Reads until `text` contains `needle` (true), or the server closes or the read times out (false).
    @discardableResult
    public func read(until needle: String) -> Bool {
        var received = Data()
        let found =
            (try? socket.read { data in
                received = data
                return (self.text + String(decoding: data, as: UTF8.self)).contains(needle)
            }) != nil
        text += String(decoding: received, as: UTF8.self)
        return found && text.contains(needle)
    }

    /// Reads until the server ends the stream; false if it did not within the timeout.
    public func readToEnd() -> Bool {
        var received = Data()
        let ended =
            (try? socket.read { data in
                received = data
                return false
            }) != nil
        text += String(decoding: received, as: UTF8.self)
        return ended
    }

    /// The `data:` lines of every event of `kind` received so far, parsed as JSON objects.
    public func events(_ kind: String) -> [[String: Any]] {
        text.components(separatedBy: "\n\n").compactMap { block -> [String: Any]? in
            let lines = block.split(separator: "\n").map(String.init)
            guard lines.contains("event: \(kind)"), let data = lines.first(where: { $0.hasPrefix("data: ") }) else {
                return nil
            }
            return (try? JSONSerialization.jsonObject(with: Data(data.dropFirst(6).utf8))) as? [String: Any]
        }
    }
}

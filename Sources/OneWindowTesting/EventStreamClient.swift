import Foundation

/// A Server-Sent Events connection to 127.0.0.1, read as text as it arrives.
public final class EventStreamClient {
    private let socket: TestSocket
    /// Everything received so far, as sent (the body in HTTP/1.1 chunks).
    private var raw = Data()
    /// Everything received so far, response head included, the body's chunked framing removed.
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
        let before = raw
        var received = Data()
        let found =
            (try? socket.read { data in
                received = data
                return Self.decode(before + data).contains(needle)
            }) != nil
        raw = before + received
        text = Self.decode(raw)
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
        raw += received
        text = Self.decode(raw)
        return ended
    }

    /// The head as it came and the body without its chunk-size lines (a chunk may be cut short:
    /// what arrived of it is kept).
    static func decode(_ data: Data) -> String {
        let bytes = [UInt8](data)
        let separator: [UInt8] = [13, 10, 13, 10]
        guard
            let headEnd = (0...max(0, bytes.count - 4)).first(where: {
                Array(bytes[$0..<min($0 + 4, bytes.count)]) == separator
            }),
            bytes.count >= 4
        else { return String(decoding: bytes, as: UTF8.self) }
        let head = Array(bytes[..<(headEnd + 4)])
        guard String(decoding: head, as: UTF8.self).lowercased().contains("transfer-encoding: chunked") else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var body: [UInt8] = []
        var index = headEnd + 4
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count).first(where: { bytes[$0] == 10 }) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16), size > 0 else { break }
            let start = lineEnd + 1
            let end = min(start + size, bytes.count)
            body += bytes[start..<end]
            index = end + 2
        }
        return String(decoding: head + body, as: UTF8.self)
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

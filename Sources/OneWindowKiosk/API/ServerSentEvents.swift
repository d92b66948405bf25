import Foundation

/// One Server-Sent Event.
public struct ServerSentEvent: Sendable, Equatable {
    public var id: String?
    public var event: String
    public var data: String

    public init(id: String? = nil, event: String = "message", data: String) {
        self.id = id
        self.event = event
        self.data = data
    }
}

/// Parses an event stream as it arrives, in pieces of any size (the WHATWG event stream
/// format: `field: value` lines, a blank line ends an event, `:` starts a comment).
public struct ServerSentEventParser: Sendable {
    private var buffer: [UInt8] = []
    private var id: String?
    private var event: String?
    private var data: [String] = []
    /// The last `id:` seen: sent as Last-Event-ID on reconnection.
    public private(set) var lastEventId: String?

    mutating func restore(lastEventId: String?) { self.lastEventId = lastEventId }
    /// The server's `retry:` in milliseconds.
    public private(set) var retryMilliseconds: Int?

    public init() {}

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        buffer.append(contentsOf: bytes)
        var events: [ServerSentEvent] = []
        while let newline = buffer.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            var line = Array(buffer[..<newline])
            var consumed = newline + 1
            if buffer[newline] == 0x0D {
                guard newline + 1 < buffer.count else { break }  // a CR LF may be split
                if buffer[newline + 1] == 0x0A { consumed += 1 }
            }
            buffer.removeFirst(consumed)
            if line.first == 0xEF, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            if let event = take(String(decoding: line, as: UTF8.self)) { events.append(event) }
        }
        return events
    }

    private mutating func take(_ line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer {
                event = nil
                data = []
            }
            guard !data.isEmpty else { return nil }
            if let id { lastEventId = id }
            return ServerSentEvent(id: id, event: event ?? "message", data: data.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = line[...]
            value = ""
        }
        switch field {
        case "event": event = String(value)
        case "data": data.append(String(value))
        case "id": id = String(value)
        case "retry": retryMilliseconds = Int(value)
        default: break
        }
        return nil
    }
}

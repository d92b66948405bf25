import Foundation

/// A response as a test sees it.
public struct TestResponse: Sendable {
    public var status: Int
    /// Header names lowercased.
    public var headers: [String: String]
    public var body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object (an empty dictionary if it is not one).
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    /// `error.code` of a JSON error body.
    public var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}

/// A deliberately small HTTP/1.1 client over a plain socket to 127.0.0.1, so tests can send
/// exactly the bytes they mean, malformed ones included. One request per connection
/// (`Connection: close`); every read is bounded by a timeout.
public struct TestHTTPClient: Sendable {
    public let port: UInt16
    public var timeoutSeconds: Int = 10

    public init(port: UInt16) {
        self.port = port
    }

    public func get(_ target: String, headers: [String: String] = [:]) throws -> TestResponse {
        try send("GET", target, headers: headers)
    }

    /// Sends one request; `Content-Length` is added when there is a body.
    public func send(_ method: String, _ target: String, headers: [String: String] = [:], body: Data = Data()) throws
        -> TestResponse
    {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        return try sendRaw(Data(head.utf8) + body, expectsBody: method != "HEAD")
    }

    /// Whether a TCP connection to the port is accepted (closed again at once, nothing sent).
    public func canConnect() -> Bool {
        guard let socket = try? TestSocket.connect(port: port, timeoutSeconds: timeoutSeconds) else { return false }
        socket.close()
        return true
    }

    /// Sends the bytes as they are and reads one response: until its `Content-Length` is
    /// complete, or until the server closes. `expectsBody` is false for HEAD.
    public func sendRaw(_ bytes: Data, expectsBody: Bool = true) throws -> TestResponse {
        let socket = try TestSocket.connect(port: port, timeoutSeconds: timeoutSeconds)
        defer { socket.close() }
        try socket.write(bytes)
        return try Self.parse(socket.read { Self.isComplete($0, expectsBody: expectsBody) })
    }

    static func isComplete(_ data: Data, expectsBody: Bool) -> Bool {
        guard let response = try? parse(data) else { return false }
        if !expectsBody || response.status == 204 || response.status == 304 { return true }
        guard let length = response.headers["content-length"].flatMap(Int.init) else { return false }
        return response.body.count >= length
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    static func parse(_ data: Data) throws -> TestResponse {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else {
            throw ParseError(description: "no complete response head in \(data.count) bytes")
        }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw ParseError(description: "bad status line “\(head[0])”")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if let length = headers["content-length"].flatMap(Int.init), body.count > length {
            body = body.prefix(length)
        }
        return TestResponse(status: status, headers: headers, body: body)
    }
}

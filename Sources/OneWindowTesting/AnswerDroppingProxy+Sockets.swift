import Foundation

extension AnswerDroppingProxy {
    static func connect(_ port: UInt16) throws -> Int32 {
        try TestSocket.connect(port: port, timeoutSeconds: 10).descriptor
    }

    /// Reads one HTTP message: its head as text and a body of its Content-Length.
    static func readMessage(_ descriptor: Int32) -> (String, Data)? {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = data.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: data[..<end.upperBound], as: UTF8.self)
                let length =
                    head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count - end.upperBound >= length {
                    return (head, Data(data[end.upperBound..<(end.upperBound + length)]))
                }
            }
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { return nil }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    static func writeAll(_ descriptor: Int32, _ data: Data) {
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }
}

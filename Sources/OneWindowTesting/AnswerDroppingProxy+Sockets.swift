import Foundation

extension AnswerDroppingProxy {
    static func listen() throws -> (Int32, UInt16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && Foundation.listen(descriptor, 64) == 0
                    && getsockname(descriptor, address, &length) == 0
            }
        }
        guard descriptor >= 0, bound else {
            throw TestSocket.Failure(description: "proxy cannot listen: errno \(errno)")
        }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }

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

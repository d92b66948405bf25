import Foundation
import OneWindowHTTP

extension CityReport {
    /// The report as `Response.encodeJSON` writes it (sorted keys: "city", then "halls"), its
    /// halls encoded in `parts` shares side by side: a year across 200 halls is about 9 MB of
    /// JSON, and encoding it on one core took over a second.
    public func json(parts: Int = 2) async -> Data {
        let size = max(1, (halls.count + parts - 1) / max(1, parts))
        let shares = stride(from: 0, to: halls.count, by: size).map { Array(halls[$0..<min($0 + size, halls.count)]) }
        let encoded = await withTaskGroup(of: (Int, Data).self) { group in
            for (index, share) in shares.enumerated() {
                group.addTask { (index, Response.encodeJSON(share)) }
            }
            var encoded = [Data](repeating: Data(), count: shares.count)
            for await (index, data) in group { encoded[index] = data }
            return encoded
        }
        var body = Data("{\"city\":".utf8)
        body.append(Response.encodeJSON(city))
        body.append(contentsOf: ",\"halls\":[".utf8)
        for (index, share) in encoded.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            // Each share is a JSON array: its elements, without the brackets.
            body.append(share.dropFirst().dropLast())
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }
}

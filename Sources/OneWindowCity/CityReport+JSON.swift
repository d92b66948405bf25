import Foundation

extension CityReport {
    /// The report as `Response.encodeJSON` would write it, byte for byte (sorted keys: "city",
    /// then "halls"), written by `CityReportWriter` with its halls in `parts` shares side by
    /// side: a year across 200 halls is about 9 MB of JSON, and JSONEncoder took a second.
    public func json(parts: Int = 2) async -> Data {
        let size = max(1, (halls.count + parts - 1) / max(1, parts))
        let shares = stride(from: 0, to: halls.count, by: size).map { Array(halls[$0..<min($0 + size, halls.count)]) }
        let written = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, share) in shares.enumerated() {
                group.addTask {
                    var writer = CityReportWriter(capacity: 50_000 * share.count)
                    for (position, hall) in share.enumerated() {
                        if position > 0 { writer.bytes.append(UInt8(ascii: ",")) }
                        writer.hall(hall)
                    }
                    return (index, writer.bytes)
                }
            }
            var written = [[UInt8]](repeating: [], count: shares.count)
            for await (index, bytes) in group { written[index] = bytes }
            return written
        }
        var writer = CityReportWriter(capacity: written.reduce(64_000) { $0 + $1.count })
        writer.bytes.append(contentsOf: "{\"city\":".utf8)
        writer.report(city)
        writer.bytes.append(contentsOf: ",\"halls\":[".utf8)
        for (index, share) in written.enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(contentsOf: share)
        }
        writer.bytes.append(contentsOf: "]}".utf8)
        return Data(writer.bytes)
    }
}

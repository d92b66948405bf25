#if canImport(Glibc)
    import Glibc
#endif

/// Text in GB18030, the encoding Chinese receipt printers expect, converted by the C
/// library's iconv (glibc ships the GB18030 table).
public enum GB18030 {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func encode(_ text: String) throws(Failure) -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw Failure(description: "iconv cannot convert UTF-8 to GB18030 on this system")
        }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        // GB18030 takes at most 4 bytes per character, UTF-8 at least 1.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let status: Int = input.withUnsafeMutableBytes { inBytes in
            output.withUnsafeMutableBytes { outBytes in
                var inPointer = inBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBytes.count
                var outPointer = outBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBytes.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1 else { return -1 }
                return outBytes.count - outLeft
            }
        }
        guard status >= 0 else {
            throw Failure(description: "iconv could not convert “\(text)” to GB18030 (errno \(errno))")
        }
        return Array(output[0..<status])
    }
}

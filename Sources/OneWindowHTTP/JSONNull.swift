import Foundation

/// Finds a JSON `null` in a request body. No field of any request is nullable: a field without
/// a value is left out. Swift's decoder reads `null` as absent for optional fields but refuses it
/// for the others, so `"note": null` passed while `"priority": null` did not; one scan before
/// decoding gives every field the same rule, the one the OpenAPI document states (no
/// `nullable`).
enum JSONNull {
    /// The key of the first `null` outside a string (`""` when it is not a field's value, e.g.
    /// in an array or the whole body), or nil when there is none.
    static func first(in body: Data) -> String? {
        let bytes = [UInt8](body)
        let null = Array("null".utf8)
        var index = 0
        var lastString: Range<Int>?
        var key: Range<Int>?
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                // Skip to the closing quote, over escapes.
                let start = index + 1
                index = start
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                lastString = start..<min(index, bytes.count)
            case UInt8(ascii: ":"):
                key = lastString
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"):
                key = nil
            case UInt8(ascii: "n") where bytes[index...].starts(with: null):
                return key.map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
            default: break
            }
            index += 1
        }
        return nil
    }
}

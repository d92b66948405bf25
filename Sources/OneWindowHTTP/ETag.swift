import Foundation

/// Strong entity tags for bodies built once per catalogue load.
public enum ETag {
    /// A quoted tag derived from the bytes (64-bit FNV-1a): equal bodies give equal tags,
    /// so a reload that changes nothing keeps clients' caches valid.
    public static func of(_ data: Data) -> String {
        "\"" + digest(data) + "\""
    }

    /// The unquoted 16-hex-digit FNV-1a digest of the bytes, used as a version label.
    public static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether an `If-None-Match` field names `tag` (or is `*`). Weak comparison, as RFC 9110 asks for GET.
    public static func matches(_ ifNoneMatch: String, _ tag: String) -> Bool {
        let bare = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        return ifNoneMatch.split(separator: ",").contains { candidate in
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == bare || trimmed == "W/" + bare
        }
    }
}

import Crypto
import Foundation
import OneWindowCore

/// Bearer tokens for the hall's devices: made once, shown once, stored only as a hash.
public enum DeviceTokens {
    /// Marks a OneWindow token, so one pasted into a log or config file is recognisable.
    public static let prefix = "ow_"

    /// A new token: `ow_` and 32 random bytes in base64url without padding (43 characters).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + base64
    }

    /// The lowercase hex SHA-256 of the token's UTF-8 bytes: what the database keeps. A fast
    /// hash is enough because tokens are random, not chosen by people.
    public static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }

    /// base64url's alphabet.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// The token of an `Authorization: Bearer ow_…` header, or `nil` when the header is
    /// missing or not of that form; such requests never reach the database.
    static func bearerToken(in header: String?) -> String? {
        guard let header, let space = header.firstIndex(of: " ") else { return nil }
        guard header[..<space].lowercased() == "bearer" else { return nil }
        let token = header[space...].trimmingCharacters(in: .whitespaces)
        guard token.hasPrefix(prefix), token.utf8.count <= 128,
            token.utf8.dropFirst(prefix.utf8.count).allSatisfy(Self.isTokenByte)
        else { return nil }
        return token
    }
}

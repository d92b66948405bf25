import Crypto
import Foundation

extension BoardPage {
    /// The board's own security policy: its one inline script, allowed by hash, may talk to
    /// this server (the event stream) and nothing else.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'sha256-\(hash(script))'; style-src 'unsafe-inline'; "
        + "connect-src 'self'; img-src 'self' data:; media-src 'self' data:; base-uri 'none'; frame-ancestors 'none'"

    private static func hash(_ text: String) -> String {
        Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }
}

import Crypto
import Foundation

/// Content Security Policy hash sources for the few scripts the pages run.
enum ContentSecurity {
    /// `sha256-…` of `text`, as a policy names an inline script or handler it allows.
    static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }
}

extension BoardPage {
    /// The board's own security policy: its one inline script, allowed by hash, may talk to
    /// this server (the event stream) and nothing else.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src '\(ContentSecurity.hash(script))'; style-src 'unsafe-inline'; "
        + "connect-src 'self'; img-src 'self' data:; media-src 'self' data:; base-uri 'none'; frame-ancestors 'none'"
}

import Foundation

/// Where a hall pulls its catalogue from, and how it checks it (`--catalogue-url`,
/// `--catalogue-public-key`, `--catalogue-pull-interval`).
public struct CataloguePull: Sendable {
    /// The city's URL of this hall's merged, signed `services.json`.
    public var url: URL
    /// The city's public key: a pulled file whose signature it does not verify is never used.
    public var key: CatalogueVerifyingKey
    /// Seconds between pulls. A changed catalogue reaches the hall within this time.
    public var intervalSeconds: Double = 300
    /// Seconds one pull may take.
    public var timeoutSeconds: Double = 10

    public init(url: URL, key: CatalogueVerifyingKey) {
        self.url = url
        self.key = key
    }
}

/// What one pull came to. Every outcome but `updated` and `notModified` keeps the catalogue
/// that was serving.
public enum CataloguePullOutcome: Error, Sendable, Equatable {
    /// A new catalogue was checked, stored and is serving; its version.
    case updated(String)
    /// The city answered 304: the catalogue held is the city's current one.
    case notModified
    /// No answer, or not a 200 or 304.
    case unreachable(String)
    /// No signature, or one that the city's key does not verify over the bytes.
    case badSignature(String)
    /// The file does not pass `onewindowd check`.
    case failedCheck(String)
    /// The file passes `check` but the reload refused it, as SIGHUP's would (open cases of a
    /// service it drops, say).
    case reloadRefused(String)
    /// The new file serves, but could not be kept on disk: a restart would start on the old one.
    case notStored(String)

    /// The code `/healthz` and the `outcome` label of Prometheus show.
    public var code: String {
        switch self {
        case .updated: "updated"
        case .notModified: "not_modified"
        case .unreachable: "unreachable"
        case .badSignature: "bad_signature"
        case .failedCheck: "failed_check"
        case .reloadRefused: "reload_refused"
        case .notStored: "not_stored"
        }
    }

    static let allCodes = [
        "updated", "not_modified", "unreachable", "bad_signature", "failed_check", "reload_refused", "not_stored",
    ]

    /// Why, when the pull did not end with the city's current catalogue serving.
    public var problem: String? {
        switch self {
        case .updated, .notModified: nil
        case .unreachable(let why), .badSignature(let why), .failedCheck(let why), .reloadRefused(let why),
            .notStored(let why):
            why
        }
    }
}

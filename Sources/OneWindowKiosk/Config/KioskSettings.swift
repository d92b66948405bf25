import Foundation

/// A terminal's settings: from the config file, then command-line flags on top.
public struct KioskSettings: Sendable, Equatable {
    /// Where `onewindowd` listens (any machine on the hall network).
    public var daemonURL = URL(string: "http://127.0.0.1:8080")!
    /// The base of the public status page printed as a QR code: `<publicURL>/t/{ticketId}`.
    /// Defaults to the daemon's URL.
    public var publicURL: URL?
    /// The device token's file, readable by the kiosk's user only.
    public var tokenFile: String?
    /// The clerk console's window id.
    public var window: String?
    /// The receipt printer's device file; none prints nothing.
    public var printer: String?
    public var language = Language.zh
    /// Seconds without a key or tap before the kiosk returns to its start screen.
    public var idleTimeout: Double = 60
    /// Categories whose services are for organisations (单位办事) rather than individuals:
    /// the catalogue does not mark it, so the hall says it here.
    public var organisationCategories = ["社会组织登记", "慈善事业"]
    /// Where the applicant kiosk keeps the catalogue and guides it last loaded, to browse them
    /// after a restart while the daemon is down; none keeps them in memory only.
    public var cacheFile: String?

    public init() {}

    /// The keys a config file and the flags may set.
    public static let keys = [
        "daemon-url", "public-url", "token-file", "window", "printer", "language", "idle-timeout",
        "organisation-categories", "cache-file",
    ]

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String

        public init(_ description: String) {
            self.description = description
        }
    }

    /// Sets one key; `place` names where the value came from (`kiosk.conf:4`, `--printer`).
    public mutating func set(_ key: String, _ value: String, at place: String) throws(Failure) {
        let value = value.trimmingCharacters(in: .whitespaces)
        switch key {
        case "daemon-url": daemonURL = try Self.httpURL(value, at: place)
        case "public-url": publicURL = try Self.httpURL(value, at: place)
        case "token-file": tokenFile = value.isEmpty ? nil : value
        case "window": window = value.isEmpty ? nil : value
        case "cache-file": cacheFile = value.isEmpty || value == "none" ? nil : value
        case "printer": printer = value.isEmpty || value == "none" ? nil : value
        case "language":
            guard let parsed = Language(rawValue: value) else {
                throw Failure("\(place): language must be zh or en, found “\(value)”")
            }
            language = parsed
        case "idle-timeout":
            guard let seconds = Double(value), seconds >= 5, seconds <= 3600 else {
                throw Failure("\(place): idle-timeout must be seconds from 5 to 3600, found “\(value)”")
            }
            idleTimeout = seconds
        case "organisation-categories":
            organisationCategories = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        default:
            throw Failure("\(place): unknown setting “\(key)” (known: \(Self.keys.joined(separator: ", ")))")
        }
    }

    /// Settings from a config file's text: `key = value` lines, `#` comments, blank lines.
    public mutating func apply(configFile text: String, path: String) throws(Failure) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(path):\(index + 1)"
            guard let equals = line.firstIndex(of: "=") else {
                throw Failure("\(place): expected “key = value”, found “\(line)”")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            try set(key, String(line[line.index(after: equals)...]), at: place)
        }
    }

    /// Reads and applies a config file.
    public mutating func load(configFile path: String) throws(Failure) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure("\(path): cannot read the config file")
        }
        try apply(configFile: String(decoding: data, as: UTF8.self), path: path)
    }

    private static func httpURL(_ value: String, at place: String) throws(Failure) -> URL {
        guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw Failure("\(place): expected an http:// or https:// URL, found “\(value)”")
        }
        return url
    }
}

import Synchronization

/// Where hall calendars find a time zone's rules: a source of TZif bytes by IANA identifier,
/// installed once at start-up by an adapter that reads the system's tzdata (the core does no
/// I/O), and the rules read so far. With no source, or no file for a zone, a calendar falls
/// back to Foundation's `TimeZone`.
public enum ZoneLibrary {
    /// Returns the TZif bytes of a zone, or nil if there is no such file.
    public typealias Source = @Sendable (String) -> [UInt8]?

    private static let shelf = Mutex<(source: Source?, rules: [String: ZoneRules?])>((nil, [:]))

    /// Makes `source` the place to read zones from, forgetting those read from another.
    public static func use(_ source: Source?) {
        shelf.withLock { $0 = (source, [:]) }
    }

    /// Whether a source is installed (the daemon's start-up installs the system's tzdata).
    public static var hasSource: Bool { shelf.withLock { $0.source != nil } }

    /// The rules of `identifier` from the source, read once; nil without a source, or if the
    /// source has no such zone or its file is not TZif.
    public static func rules(for identifier: String) -> ZoneRules? {
        shelf.withLock { shelf in
            if let known = shelf.rules[identifier] { return known }
            guard let source = shelf.source else { return nil }
            let rules = source(identifier).flatMap { try? ZoneRules(tzif: $0) }
            shelf.rules[identifier] = .some(rules)
            return rules
        }
    }
}

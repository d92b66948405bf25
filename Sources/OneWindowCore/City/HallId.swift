/// A hall's id in the city: its daemon's `--hall-id`, its token's name at the city, its
/// Prometheus `hall` label and a part of the city's URLs and file names.
public enum HallId {
    /// The one rule for hall ids, `^[a-z0-9][a-z0-9-]{0,62}$`: 1 to 63 lower-case ASCII letters,
    /// digits and hyphens, not starting with a hyphen. It keeps an id usable as a label and a
    /// URL segment, and keeps a path parameter from naming a file outside the city's folder
    /// (no dot, no slash).
    public static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...63).contains(bytes.count), bytes[0] != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }
}

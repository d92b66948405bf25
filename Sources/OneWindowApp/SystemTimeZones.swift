import Foundation
import OneWindowCore

/// The hall calendar's source of time zones: the system's tzdata (`TZDIR`, else
/// /usr/share/zoneinfo), read by identifier, so that the daemon never pages in ICU's time
/// zones through Foundation's `TimeZone`. A zone with no file there falls back to Foundation's.
package enum SystemTimeZones {
    /// The tzdata directory, as the C library finds it.
    static var directory: String {
        ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/share/zoneinfo"
    }

    /// No TZif file is near this; anything larger is not one.
    static let maxBytes = 1 << 20

    /// Installs the system's tzdata as the source of hall calendars' zones, once per process.
    package static func install() {
        guard !ZoneLibrary.hasSource else { return }
        let directory = directory
        ZoneLibrary.use { identifier in read(identifier, in: directory) }
    }

    /// The bytes of `identifier`'s file in `directory`; nil for a name that is not an IANA
    /// identifier (so that `../` or an absolute path reads nothing) or a missing file.
    static func read(_ identifier: String, in directory: String) -> [UInt8]? {
        guard isIdentifier(identifier),
            let handle = FileHandle(forReadingAtPath: directory + "/" + identifier)
        else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxBytes + 1), data.count <= maxBytes else { return nil }
        return [UInt8](data)
    }

    /// `Area/Location` names: parts of letters, digits, `_`, `+` and `-`, each starting with a letter.
    static func isIdentifier(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                guard let first = part.first, first.isASCII, first.isLetter else { return false }
                return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_+-".contains($0)) }
            }
    }
}

import Foundation

/// The catalogue and its guides as the kiosk last loaded them, kept in a file so that a kiosk
/// started while the daemon is down (after a power cut, a crash) still browses them and sends
/// applicants to the 咨询台 for tickets, instead of a bare "connecting" screen.
public struct CatalogueCache: Sendable, Equatable, Codable {
    public var hall: HallInfo
    public var services: [ServiceSummary]
    public var guides: [ServiceGuide]

    public init(hall: HallInfo, services: [ServiceSummary], guides: [ServiceGuide]) {
        self.hall = hall
        self.services = services
        self.guides = guides
    }

    /// The cache in `path`; nil when there is none or it cannot be read (the kiosk then waits for the daemon).
    public static func load(_ path: String) -> CatalogueCache? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(CatalogueCache.self, from: data)
    }

    /// Writes the cache whole (a temporary file renamed over the old one), readable by its owner only.
    public func save(_ path: String) throws {
        let temporary = path + ".tmp"
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: try JSONEncoder().encode(self), attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown) }
        if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown) }
    }
}

import Foundation
import GRDB

extension Storage {
    /// What a backup wrote.
    public struct BackupResult: Sendable {
        public var pages: Int
        /// `ok`, or what SQLite's `PRAGMA integrity_check` found wrong in the copy.
        public var integrity: String
    }

    /// Copies the database at `source` to `destination` with SQLite's online backup API, while
    /// the daemon goes on writing: the copy is the database as it stood when the backup began
    /// (WAL mode lets the daemon commit meanwhile). The source is opened read-only; the copy is
    /// written to a temporary file beside `destination` and renamed over it only once whole and
    /// checked, so a failed backup never leaves a half-written file where the last good one was.
    public static func backup(database source: String, to destination: String) throws -> BackupResult {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let reader = try DatabaseQueue(path: source, configuration: configuration)
        let temporary = destination + ".partial-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let copy = try DatabaseQueue(path: temporary)
        var pages = 0
        try reader.backup(to: copy) { progress in pages = progress.totalPageCount }
        let integrity = try copy.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
        try copy.close()
        guard integrity == "ok" else { return BackupResult(pages: pages, integrity: integrity) }
        guard rename(temporary, destination) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
        }
        return BackupResult(pages: pages, integrity: integrity)
    }
}

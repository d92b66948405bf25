import Foundation
import OneWindowHTTP

/// The pulled catalogue on disk: the file, its signature and the city's ETag beside it.
extension CataloguePuller {
    /// Moves the staged file into place, with its signature and ETag beside it (the signature
    /// first: a crash between leaves the old file with the new signature, which
    /// `catalogue verify` reports, rather than a file that seems signed and is not).
    static func keep(_ fetched: Fetched, staged: String, as path: String) throws {
        let signature = fetched.signature.map { $0 + "\n" } ?? ""
        try Data(signature.utf8).write(
            to: URL(fileURLWithPath: CatalogueSigningKey.signaturePath(for: path)), options: .atomic)
        if rename(staged, path) != 0 {
            throw KeepFailure(description: "cannot move \(staged) to \(path): \(String(cString: strerror(errno)))")
        }
        if let etag = fetched.etag {
            let record = etag + "\n" + ETag.digest(fetched.body) + "\n"
            try Data(record.utf8).write(to: URL(fileURLWithPath: path + ".etag"), options: .atomic)
        } else {
            try? FileManager.default.removeItem(atPath: path + ".etag")
        }
    }

    /// The city's ETag of the file on disk, if the file is still the one pulled with it. A file
    /// changed by hand (and reloaded with SIGHUP) gets no `If-None-Match`, so the next pull
    /// puts the city's back: with `--catalogue-url` the catalogue is the city's.
    static func heldETag(_ path: String) -> String? {
        guard let record = try? String(contentsOfFile: path + ".etag", encoding: .utf8) else { return nil }
        let lines = record.split(separator: "\n").map(String.init)
        guard lines.count == 2, let file = FileManager.default.contents(atPath: path), ETag.digest(file) == lines[1]
        else { return nil }
        return lines[0]
    }
}

/// A pulled file that serves but could not be put in place on disk.
struct KeepFailure: Error, CustomStringConvertible {
    var description: String
}

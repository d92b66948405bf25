import Foundation
import OneWindowCore
import OneWindowHTTP

/// Reads services.json from disk: the one place the app touches the catalogue file.
public enum CatalogueSource {
    /// The largest catalogue read by default: the shipped one is about 150 KB. A 52 MB file
    /// took 25 s to load and left the daemon at 1.1 GB, which it kept after the old file came back.
    public static let defaultMaxBytes = 5 * 1024 * 1024

    /// Loads and checks the file, or throws a `CatalogueError` naming the file and every issue.
    /// A file over `maxBytes` is refused before it is read whole, let alone parsed.
    public static func load(path: String, at now: Date = Date(), maxBytes: Int = defaultMaxBytes)
        throws(CatalogueError) -> CatalogueSnapshot
    {
        let data = try read(path, maxBytes: maxBytes)
        let catalogue = try CatalogueLoader.load(data, file: path)
        return CatalogueSnapshot(catalogue: catalogue, version: ETag.digest(data), loadedAt: now)
    }

    /// The file's bytes, reading at most `maxBytes` + 1 (the size on disk may change meanwhile).
    private static func read(_ path: String, maxBytes: Int) throws(CatalogueError) -> Data {
        func refuse(_ reason: String) -> CatalogueError {
            CatalogueError(file: path, issues: [CatalogueIssue(path: "", reason: reason)])
        }
        let tooLarge = { (size: String) in
            refuse(
                "the file is \(size), over the limit of \(maxBytes) bytes (--catalogue-max-bytes); it was not read")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw tooLarge("\(size) bytes")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw refuse("cannot read the file: \(reason(error))")
        }
        if data.count > maxBytes { throw tooLarge("more than \(maxBytes) bytes") }
        return data
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

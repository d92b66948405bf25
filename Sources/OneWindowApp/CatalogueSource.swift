import Foundation
import OneWindowCore
import OneWindowHTTP

/// Reads services.json from disk: the one place the app touches the catalogue file.
public enum CatalogueSource {
    /// Loads and checks the file, or throws a `CatalogueError` naming the file and every issue.
    public static func load(path: String, at now: Date = Date()) throws(CatalogueError) -> CatalogueSnapshot {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CatalogueError(
                file: path, issues: [CatalogueIssue(path: "", reason: "cannot read the file: \(reason(error))")])
        }
        let catalogue = try CatalogueLoader.load(data, file: path)
        return CatalogueSnapshot(catalogue: catalogue, version: ETag.digest(data), loadedAt: now)
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

import Foundation

/// Files the tests make: token files, printer files.
enum TestFiles {
    struct Failure: Error {
        var path: String
    }

    /// Creates (or replaces) `path` with `contents` and the given permissions.
    static func write(_ path: String, _ contents: String = "", mode: Int = 0o600) throws {
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: mode])
        else { throw Failure(path: path) }
    }
}

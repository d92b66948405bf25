import ArgumentParser
import Foundation

/// A device token kept in a file, as the kiosk keeps its own: the file must be readable by its
/// owner only, since anyone who can read it can act as the device.
enum TokenFile {
    /// `what` names the file's content in errors: `token`, or `secret` for the push's key.
    static func read(_ path: String, what: String = "token") throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ValidationError("\(path): cannot read the \(what) file: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw ValidationError(
                "\(path): the \(what) file can be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); "
                    + "anyone who reads it can act as this device or sign as the hall. Run: chmod 600 \(path)")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.contains("\n") else {
            throw ValidationError("\(path): the \(what) file must hold one \(what) on one line")
        }
        return text
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The device token, read from a file that only the kiosk's user may read: anyone who can
/// read it can issue tickets or call applicants in the hall's name.
public enum TokenFile {
    public static func read(_ path: String) throws(KioskSettings.Failure) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .init("\(path): cannot read the token file: \(String(cString: strerror(errno)))")
        }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw .init(
                "\(path): the token file can be read by others (mode \(String(mode, radix: 8))); "
                    + "it must be readable by the kiosk's user only: chmod 600 \(path)")
        }
        if info.st_uid != geteuid() {
            throw .init(
                "\(path): the token file belongs to user id \(info.st_uid), not to the user running the kiosk "
                    + "(\(geteuid())): chown it to the kiosk's user")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .init("\(path): cannot read the token file")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, !token.contains(where: \.isWhitespace) else {
            throw .init("\(path): the token file must hold one token (as `onewindowd token create` printed it)")
        }
        return token
    }
}

import Foundation

/// Options fall back to `ONEWINDOW_*` environment variables, then to built-in defaults,
/// so the systemd unit can configure the daemon with an EnvironmentFile.
enum Environment {
    static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}

import Foundation
import OneWindowTesting
import Testing

/// The systemd units pass `systemd-analyze verify` (with the installed paths pointed at the
/// programs this checkout builds). `scripts/test.sh` installs systemd for it; it need not run.
@Suite("systemd units", .timeLimit(.minutes(2)))
struct SystemdUnitTests {
    static let analyze = "/usr/bin/systemd-analyze"

    @Test("onewindowd.service and onewindow-kiosk@.service pass systemd-analyze verify")
    func verify() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try DaemonProcess.binary().path
        let session = Fixtures.repositoryRoot.appendingPathComponent("kiosk/kiosk-session.sh").path
        let units = [
            ("systemd/onewindowd.service", "onewindowd.service"),
            ("kiosk/onewindow-kiosk@.service", "onewindow-kiosk@.service"),
        ]
        var paths: [String] = []
        for (source, name) in units {
            let text = try String(
                contentsOf: Fixtures.repositoryRoot.appendingPathComponent(source), encoding: .utf8)
            let local = text.replacingOccurrences(of: "/usr/local/bin/onewindowd", with: binary)
                .replacingOccurrences(of: "/usr/local/lib/onewindow/kiosk-session.sh", with: session)
            let path = directory.path(name)
            try local.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: Self.analyze)
        process.arguments = [
            "verify", "--man=no", paths[0], paths[1].replacingOccurrences(of: "@.service", with: "@applicant.service"),
        ]
        // A template is verified through an instance of it.
        try FileManager.default.copyItem(
            atPath: paths[1], toPath: paths[1].replacingOccurrences(of: "@.service", with: "@applicant.service"))
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.isEmpty, "systemd-analyze had remarks:\n\(output)")
    }
}

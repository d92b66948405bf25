import Foundation
import OneWindowTesting

/// The real `onewindow-kiosk` binary in a pseudo-terminal, read as a screen.
final class KioskTerminal {
    let process: PseudoTerminalProcess
    private(set) var width: Int
    private(set) var height: Int

    init(_ arguments: [String], width: Int = 80, height: Int = 24) throws {
        self.width = width
        self.height = height
        process = try PseudoTerminalProcess(
            executable: try PseudoTerminalProcess.builtBinary("onewindow-kiosk"), arguments: arguments, width: width,
            height: height)
    }

    /// The screen as the program has drawn it so far.
    var screen: String { TerminalScreen.replay(process.bytes, width: width, height: height).text }

    /// Waits until the screen shows `text` (at most `timeoutSeconds`); false if it never did.
    @discardableResult
    func waitFor(_ text: String, timeoutSeconds: Double = 15) async -> Bool {
        await Polling.eventually(timeoutSeconds: timeoutSeconds) { screen.contains(text) }
    }

    func type(_ keys: String) {
        process.send(keys)
    }

    func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        process.resize(width: width, height: height)
    }

    /// Ends the program with SIGTERM, as systemd stops it; answers its exit status.
    func stop() -> Int32 {
        process.signal(SIGTERM)
        return process.waitForExit()
    }
}

/// A real daemon with a kiosk and a clerk token in files only their owner can read.
final class HallUnderTest {
    let directory: TemporaryDirectory
    let daemon: DaemonProcess
    let kioskTokenFile: String
    let clerkTokenFile: String
    let clerkToken: String
    let printer: String

    /// - Parameter prepare: writes to the database (its path) before the daemon starts.
    init(
        catalogue: String = Fixtures.validCatalogue, daemonArguments: [String] = [],
        prepare: (String) throws -> Void = { _ in }
    ) throws {
        directory = try TemporaryDirectory()
        let database = directory.path("onewindow.sqlite")
        kioskTokenFile = directory.path("kiosk.token")
        clerkTokenFile = directory.path("clerk.token")
        let kioskToken = try DaemonTokens.create(role: "kiosk", name: "kiosk-1", database: database)
        clerkToken = try DaemonTokens.create(
            role: "clerk", name: "clerk-1", database: database, window: "1", catalogue: catalogue)
        for (path, token) in [(kioskTokenFile, kioskToken), (clerkTokenFile, clerkToken)] {
            try TestFiles.write(path, token)
        }
        printer = directory.path("lp0")
        try TestFiles.write(printer)
        try prepare(database)
        daemon = try DaemonProcess(
            arguments: [
                "--database", database, "--catalogue", catalogue, "--closing-time", "none",
            ] + daemonArguments)
    }

    var url: String { "http://127.0.0.1:\(daemon.port)" }

    func applicant(width: Int = 80, height: Int = 24, _ extra: [String] = []) throws -> KioskTerminal {
        try KioskTerminal(
            [
                "applicant", "--daemon-url", url, "--token-file", kioskTokenFile, "--printer", printer, "--public-url",
                "https://hall.example.cn",
            ] + extra,
            width: width, height: height)
    }

    func clerk(window: String, width: Int = 80, height: Int = 24) throws -> KioskTerminal {
        try KioskTerminal(
            ["clerk", "--window", window, "--daemon-url", url, "--token-file", clerkTokenFile], width: width,
            height: height)
    }

    func stop() {
        daemon.signal(SIGTERM)
        _ = daemon.waitForExit()
        directory.remove()
    }
}

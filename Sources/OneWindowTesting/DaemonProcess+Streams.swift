import Foundation

extension DaemonProcess {
    /// Runs the binary (`onewindowd`, or `executable`) with `arguments` to completion, keeping
    /// standard output (as bytes) and standard error apart: for commands whose output is data,
    /// such as `report --format json`. A command still running after `timeoutSeconds` is killed,
    /// so a hang (or a server that should have refused to start) fails the test.
    public static func runSeparately(
        _ arguments: [String], timeoutSeconds: Double = 60, executable: String = "onewindowd"
    ) throws -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        let output = Pipe()
        let errors = Pipe()
        process.executableURL = try binary(named: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard error is read on another thread, so neither pipe can fill and block the child.
        let errorText = ErrorText()
        let reader = Thread { errorText.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let watchdog = Thread {
            let deadline = Date().addingTimeInterval(timeoutSeconds)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        watchdog.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data, errorText.wait())
    }
}

/// Standard error of a child, handed from the reading thread.
private final class ErrorText: @unchecked Sendable {
    // `@unchecked Sendable`: `data` is written once before `done` is signalled and read after.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    func set(_ value: Data) {
        data = value
        done.signal()
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation
import Synchronization

/// The built `onewindowd` binary run as a child process, for what only a real process shows:
/// signals, exit codes and what it prints.
public final class DaemonProcess: Sendable {
    private let process: Process
    private let pipe = Pipe()
    private let output = OutputBuffer()
    public let port: UInt16

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `onewindowd serve` (or `executable serve`, e.g. `onewindow-city`) with `arguments`
    /// on a free port and waits (at most `timeoutSeconds`) until it says where it listens.
    /// `environment` is added to this process's (e.g. a `ProcessClock`'s).
    public init(
        arguments: [String], environment: [String: String] = [:], timeoutSeconds: Double = 30,
        executable: String = "onewindowd"
    ) throws {
        process = Process()
        let binary = try Self.binary(named: executable)
        // Tests issue many tickets from one token; the rate limit has tests of its own.
        let limits = executable == "onewindowd" ? ["--issue-rate", "0"] : []
        let serve = ["serve", "--host", "127.0.0.1", "--port", "0"] + limits + arguments
        if environment["LD_PRELOAD"] == nil {
            process.executableURL = binary
            process.arguments = serve
        } else {
            // Spawned straight from here with libfaketime preloaded, the binary saw none of its
            // arguments (it served the default catalogue); `exec` from a shell keeps them.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", #"exec "$0" "$@""#, binary.path] + serve
        }
        process.standardError = pipe
        process.standardOutput = pipe
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            output.data.withLock { $0.append(chunk) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var found: UInt16?
        while found == nil, Date() < deadline, process.isRunning {
            found = Self.listeningPort(in: output.data.withLock { String(decoding: $0, as: UTF8.self) })
            if found == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let found else {
            process.terminate()
            let text = output.data.withLock { String(decoding: $0, as: UTF8.self) }
            throw Failure(description: "\(executable) did not start listening:\n\(text)")
        }
        port = found
    }

    public var client: TestHTTPClient { TestHTTPClient(port: port) }

    /// Everything the daemon printed so far.
    public var log: String { output.data.withLock { String(decoding: $0, as: UTF8.self) } }

    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits until `log` contains `text`, at most `timeoutSeconds`; returns whether it did.
    public func waitForLog(_ text: String, occurrences: Int = 1, timeoutSeconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if log.components(separatedBy: text).count - 1 >= occurrences { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Waits for the process to end (killing it after `timeoutSeconds`) and returns its status.
    public func waitForExit(timeoutSeconds: Double = 15) -> Int32 {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        drainOutput()
        return process.terminationStatus
    }

    /// Reads what the process wrote last and is still in the pipe (up to its end, for at most a
    /// second), so `log` has it all once the process has exited.
    private func drainOutput() {
        let handle = pipe.fileHandleForReading
        handle.readabilityHandler = nil
        let descriptor = handle.fileDescriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                output.data.withLock { $0.append(contentsOf: buffer[0..<count]) }
            } else if count == 0 || errno != EAGAIN {
                return
            } else {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    static func listeningPort(in log: String) -> UInt16? {
        guard let range = log.range(of: "listening on http://127.0.0.1:") else { return nil }
        return UInt16(log[range.upperBound...].prefix { $0.isNumber })
    }

    /// The `onewindowd` (or another executable of the package) built beside the test bundle.
    public static func binary(named name: String = "onewindowd") throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw Failure(description: "no \(name) binary near \(testBinary.path); run `swift build` first")
    }

    /// Runs the binary (`onewindowd`, or `executable`) with `arguments` (and `environment` added
    /// to this process's) to completion and returns its status and output.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], executable: String = "onewindowd"
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = try binary(named: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// What the child printed, appended from the pipe's reader thread.
private final class OutputBuffer: Sendable {
    let data = Mutex(Data())
}

import Foundation
import Synchronization

/// A program run in a pseudo-terminal, as a person at a terminal runs it: the test types into
/// the master side and reads what the program draws.
///
/// The child gets the slave side as its standard input, output and error, so `isatty`, raw
/// mode and the window size work. It has no controlling terminal, so the test sends SIGWINCH
/// itself after a resize.
public final class PseudoTerminalProcess: Sendable {
    private let process: Process
    private let master: Int32
    private let output = TerminalOutput()

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(executable: URL, arguments: [String], width: Int = 80, height: Int = 24) throws {
        // /dev/ptmx with the kernel's own ioctls: posix_openpt and friends are not in Swift's Glibc module.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal: errno \(errno)")
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(description: "cannot open \(name)") }
        // The parent's copy of the slave is closed once the child has it: then, when the child
        // exits, the master reads end (EIO) and the reader knows it has every byte.
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        do {
            try process.run()
        } catch {
            close(slave)
            throw error
        }
        close(slave)
        let master = self.master
        let output = self.output
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 {
                    output.ended.withLock { $0 = true }
                    return
                }
                output.bytes.withLock { $0 += buffer[0..<count] }
            }
        }
    }

    /// TIOCSPTLCK and TIOCGPTN from <asm-generic/ioctls.h>.
    static let setLock: UInt = 0x4004_5431
    static let getNumber: UInt = 0x8004_5430

    public var processIdentifier: Int32 { process.processIdentifier }

    /// Everything the program wrote so far.
    public var bytes: [UInt8] { output.bytes.withLock { $0 } }

    /// Types bytes, as keys (and escape sequences, for mouse taps).
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Changes the window's size and tells the program, as a terminal emulator would.
    public func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        kill(process.processIdentifier, SIGWINCH)
    }

    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    public var isRunning: Bool { process.isRunning }

    /// Waits for the program to end (killing it after `timeoutSeconds`); answers its status.
    public func waitForExit(timeoutSeconds: Double = 10) -> Int32 {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // What the program wrote just before it ended may still be on its way to `bytes`.
        let drained = Date().addingTimeInterval(2)
        while !output.ended.withLock({ $0 }), Date() < drained { Thread.sleep(forTimeInterval: 0.005) }
        return process.terminationStatus
    }

    /// A binary built beside the test bundle, e.g. `onewindow-kiosk`.
    public static func builtBinary(_ name: String) throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw Failure(description: "no \(name) binary near \(testBinary.path); run `swift build` first")
    }
}

/// What the program wrote, appended by the reader thread.
private final class TerminalOutput: Sendable {
    let bytes = Mutex<[UInt8]>([])
    /// Set once the master reads nothing more: the program and every copy of the slave are gone.
    let ended = Mutex(false)
}

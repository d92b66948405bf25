import Foundation
import Synchronization

/// The clock of a child process that a test moves, as `ManualClock` moves one in this process:
/// libfaketime preloaded into the child (`DaemonProcess(environment: clock.environment)`), with
/// its offset from the real time in a file the test rewrites.
///
/// Every clock of the child moves together, the monotonic ones too: with only the wall clock
/// moved (`FAKETIME_DONT_FAKE_MONOTONIC`), a libdispatch thread of `onewindowd` spun at about a
/// third of a core while the offset was a day (measured 2026-12-06); with all moved it stayed
/// idle. A day forward then fires the child's pending timers once, as a suspended machine's do.
public final class ProcessClock: Sendable {
    /// The file libfaketime reads on every call (no cache), so a move is seen at once.
    public let file: String
    /// What the child needs in its environment.
    public let environment: [String: String]
    private let offset = Mutex(0)

    /// Writes an offset of 0 to `file`; throws if libfaketime is not installed.
    public init(file: String) throws {
        self.file = file
        environment = [
            "LD_PRELOAD": try Self.library(), "FAKETIME_TIMESTAMP_FILE": file, "FAKETIME_NO_CACHE": "1",
            // No shared memory (it is for the `faketime` wrapper's children) and real file times.
            "FAKETIME_DISABLE_SHM": "1", "NO_FAKE_STAT": "1",
        ]
        try write(0)
    }

    /// Moves the child's clocks `seconds` forward (from its next reading of the time on).
    public func advance(_ seconds: Int) throws {
        try offset.withLock {
            $0 += seconds
            try write($0)
        }
    }

    /// The child's time now, as far as this process can tell (its own clock plus the offset).
    public func read() -> Date { Date().addingTimeInterval(Double(offset.withLock { $0 })) }

    private func write(_ seconds: Int) throws {
        // Renamed into place, so the child never reads a half-written offset.
        let staged = file + ".new"
        try Data("\(seconds >= 0 ? "+" : "")\(seconds)\n".utf8).write(to: URL(fileURLWithPath: staged))
        guard rename(staged, file) == 0 else {
            throw DaemonProcess.Failure(description: "cannot move \(staged) to \(file): errno \(errno)")
        }
    }

    /// libfaketime's library for threaded programs (its own state behind a lock), from Debian's
    /// `libfaketime` (installed with `faketime`) in whatever multiarch folder, or from a
    /// `make install` under /usr/local.
    static func library() throws -> String {
        let folders = ["/usr/lib", "/usr/lib64", "/usr/local/lib"]
        var candidates = folders.map { "\($0)/faketime/libfaketimeMT.so.1" }
        let multiarch = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? []
        candidates += multiarch.sorted().map { "/usr/lib/\($0)/faketime/libfaketimeMT.so.1" }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw DaemonProcess.Failure(
                description: "libfaketime is not installed: run scripts/install-deps.sh faketime")
        }
        return found
    }
}

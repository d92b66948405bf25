import Foundation
import GRDB
import Synchronization

/// A SQL function, `hold_commit()`, for a trigger to call inside the commit thread's
/// transaction: the first call blocks until the test lets the commit pass or fail; every later
/// call (the group's retry in savepoints) gets the same verdict at once.
final class CommitGate: Sendable {
    private let verdict = Mutex<Bool?>(nil)
    private let entered = DispatchSemaphore(value: 0)
    private let decided = DispatchSemaphore(value: 0)

    /// Registers `hold_commit()` on every connection of a database made with `configuration`.
    func install(in configuration: inout Configuration) {
        let function = DatabaseFunction("hold_commit", argumentCount: 0, pure: false) { [self] _ in
            try hold()
        }
        configuration.prepareDatabase { db in db.add(function: function) }
    }

    private func hold() throws -> Int {
        if verdict.withLock({ $0 }) == nil {
            entered.signal()
            _ = decided.wait(timeout: .now() + 60)
        }
        guard verdict.withLock({ $0 }) == true else {
            throw DatabaseError(resultCode: .SQLITE_IOERR, message: "the test failed this commit")
        }
        return 1
    }

    /// Waits until the commit thread is held in the function.
    func waitUntilHeld(seconds: Double = 30) -> Bool { entered.wait(timeout: .now() + seconds) == .success }

    /// Lets the held commit go on.
    func pass() { decide(true) }

    /// Makes the held write (and its retry) fail.
    func fail() { decide(false) }

    private func decide(_ passes: Bool) {
        verdict.withLock { $0 = passes }
        decided.signal()
    }
}

import Foundation
import GRDB
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

@Suite("Checkpointing the write-ahead log", .timeLimit(.minutes(1)))
struct CheckpointerTests {
    /// The database file's size in bytes.
    private static func size(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }

    @Test("the checkpointer copies committed writes into the database file, and a second stop returns too")
    func copiesTheLog() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("onewindow.sqlite")
        let storage = try Storage(path: path)
        let before = try Self.size(path)
        // The daemon's writer never checkpoints by itself: these rows stay in the log.
        for number in 0..<300 {
            try storage.createDeviceToken(
                name: "kiosk-\(number)-" + String(repeating: "x", count: 200), role: .kiosk,
                tokenHash: "hash-\(number)", at: Date())
        }
        #expect(try Self.size(path) == before, "the writer checkpointed by itself")
        let checkpointer = try Checkpointer(path: path, interval: 0.05)
        let copied = try waitUntil(seconds: 10) { try Self.size(path) > before }
        checkpointer.stop()
        checkpointer.stop()
        #expect(copied, "the database file stayed at \(before) bytes")
        #expect(try storage.deviceTokens().count == 300)
    }

    @Test("a log grown past the limit while a reader held it is emptied once the reader is done")
    func truncatesALongLog() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("onewindow.sqlite")
        let storage = try Storage(path: path)
        let limit = 64 << 10
        let checkpointer = try Checkpointer(path: path, interval: 0.02, walLimit: limit)
        defer { checkpointer.stop() }
        // A reader's snapshot pins the log, as the workers' reads do under load: the burst is
        // appended behind it and no checkpoint can copy past it, so the log only grows.
        let reader = try DatabaseQueue(path: path, configuration: .waitingForLocks)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread {
            try? reader.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM device_token")
                holding.signal()
                _ = release.wait(timeout: .now() + 30)
            }
            finished.signal()
        }.start()
        #expect(holding.wait(timeout: .now() + 10) == .success, "the reader holds its snapshot")
        for number in 0..<300 {
            try storage.createDeviceToken(
                name: "kiosk-\(number)-" + String(repeating: "x", count: 400), role: .kiosk,
                tokenHash: "hash-\(number)", at: Date())
        }
        let grown = try Self.size(path + "-wal")
        #expect(grown > limit, "the burst wrote \(grown) bytes of log")
        release.signal()
        #expect(finished.wait(timeout: .now() + 10) == .success, "the reader let go")
        let shrunk = try waitUntil(seconds: 10) { try Self.size(path + "-wal") <= limit }
        let left = try Self.size(path + "-wal")
        #expect(shrunk, "the log stayed at \(left) bytes")
        #expect(try storage.deviceTokens().count == 300)
    }

    @Test("the commit thread's checkpoint between groups keeps the log under its bound while readers keep reading")
    func boundBetweenGroups() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("onewindow.sqlite")
        let storage = try Storage(path: path)
        let limit = 64 << 10
        // Readers one after another, as the workers' lookups come under load: one of them is
        // nearly always in the log, so a checkpoint that never waits would not find a gap.
        let reader = try DatabaseQueue(path: path, configuration: .waitingForLocks)
        let stop = Atomic<Bool>(false)
        let reads = Atomic<Int>(0)
        let finished = DispatchSemaphore(value: 0)
        Thread {
            while !stop.load(ordering: .relaxed) {
                _ = try? reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM device_token") }
                reads.add(1, ordering: .relaxed)
            }
            finished.signal()
        }.start()
        defer {
            stop.store(true, ordering: .relaxed)
            _ = finished.wait(timeout: .now() + 10)
        }
        #expect(try waitUntil(seconds: 10) { reads.load(ordering: .relaxed) > 0 }, "the reader reads")
        var largest = 0
        var emptied = 0
        for group in 0..<300 {
            // One group: a transaction of its own, as the commit thread writes one.
            try storage.createDeviceToken(
                name: "kiosk-\(group)-" + String(repeating: "x", count: 400), role: .kiosk,
                tokenHash: "hash-\(group)", at: Date())
            if storage.truncateLog(ifPast: limit) { emptied += 1 }
            largest = max(largest, storage.logSize)
        }
        #expect(emptied > 0, "the log was never past its bound, or never emptied")
        // Generous: a checkpoint that met a reader is done after a later group.
        #expect(largest < 4 * limit, "the log reached \(largest) bytes (bound \(limit))")
        #expect(try storage.deviceTokens().count == 300)
    }
}

import Foundation
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
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
}

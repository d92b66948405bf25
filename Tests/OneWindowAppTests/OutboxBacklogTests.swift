import Foundation
import OneWindowStorage
import OneWindowTesting
import Testing

/// The outbox's backlog (depth, oldest, failing, last error) is read without visiting every
/// undelivered record, and still gives the same figures.
@Suite("The outbox's backlog", .timeLimit(.minutes(2)))
struct OutboxBacklogTests {
    @Test("depth, the oldest record, and a failing head record with its error, behind a long backlog")
    func backlog() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("outbox.sqlite"))
        let start = Date(timeIntervalSince1970: 1_795_943_103)
        #expect(try storage.outboxBacklog() == OutboxBacklog())
        for batch in 0..<5 {
            let messages = (0..<100).map {
                OutboxMessage(
                    topic: "case", key: "c\(batch)-\($0)", payload: Data(String(repeating: "x", count: 900).utf8))
            }
            try storage.transaction { try $0.enqueue(messages, at: start.addingTimeInterval(Double(batch))) }
        }
        let first = try storage.outboxPending(limit: 200)
        try storage.markOutbox(delivered: first.prefix(150).map(\.id), at: start.addingTimeInterval(10))
        let head = first[150]
        try storage.markOutbox(
            delivered: [], at: start.addingTimeInterval(10),
            failed: OutboxFailure(id: head.id, error: "HTTP 500", retryAt: start.addingTimeInterval(20)))
        let backlog = try storage.outboxBacklog()
        #expect(backlog.depth == 350)
        #expect(backlog.oldest == start.addingTimeInterval(1))
        #expect(backlog.failing == 1 && backlog.lastError == "HTTP 500", "\(backlog)")
        try storage.markOutbox(delivered: [head.id], at: start.addingTimeInterval(30))
        let after = try storage.outboxBacklog()
        #expect(after.depth == 349 && after.failing == 0 && after.lastError == nil, "\(after)")
    }
}

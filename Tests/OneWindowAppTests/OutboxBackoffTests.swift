import Foundation
import OneWindowApp
import Testing

/// When a failed record is tried again: doubling, capped, shortened by jitter, never given up.
@Suite("The outbox's backoff", .timeLimit(.minutes(1)))
struct OutboxBackoffTests {
    @Test("waits double from 5 s up to 30 min, each shortened by at most half, and go on for ever at the cap")
    func doublingCappedJittered() {
        let backoff = OutboxBackoff()
        for attempt in 1...200 {
            let full = min(1_800, 5 * pow(2, Double(attempt - 1)))
            for _ in 0..<20 {
                let delay = backoff.delay(afterAttempt: attempt)
                #expect(delay >= full / 2 && delay <= full, "attempt \(attempt): \(delay) s for a full \(full) s")
            }
        }
        // Three days of failures take about 150–300 attempts: retrying never stops.
        let threeDays = (1...300).reduce(0.0) { $0 + backoff.delay(afterAttempt: $1) }
        #expect(threeDays > 3 * 86_400 / 2)
        let noJitter = OutboxBackoff(first: 1, maximum: 8, jitter: 0)
        #expect((1...6).map { noJitter.delay(afterAttempt: $0) } == [1, 2, 4, 8, 8, 8])
    }
}

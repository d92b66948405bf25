import Foundation
import Logging
import OneWindowApp
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

/// While the figures load after a start, a request for them waits without a thread: it is
/// answered by the loader when the load ends, or refused once its deadline has passed.
@Suite("Metrics while loading", .timeLimit(.minutes(1)))
struct MetricsLoadingTests {
    @Test("a request during the load is answered when the load ends; one past its deadline is refused")
    func answeredWhenLoaded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("onewindow.sqlite"))
        let metrics = MetricsService()
        let release = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        metrics.beforeLoad.withLock {
            $0 = {
                entered.signal()
                _ = release.wait(timeout: .now() + 30)
            }
        }
        metrics.load(from: storage, logger: .init(label: "test"))
        #expect(entered.wait(timeout: .now() + 10) == .success, "the load started and is held")
        let answers = Mutex<[String: Bool]>([:])
        let done = DispatchSemaphore(value: 0)
        metrics.whenLoaded(deadline: Date().addingTimeInterval(60)) { loaded in
            answers.withLock { $0["patient"] = loaded }
            done.signal()
        }
        metrics.whenLoaded(deadline: Date()) { loaded in
            answers.withLock { $0["late"] = loaded }
            done.signal()
        }
        #expect(!metrics.isLoaded)
        #expect(answers.withLock { $0.isEmpty }, "nothing is answered while the load is held")
        release.signal()
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(answers.withLock { $0 } == ["patient": true, "late": false])
        #expect(metrics.isLoaded)
        let after = Mutex<Bool?>(nil)
        metrics.whenLoaded(deadline: Date()) { loaded in after.withLock { $0 = loaded } }
        #expect(after.withLock { $0 } == true, "once loaded, at once and on the caller's thread")
    }
}

import Foundation
import Logging
import OneWindowApp
import OneWindowTesting
import Testing

@testable import OneWindowCity

/// `CitySessionStore` on its own: what one city service stores, another reads back whole.
@Suite("The city's session store", .serialized, .timeLimit(.minutes(2)))
struct CitySessionStoreTests {
    static func calls() -> CityBlockingCalls {
        CityBlockingCalls(logger: Logger(label: "onewindow.city.test"), clock: { Date() })
    }

    @Test("a session stored by one city service reads back on another field by field, its CSRF token included")
    func roundTrip() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let second = try SecondCityService(city)
        defer { second.stop() }
        let storeA = CitySessionStore(store: city.application.store, calls: Self.calls())
        let storeB = CitySessionStore(store: second.application.store, calls: Self.calls())
        let now = Date(timeIntervalSince1970: 1_796_000_000.25)
        let session = ManageSessions.Session(
            tokenHash: String(repeating: "a", count: 64), device: "city-office",
            expires: now.addingTimeInterval(8 * 3600), csrf: "csrf-token-0123456789")
        try storeA.insert(session, key: "key-1", now: now, limit: 200)
        #expect(try storeB.session(key: "key-1", now: now) == session)
        #expect(try storeB.session(key: "key-1", now: now.addingTimeInterval(8 * 3600)) == nil, "expired")
        try storeB.remove(key: "key-1")
        #expect(try storeA.session(key: "key-1", now: now) == nil)
    }

    @Test("past the limit, storing a session drops the ones that expire first; expired ones go first")
    func limit() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let store = CitySessionStore(store: city.application.store, calls: Self.calls())
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        func session(_ hours: Double) -> ManageSessions.Session {
            ManageSessions.Session(
                tokenHash: "t", device: "d", expires: now.addingTimeInterval(hours * 3600), csrf: "c")
        }
        try store.insert(session(-1), key: "expired", now: now.addingTimeInterval(-7200), limit: 3)
        try store.insert(session(1), key: "first", now: now, limit: 3)
        try store.insert(session(2), key: "second", now: now, limit: 3)
        #expect(try store.session(key: "expired", now: now.addingTimeInterval(-7200)) == nil, "dropped as expired")
        try store.insert(session(3), key: "third", now: now, limit: 3)
        try store.insert(session(4), key: "fourth", now: now, limit: 3)
        #expect(try store.session(key: "first", now: now) == nil, "the one that expires first made room")
        for key in ["second", "third", "fourth"] { #expect(try store.session(key: key, now: now) != nil, "\(key)") }
    }

    @Test(
        "with PostgreSQL stopped, one call waits for it; the others answer 503 at once for a second, then one tries again"
    )
    func outagePause() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_796_000_000))
        let city = try CityHarness(clock: clock.read)
        defer { city.stop() }
        let calls = city.application.blockingCalls
        let before = calls.attempted
        city.cluster.stop(immediately: true)
        for _ in 0..<4 {
            #expect(try city.metrics("from=2026-11-01&to=2026-11-02").status == 503)
            #expect(try CityPageTests.signIn(city, city.reader).0.status == 503)
        }
        #expect(calls.attempted == before + 1, "only the first call waited for PostgreSQL")
        clock.advance(CityBlockingCalls.pause + 0.5)
        #expect(try city.metrics("from=2026-11-01&to=2026-11-02").status == 503)
        #expect(calls.attempted == before + 2, "after the pause one call tries again")
        try city.cluster.start()
        clock.advance(CityBlockingCalls.pause + 0.5)
        #expect(try city.metrics("from=2026-11-01&to=2026-11-02").status == 200)
    }
}

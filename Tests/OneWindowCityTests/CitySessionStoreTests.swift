import Foundation
import Logging
import OneWindowApp
import Testing

@testable import OneWindowCity

/// `CitySessionStore` on its own: what one city service stores, another reads back whole.
@Suite("The city's session store", .serialized, .timeLimit(.minutes(2)))
struct CitySessionStoreTests {
    @Test("a session stored by one city service reads back on another field by field, its CSRF token included")
    func roundTrip() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let second = try SecondCityService(city)
        defer { second.stop() }
        let logger = Logger(label: "onewindow.city.test")
        let storeA = CitySessionStore(store: city.application.store, logger: logger)
        let storeB = CitySessionStore(store: second.application.store, logger: logger)
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
        let store = CitySessionStore(store: city.application.store, logger: Logger(label: "onewindow.city.test"))
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
}

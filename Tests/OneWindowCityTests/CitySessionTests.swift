import Foundation
import OneWindowApp
import OneWindowCity
import OneWindowTesting
import Testing

/// `/city`'s sessions live in PostgreSQL: several city services behind one load balancer need
/// no sticky sessions.
@Suite("The city's sessions across city services", .serialized, .timeLimit(.minutes(3)))
struct CitySessionTests {
    @Test(
        "a session opened on one city service reads /city on another, and a sign-out on the second ends it on the first"
    )
    func acrossServices() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let second = try SecondCityService(city)
        defer { second.stop() }
        let (response, cookie) = try CityPageTests.signIn(city, city.reader)
        #expect(response.status == 303)
        let session = try #require(cookie)
        let onB = try second.client.get("/city", headers: ["Cookie": session])
        #expect(onB.status == 200)
        #expect(onB.text.contains("已登录：city-office"), "\(onB.text)")
        let out = try second.client.send("POST", "/city/sign-out", headers: ["Cookie": session])
        #expect(out.status == 303)
        let onA = try city.client.get("/city", headers: ["Cookie": session])
        #expect(onA.text.contains("action=\"/city/sign-in\""), "signed out on B, A must refuse: \(onA.text)")
        #expect(!onA.text.contains("已登录"))
    }

    @Test("a session expires after 8 hours by the city's clock, on every city service")
    func expiry() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_796_000_000))
        let city = try CityHarness(clock: clock.read)
        defer { city.stop() }
        let second = try SecondCityService(city, clock: clock.read)
        defer { second.stop() }
        let session = try #require(try CityPageTests.signIn(city, city.reader).1)
        clock.advance(8 * 3600 - 60)
        #expect(try second.client.get("/city", headers: ["Cookie": session]).text.contains("已登录"))
        clock.advance(120)
        for client in [city.client, second.client] {
            let page = try client.get("/city", headers: ["Cookie": session])
            #expect(page.text.contains("action=\"/city/sign-in\""), "expired: \(page.text)")
        }
    }

    @Test("PostgreSQL keeps only the SHA-256 of a session id, never the cookie's value")
    func onlyHashStored() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let cookie = try #require(try CityPageTests.signIn(city, city.reader).1)
        let id = String(cookie.dropFirst("ow_city=".count))
        let store = city.application.store
        let stored = try CityDatabase.wait { try await store.storedSessions() }
        #expect(stored.count == 1)
        #expect(stored.first?.session != id)
        #expect(stored.first?.session == DeviceTokens.hash(id))
        #expect(stored.first?.token == DeviceTokens.hash(city.reader))
    }

    @Test("with PostgreSQL stopped, sign-in answers a 503 page without a cookie, and nothing is stored")
    func signInDatabaseDown() throws {
        let city = try CityHarness()
        defer { city.stop() }
        city.cluster.stop(immediately: true)
        let (response, cookie) = try CityPageTests.signIn(city, city.reader)
        #expect(response.status == 503)
        #expect(response.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(response.text.contains("暂时无法登录"), "\(response.text)")
        #expect(response.headers["retry-after"] != nil)
        #expect(cookie == nil)
        try city.cluster.start()
        let store = city.application.store
        let stored = try CityDatabase.wait(timeout: 30) { try await store.storedSessions() }
        #expect(stored.isEmpty, "a failed sign-in wrote \(stored)")
        // A database down is not a wrong token: the reader is not throttled for it.
        for _ in 0..<5 {
            #expect(try CityPageTests.signIn(city, city.reader).0.status == 303)
        }
    }

    @Test("a session PostgreSQL refuses to store answers sign-in with a 503 page, no cookie, and nothing stored")
    func sessionWriteRefused() throws {
        let city = try CityHarness()
        defer { city.stop() }
        // The token is checked (PostgreSQL answers), then the session's INSERT fails.
        try city.cluster.psql(
            "ALTER TABLE city_session ADD CONSTRAINT refuse_all CHECK (false) NOT VALID",
            database: city.location.database)
        let (response, cookie) = try CityPageTests.signIn(city, city.reader)
        #expect(response.status == 503)
        #expect(response.text.contains("暂时无法登录"), "\(response.text)")
        #expect(cookie == nil)
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.storedSessions() }.isEmpty)
        try city.cluster.psql("ALTER TABLE city_session DROP CONSTRAINT refuse_all", database: city.location.database)
        #expect(try CityPageTests.signIn(city, city.reader).0.status == 303)
        #expect(try CityDatabase.wait { try await store.storedSessions() }.count == 1)
    }

    @Test("failed sign-ins are counted for all city services together: five spread over two, then both answer 429")
    func throttleAcrossServices() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let second = try SecondCityService(city)
        defer { second.stop() }
        for client in [city.client, second.client, city.client, second.client, city.client] {
            #expect(try citySignIn(client, "reader-token-guess").0.status == 401)
        }
        for client in [second.client, city.client] {
            let (throttled, cookie) = try citySignIn(client, city.reader)
            #expect(throttled.status == 429, "even the right token waits after five failures on any service")
            #expect(Int(throttled.headers["retry-after"] ?? "") ?? 0 > 0)
            #expect(cookie == nil)
        }
    }

    @Test("with PostgreSQL stopped, sign-out answers 503 and the session is still there once it is back")
    func signOutDatabaseDown() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let session = try #require(try CityPageTests.signIn(city, city.reader).1)
        city.cluster.stop(immediately: true)
        let out = try city.client.send("POST", "/city/sign-out", headers: ["Cookie": session])
        #expect(out.status == 503)
        #expect(out.headers["set-cookie"] == nil)
        try city.cluster.start()
        let store = city.application.store
        let stored = try CityDatabase.wait(timeout: 30) { try await store.storedSessions() }
        #expect(stored.count == 1)
        #expect(try city.client.get("/city", headers: ["Cookie": session]).text.contains("已登录"))
    }
}

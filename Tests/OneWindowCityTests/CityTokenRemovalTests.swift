import Foundation
import OneWindowCity
import OneWindowTesting
import Testing

/// A token removed or replaced is refused by every running city service from the next request
/// on: the city looks tokens up in PostgreSQL on each request and caches none.
@Suite("Removing and replacing the city's tokens", .serialized, .timeLimit(.minutes(3)))
struct CityTokenRemovalTests {
    @Test("a removed reader's token is refused by both city services, and its /city sessions end on both")
    func readerRemoved() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let second = try SecondCityService(city)
        defer { second.stop() }
        let store = city.application.store
        try CityDatabase.wait { try await store.addReader(name: "district-office", token: "reader-token-district-42") }
        let bearer = ["Authorization": "Bearer reader-token-district-42"]
        let query = "/api/v1/city/metrics?from=2026-11-01&to=2026-11-02"
        for client in [city.client, second.client] { #expect(try client.get(query, headers: bearer).status == 200) }
        let session = try #require(try CityPageTests.signIn(city, "reader-token-district-42").1)
        #expect(try second.client.get("/city", headers: ["Cookie": session]).text.contains("已登录：district-office"))
        #expect(try CityDatabase.wait { try await store.removeReader(name: "district-office") })
        for client in [city.client, second.client] {
            let refused = try client.get(query, headers: bearer)
            #expect(refused.status == 401, "\(refused.text)")
            #expect(refused.errorCode == "unauthorized")
            let page = try client.get("/city", headers: ["Cookie": session])
            #expect(page.text.contains("action=\"/city/sign-in\""), "\(page.text)")
        }
        #expect(try citySignIn(second.client, "reader-token-district-42").0.status == 401)
        // The other reader is untouched.
        #expect(try second.client.get(query, headers: ["Authorization": "Bearer \(city.reader)"]).status == 200)
        #expect(try CityDatabase.wait { try await store.removeReader(name: "district-office") } == false)
    }

    @Test("a hall's replaced token is refused by both city services; the new one writes at once")
    func hallTokenReplaced() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let second = try SecondCityService(city)
        defer { second.stop() }
        let old = try city.addHall("xigang")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 3), token: old).status == 200)
        let store = city.application.store
        #expect(
            try CityDatabase.wait { try await store.replaceHallToken(id: "xigang", token: "hall-token-new-987654") })
        for client in [city.client, second.client] {
            let refused = try client.send(
                "POST", "/api/v1/halls/xigang/events",
                headers: ["Authorization": "Bearer \(old)", "Content-Type": "application/json"],
                body: try JSONEncoder().encode(issuedBatch(after: 3, first: 4, count: 1)))
            #expect(refused.status == 401, "\(refused.text)")
        }
        let fresh = try second.client.send(
            "POST", "/api/v1/halls/xigang/events",
            headers: ["Authorization": "Bearer hall-token-new-987654", "Content-Type": "application/json"],
            body: try JSONEncoder().encode(issuedBatch(after: 3, first: 4, count: 1)))
        #expect(fresh.status == 200, "\(fresh.text)")
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") } == (4, 4))
        #expect(
            try CityDatabase.wait { try await store.replaceHallToken(id: "nowhere", token: "x-0123456789") } == false)
    }

    @Test("a hall added while the city services run is accepted by both at once")
    func hallAddedWhileRunning() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let second = try SecondCityService(city)
        defer { second.stop() }
        // Both services have looked up an unknown token before the hall exists.
        #expect(
            try second.client.get("/api/v1/city/metrics", headers: ["Authorization": "Bearer nobody"]).status == 401)
        let token = try city.addHall("ganjingzi")
        let response = try second.client.send(
            "POST", "/api/v1/halls/ganjingzi/events",
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
            body: try JSONEncoder().encode(issuedBatch(after: 0, first: 1, count: 2)))
        #expect(response.status == 200, "\(response.text)")
    }

    @Test("with PostgreSQL stopped, a token cannot be checked: 503, not 401")
    func databaseDown() throws {
        let city = try CityHarness()
        defer { city.stop() }
        city.cluster.stop(immediately: true)
        let response = try city.metrics("from=2026-11-01&to=2026-11-02")
        #expect(response.status == 503)
        #expect(response.errorCode == "database_unavailable")
    }
}

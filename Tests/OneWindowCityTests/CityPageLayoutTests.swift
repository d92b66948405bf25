import Foundation
import OneWindowCity
import OneWindowTesting
import Testing

/// The city's pages stay readable with many halls: the city's sum first, long lists folded.
@Suite("The city's pages with many halls", .serialized, .timeLimit(.minutes(3)))
struct CityPageLayoutTests {
    @Test(
        "/city shows the city's sum above the halls and folds each hall's overdue reviews; /disclosure folds the halls")
    func folded() throws {
        let (hall, city) = try CityFiguresPageTests.scriptedCity(laterDays: 40)
        defer {
            city.stop()
            hall.stop()
        }
        let session = try #require(try CityPageTests.signIn(city, city.reader).1)
        let page = try city.client.get("/city?from=2026-11-02&to=2026-11-08", headers: ["Cookie": session]).text
        let total = try #require(page.range(of: "<tr class=\"total\">"), "\(page)")
        let firstHall = try #require(page.range(of: "<tr data-hall="), "\(page)")
        #expect(total.lowerBound < firstHall.lowerBound, "the city's sum comes first")
        #expect(page.contains("<details class=\"hall\"><summary>大厅 xigang："), "\(page)")
        let disclosure = try city.client.get("/disclosure").text
        let folded = try #require(disclosure.range(of: "<details class=\"halls\"><summary>各大厅（2 个）</summary>"))
        let xigang = try #require(disclosure.range(of: "<h3>大厅 xigang</h3>"))
        #expect(folded.lowerBound < xigang.lowerBound, "\(disclosure)")
    }
}

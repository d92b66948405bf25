import Foundation
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

/// Not a check: writes `/city` and `/disclosure` of a city of `ONEWINDOW_CITY_SHOTS_HALLS` halls
/// (200 by default; each the scripted week's events) to the folder `ONEWINDOW_CITY_SHOTS` names,
/// for a person to look at in a browser at phone and desktop widths. Runs only when asked.
@Suite("City pages to look at", .serialized, .timeLimit(.minutes(20)))
struct CityPageShotsTests {
    @Test(
        "writes /city and /disclosure of a city of many halls",
        .enabled(if: ProcessInfo.processInfo.environment["ONEWINDOW_CITY_SHOTS"] != nil))
    func write() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = try #require(environment["ONEWINDOW_CITY_SHOTS"])
        let count = environment["ONEWINDOW_CITY_SHOTS_HALLS"].flatMap(Int.init) ?? 200
        let (hall, city) = try CityFiguresPageTests.scriptedCity(laterDays: 20)
        defer {
            city.stop()
            hall.stop()
        }
        let districts = ["中山区", "西岗区", "沙河口区", "甘井子区", "旅顺口区", "金州区", "普兰店区", "瓦房店市", "庄河市", "长海县"]
        for index in 0..<count {
            let id = String(format: "hall-%03d", index)
            let name = "大连市\(districts[index % districts.count])第\(index + 1)政务服务中心（综合窗口分厅）"
            let token = "hall-token-\(id)-0123456789"
            let store = city.application.store
            try CityDatabase.wait { try await store.addHall(id: id, name: name, token: token) }
            try CityEqualityTests.send(hall, to: city, hallId: id, token: token, batch: 2_000)
        }
        let session = try #require(try CityPageTests.signIn(city, city.reader).1)
        let page = try city.client.get("/city?from=2026-11-01&to=2026-11-30", headers: ["Cookie": session])
        #expect(page.status == 200)
        try page.body.write(to: URL(fileURLWithPath: "\(folder)/city.html"))
        let disclosure = try city.client.get("/disclosure")
        try disclosure.body.write(to: URL(fileURLWithPath: "\(folder)/disclosure.html"))
        let signIn = try city.client.get("/city")
        try signIn.body.write(to: URL(fileURLWithPath: "\(folder)/sign-in.html"))
        print("city.html \(page.body.count) bytes, disclosure.html \(disclosure.body.count) bytes")
    }
}

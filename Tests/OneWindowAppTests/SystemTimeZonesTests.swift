import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

@testable import OneWindowApp

/// The daemon reads its hall's time zone from the system's tzdata, not through ICU.
@Suite("Time zones from the system's tzdata", .timeLimit(.minutes(2)))
struct SystemTimeZonesTests {
    @Test("a started daemon's hall calendar reads Asia/Shanghai's TZif file, and days still turn at its midnight")
    func daemonReadsTZif() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_881_540))  // 2026-11-28 23:59 in Shanghai
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.clock = { clock.read() } }
        defer { app.stop() }
        #expect(ZoneLibrary.hasSource)
        #expect(HallCalendar(timeZone: "Asia/Shanghai").readsTZif)
        #expect(try app.client.get("/api/v1/queue").json["day"] as? String == "2026-11-28")
        clock.advance(120)
        #expect(try app.client.get("/api/v1/queue").json["day"] as? String == "2026-11-29")
    }

    @Test("names that are not IANA identifiers read nothing: no path leaves the tzdata directory")
    func hostileNames() {
        for name in [
            "../../etc/passwd", "/etc/passwd", "Asia/../../etc/passwd", "", "Asia/", ".hidden", "Asia//Shanghai",
        ] {
            #expect(SystemTimeZones.read(name, in: "/usr/share/zoneinfo") == nil, "\(name)")
        }
        #expect(SystemTimeZones.read("Asia/Shanghai", in: "/usr/share/zoneinfo") != nil)
        #expect(SystemTimeZones.read("Etc/GMT-8", in: "/usr/share/zoneinfo") != nil)
        #expect(SystemTimeZones.read("Mars/Olympus_Mons", in: "/usr/share/zoneinfo") == nil)
    }

    @Test("a zone with no TZif file, or a file that is not TZif, falls back to Foundation's time zone")
    func fallback() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data("not a zone".utf8).write(to: URL(fileURLWithPath: directory.path("Broken")))
        #expect(SystemTimeZones.read("Broken", in: directory.url.path) != nil)
        #expect(throws: ZoneRulesError.self) {
            try ZoneRules(tzif: SystemTimeZones.read("Broken", in: directory.url.path)!)
        }
        SystemTimeZones.install()
        let unknown = HallCalendar(timeZone: "Mars/Olympus_Mons")
        #expect(!unknown.readsTZif)
        #expect(!HallCalendar.knows("Mars/Olympus_Mons"))
        // As before: an unknown zone (which the catalogue check refuses) counts as +08:00.
        #expect(unknown.day(of: Date(timeIntervalSince1970: 1_795_881_540)) == "2026-11-28")
    }
}

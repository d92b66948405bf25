import Foundation
import OneWindowCore
import Testing

/// `hall.appointments` in services.json: read with its defaults, refused with a path and a
/// reason when wrong.
@Suite("Appointment settings in the catalogue", .timeLimit(.minutes(2)))
struct AppointmentSettingsTests {
    static var good: [String: Any] {
        [
            "sessions": [["from": "09:00", "to": "11:30"], ["from": "13:30", "to": "16:30"]],
            "slotMinutes": 30, "capacity": ["A": 2, "B": 1],
        ]
    }

    @Test("a hall without appointments takes no bookings; the fixture has none")
    func absent() throws {
        let data = try catalogueData(setting: "hall.appointments", to: nil)
        #expect(try CatalogueLoader.load(data, file: "t.json").hall.appointments == nil)
    }

    @Test("the settings load, and every field left out takes its documented default")
    func defaults() throws {
        let data = try catalogueData(setting: "hall.appointments", to: Self.good)
        let settings = try #require(try CatalogueLoader.load(data, file: "t.json").hall.appointments)
        #expect(settings.slotStarts.count == 11)
        #expect(settings.capacity == ["A": 2, "B": 1])
        #expect(settings.daysAhead == 7 && settings.opensAt == ClockTime(hour: 8, minute: 0))
        #expect(settings.cancelMinutesBefore == 60 && settings.releaseDelayMinutes == 15)
        #expect(settings.checkInMinutesBefore == 30 && settings.checkInMinutesAfter == 15)
        #expect(settings.maxAppointmentsInRow == 2 && settings.walkInWaitMinutes == 20)
        #expect(settings.limits == BookingLimits())
        #expect(settings.limits.perPhone == 3 && settings.limits.codeMinutes == 5 && settings.limits.codeTries == 5)
    }

    @Test("given fields override the defaults")
    func overrides() throws {
        var document = Self.good
        document["daysAhead"] = 14
        document["opensAt"] = "20:00"
        document["limits"] = ["perPhone": 2, "banDays": 7]
        let data = try catalogueData(setting: "hall.appointments", to: document)
        let settings = try #require(try CatalogueLoader.load(data, file: "t.json").hall.appointments)
        #expect(settings.daysAhead == 14 && settings.opensAt.description == "20:00")
        #expect(
            settings.limits.perPhone == 2 && settings.limits.banDays == 7 && settings.limits.perPhonePerService == 1)
    }

    @Test(
        "wrong settings are refused at their place, with the reason",
        arguments: [
            ("sessions[0].from", "9:00", "hall.appointments.sessions[0].from", "HH:mm"),
            ("sessions[1].from", "11:00", "hall.appointments.sessions", "not overlap"),
            ("sessions[0].to", "08:00", "hall.appointments.sessions[0]", "end after it starts"),
            ("slotMinutes", 300, "hall.appointments.slotMinutes", "from 5 to 240"),
            ("capacity.a", 2, "hall.appointments.capacity.a", "queue letter"),
            ("capacity.A", 0, "hall.appointments.capacity.A", "from 1 to 1000"),
            ("daysAhead", -1, "hall.appointments.daysAhead", "from 0 to 90"),
            ("limits.perPhone", "3", "hall.appointments.limits.perPhone", "whole number"),
            ("slots", 3, "hall.appointments.slots", "unknown field"),
        ] as [(String, any Sendable, String, String)])
    func refused(field: String, value: any Sendable, path: String, reason: String) throws {
        var document = Self.good
        var sessions = document["sessions"] as! [[String: String]]
        var capacity = document["capacity"] as! [String: Int]
        let parts = field.split(separator: ".").map(String.init)
        switch parts[0] {
        case "sessions[0]": sessions[0][parts[1]] = value as? String
        case "sessions[1]": sessions[1][parts[1]] = value as? String
        case "capacity": capacity[parts[1]] = value as? Int
        case "limits": document["limits"] = [parts[1]: value]
        default: document[field] = value
        }
        document["sessions"] = sessions
        document["capacity"] = capacity
        let found = issues(loading: try catalogueData(setting: "hall.appointments", to: document))
        #expect(found.contains { $0.path == path && $0.reason.contains(reason) }, "got \(found)")
    }
}

import Foundation
import Testing

@testable import OneWindowCore

/// `channels`: how they are written, what the hall does without a hall channel, what `check`
/// says about windows and guide texts that disagree with them, and the promise rate measured
/// against the hall's promise.
@Suite("Channels", .timeLimit(.minutes(2)))
struct ChannelsTests {
    @Test("the catalogue reads the hall, office and online channels, each with its promise")
    func loading() throws {
        let hall = try CatalogueLoader.load(
            try catalogueData(setting: "services[0].channels", to: ["hall": ["visitsPromised": 2]]), file: "t")
        #expect(hall.services[0].channels == .hall(2))
        #expect(hall.services[0].visitsPromised == VisitsPromised(online: nil, hall: 2))
        let all = try CatalogueLoader.load(
            try catalogueData(
                setting: "services[1].channels",
                to: [
                    "hall": ["visitsPromised": 1], "office": ["place": "户籍所在地街道办事处"],
                    "online": ["visitsPromised": 0, "url": "https://example.org/apply"],
                ]), file: "t")
        let channels = all.services[1].channels
        #expect(channels.office == OfficeChannel(place: "户籍所在地街道办事处"))
        #expect(channels.online == OnlineChannel(visitsPromised: 0, url: "https://example.org/apply"))
        #expect(all.services[1].onlineUrl == "https://example.org/apply")
        #expect(all.services[1].visitsPromised == VisitsPromised(online: 0, hall: 1))
    }

    @Test("channels naming none, an unknown channel, a number out of range or the old visitsPromised name the field")
    func badChannels() throws {
        func expect(_ value: Any, at path: String, _ reason: String, key: String = "channels") throws {
            let found = try issues(setting: "services[0].\(key)", to: value)
            #expect(found.contains { $0.path == path && $0.reason.contains(reason) }, "\(found)")
        }
        try expect([String: Int](), at: "services[0].channels", "names no channel")
        try expect(["hall": ["visitsPromised": 1], "phone": [:]], at: "services[0].channels.phone", "unknown field")
        try expect(["hall": ["visitsPromised": 3]], at: "services[0].channels.hall.visitsPromised", "from 0 to 2")
        try expect(["office": [:]], at: "services[0].channels.office.place", "required field is missing")
        try expect(
            ["hall": ["visitsPromised": 1], "online": ["visitsPromised": 0, "url": "www.example.org"]],
            at: "services[0].channels.online.url", "http:// or https://")
        try expect(1, at: "services[0].visitsPromised", "moved into the channels", key: "visitsPromised")
    }

    @Test("check fails on a window listing a service without a hall channel, naming the window and the service")
    func windowWithoutHallChannel() throws {
        // services[0] is T-HY-001, which the fixture's specialised window 2 lists.
        let found = try issues(
            setting: "services[0].channels", to: ["office": ["place": "户籍所在地街道办事处"]])
        #expect(
            found.contains { $0.path == "hall.windows[1].services[0]" && $0.reason.contains("has no hall channel") },
            "\(found)")
    }

    @Test("check fails on a hall channel that no window takes")
    func hallChannelWithoutWindow() throws {
        let found = try issues(
            setting: "hall.windows",
            to: [["id": "9", "name": "9号窗口", "kind": "specialised", "services": ["T-HY-001"]]])
        #expect(
            found.contains { $0.path == "services[1].channels.hall" && $0.reason.contains("no window takes it") },
            "\(found)")
    }

    @Test("a guide whose place, online flag or texts disagree with its channels is refused")
    func guideAgreesWithChannels() throws {
        let online = try issues(setting: "services[0].online.available", to: true)
        #expect(online.contains { $0.path == "services[0].channels" && $0.reason.contains("no online channel") })
        func place(_ place: String, office: String) throws -> [CatalogueIssue] {
            let data = try catalogueData(setting: "services[2].channels", to: ["office": ["place": office]])
            let document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            var services = document["services"] as! [[String: Any]]
            services[2]["place"] = place
            return issues(
                loading: try JSONSerialization.data(withJSONObject: ["hall": document["hall"]!, "services": services]))
        }
        let otherOffice = try place("户籍所在地社区居委会", office: "户籍所在地街道办事处")
        #expect(otherOffice.contains { $0.path == "services[2].place" && $0.reason.contains("must name the office") })
        let hall = try place("殡仪馆，或本大厅综合窗口", office: "殡仪馆")
        #expect(hall.contains { $0.path == "services[2].place" && $0.reason.contains("names the hall") }, "\(hall)")
        #expect(try place("承办火化的殡仪馆", office: "承办火化的殡仪馆").isEmpty)
        let trips = try issues(setting: "services[0].conditions[0]", to: "本事项零跑动")
        #expect(trips.contains { $0.path == "services[0].conditions[0]" && $0.reason.contains("promise of trips") })
    }

    static func catalogue(_ promise: VisitsPromised) -> Catalogue {
        let base = HallQueueTests.catalogue
        var services = base.services
        // services[1] is S2.
        services[1].channels = Channels(
            hall: promise.hall.map(HallChannel.init), online: promise.online.map { OnlineChannel(visitsPromised: $0) })
        return Catalogue(hall: base.hall, services: services)
    }

    @Test("a service without a hall promise takes no hall ticket, nor a transfer")
    func noHallPromise() throws {
        var queue = HallQueue(catalogue: Self.catalogue(VisitsPromised(online: 0, hall: nil)), day: "2026-11-28")
        let at = HallQueueTests.morning
        #expect(throws: QueueError.notReceivedInHall("最低生活保障")) {
            try queue.issue(id: "t1", serviceId: "S2", priority: false, actor: "kiosk", at: at)
        }
        let ticket = try queue.issue(id: "t2", serviceId: "S1", priority: false, actor: "kiosk", at: at)
        _ = try queue.callNext(window: "1", actor: "clerk", at: at)
        #expect(throws: QueueError.notReceivedInHall("最低生活保障")) {
            try queue.transfer(ticket: ticket.id, window: "1", to: "S2", actor: "clerk", at: at)
        }
    }

    @Test("a case at the hall is measured against the hall's promise, not the online one")
    func promiseRate() throws {
        var queue = HallQueue(catalogue: Self.catalogue(VisitsPromised(online: 0, hall: 1)), day: "2026-11-28")
        var at = HallQueueTests.morning
        var book = MetricsBook()
        var id: Int64 = 0
        let ticket = try queue.issue(id: "t1", serviceId: "S2", priority: false, actor: "kiosk", at: at)
        at += 60
        _ = try queue.callNext(window: "1", actor: "clerk", at: at)
        at += 60
        _ = try queue.complete(ticket: ticket.id, window: "1", outcome: .completed, actor: "clerk", at: at)
        let closed = queue.takeChanges().events  // every event since the issue
        #expect(EventDetail.parse(closed.first { $0.kind == .caseClosed }?.detail).promised == 1)
        for event in closed {
            id += 1
            book.apply(id: id, event)
        }
        let report = book.report(
            from: "2026-11-28", to: "2026-11-28", serviceId: "S2", catalogue: queue.catalogue, today: "2026-11-28")
        #expect(report.metrics.visitPromiseRate == 1, "one trip to the hall keeps the hall's promise of one")
    }
}

import Foundation
import Testing

@testable import OneWindowCore

/// `visitsPromised` per channel: how it is written, what the hall does without a hall promise,
/// and the promise rate measured against the hall's promise.
@Suite("Visits promised per channel", .timeLimit(.minutes(2)))
struct VisitsPromisedTests {
    @Test("the catalogue takes one integer as the hall's promise, or an object of channels")
    func loading() throws {
        let integer = try CatalogueLoader.load(
            try catalogueData(setting: "services[0].visitsPromised", to: 2), file: "t")
        #expect(integer.services[0].visitsPromised == VisitsPromised(online: nil, hall: 2))
        let channels = try CatalogueLoader.load(
            try catalogueData(setting: "services[0].visitsPromised", to: ["online": 0, "hall": 1]), file: "t")
        #expect(channels.services[0].visitsPromised == VisitsPromised(online: 0, hall: 1))
        let online = try CatalogueLoader.load(
            try catalogueData(setting: "services[0].visitsPromised", to: ["online": 0]), file: "t")
        #expect(online.services[0].visitsPromised.hall == nil)
    }

    @Test("a promise with no channel, an unknown channel or a number out of range names the field")
    func badPromises() throws {
        func expect(_ value: Any, at path: String, _ reason: String) throws {
            let found = try issues(setting: "services[0].visitsPromised", to: value)
            #expect(found.contains { $0.path == path && $0.reason.contains(reason) }, "\(found)")
        }
        try expect([String: Int](), at: "services[0].visitsPromised", "names no channel")
        try expect(["hall": 1, "phone": 0], at: "services[0].visitsPromised.phone", "unknown field")
        try expect(["hall": 3], at: "services[0].visitsPromised.hall", "must be from 0 to 2, found 3")
        try expect(["online": "0"], at: "services[0].visitsPromised.online", "expected a whole number")
        try expect("1", at: "services[0].visitsPromised", "a whole number or an object of channels")
    }

    static func catalogue(_ promise: VisitsPromised) -> Catalogue {
        let base = HallQueueTests.catalogue
        var services = base.services
        services[1].visitsPromised = promise  // S2
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

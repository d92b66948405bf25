import Foundation
import OneWindowKiosk

/// A small hall for the screen tests: individuals' and organisations' services, a guide with
/// material ids, and a ticket that belongs to a case.
enum KioskSamples {
    static let now = Date(timeIntervalSince1970: 1_795_914_000)  // 2026-11-29 09:00 in Shanghai

    static let hall = HallInfo(
        name: "测试政务服务大厅",
        windows: [
            WindowInfo(id: "1", name: "1号综合窗口"),
            WindowInfo(id: "2", name: "2号婚姻登记窗口", kind: "specialised", services: ["T-HY-001"]),
        ])

    static let services = [
        ServiceSummary(
            id: "T-HY-001", name: "内地居民结婚登记", nameEn: "Marriage registration", category: "婚姻登记", queuePrefix: "A"),
        ServiceSummary(id: "T-HY-002", name: "内地居民离婚登记", category: "婚姻登记", queuePrefix: "A"),
        ServiceSummary(id: "T-JZ-001", name: "最低生活保障", category: "社会救助", queuePrefix: "C"),
        ServiceSummary(id: "T-SZ-001", name: "社会团体成立登记", category: "社会组织登记", queuePrefix: "B"),
    ]

    static let guide = ServiceGuide(
        id: "T-HY-001", name: "内地居民结婚登记", category: "婚姻登记",
        materials: [
            .init(id: "m1", name: "居民身份证", form: "original", copies: 1, required: true),
            .init(id: "m2", name: "户口簿", form: "original", copies: 1, required: true),
            .init(id: "m3", name: "近期半身免冠合影照片", form: "original", copies: 3, required: true),
        ], promisedDays: 0, queuePrefix: "A")

    static let ticket = TicketInfo(
        id: "0193a1b2-0000-7000-8000-000000000001", number: "A012", serviceId: "T-HY-001", serviceName: "内地居民结婚登记",
        ahead: 3, estimatedWaitSeconds: 540, estimatedWaitMinutes: 9, issuedAt: "2026-11-29T01:00:00Z",
        caseId: "C20261129-0007", visit: 1, evaluationCode: "402817")

    static let openCase = CaseInfo(
        id: "C20261128-0003", serviceId: "T-HY-001", serviceName: "内地居民结婚登记", state: "open",
        visits: [
            .init(
                ticketId: "t-1", number: "A005", hallDay: "2026-11-28", status: "completed", outcome: "needs_more",
                window: "2", missingMaterials: [.init(id: "m2", name: "户口簿")])
        ])

    /// A kiosk with the catalogue loaded and a fixed key for its tickets.
    static func kiosk(idleTimeout: Double = 60) -> ApplicantKiosk {
        var kiosk = ApplicantKiosk(settings: .init(idleTimeout: idleTimeout)) { "key-1" }
        _ = kiosk.start(now: now)
        _ = kiosk.receive(.catalogue(hall, services), now: now)
        return kiosk
    }
}

extension TerminalProgram {
    /// Types each character as a key.
    mutating func type(_ keys: String, now: Date = KioskSamples.now) -> [Effect] {
        keys.flatMap { handle(.text($0), now: now) }
    }

    func screen(_ width: Int = 80, _ height: Int = 24, now: Date = KioskSamples.now) -> String {
        frame(width: width, height: height, now: now).text
    }
}

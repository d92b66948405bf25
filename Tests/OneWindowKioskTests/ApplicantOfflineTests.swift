import Foundation
import OneWindowKiosk
import Testing

@Suite("Applicant kiosk: the daemon down, and services the hall does not take", .timeLimit(.minutes(2)))
struct ApplicantOfflineTests {
    static let down = DaemonError.unreachable("connection refused")

    @Test("with the daemon down the catalogue still browses, a guide seen before still shows, and tickets go to 咨询台")
    func browsesOffline() {
        var kiosk = KioskSamples.kiosk()
        #expect(kiosk.type("111") == [.loadGuide(serviceId: "T-HY-001")])
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(KioskSamples.guide)), now: KioskSamples.now)
        _ = kiosk.handle(.home, now: KioskSamples.now)
        // The daemon goes away: a guide never loaded brings the list back, with where to go.
        _ = kiosk.type("11")
        #expect(kiosk.type("2") == [.loadGuide(serviceId: "T-HY-002")])
        _ = kiosk.receive(.guide(serviceId: "T-HY-002", .failure(Self.down)), now: KioskSamples.now)
        var screen = kiosk.screen()
        #expect(screen.contains("婚姻登记：请选择事项"), "\(screen)")
        #expect(screen.contains("暂时无法连接服务器，仍可浏览事项；取号和咨询请到咨询台"))
        // The guide loaded before still shows, marked as such.
        _ = kiosk.type("1")
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .failure(Self.down)), now: KioskSamples.now)
        screen = kiosk.screen()
        #expect(screen.contains("取号前请核对，带齐以下材料："), "\(screen)")
        #expect(screen.contains("显示的是之前加载的指南；取号请到咨询台"))
        // A ticket that cannot be issued says where to get one.
        _ = kiosk.type("11")
        _ = kiosk.receive(.issued(key: "key-1", .failure(Self.down)), now: KioskSamples.now)
        #expect(kiosk.screen().contains("取号和咨询请到咨询台"), "\(kiosk.screen())")
        #expect(kiosk.screen().contains("1  再试一次"))
    }

    @Test("a guide without a hall promise shows where to go instead and offers no ticket")
    func notInHall() {
        var kiosk = KioskSamples.kiosk()
        var guide = KioskSamples.guide
        guide.channels = Channels(
            office: .init(place: "户籍所在地街道办事处（乡镇人民政府）"), online: .init(visitsPromised: 0, url: "https://zwfw.example.cn")
        )
        guide.place = "户籍所在地街道办事处（乡镇人民政府）；或线上办理"
        _ = kiosk.type("111")
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(guide)), now: KioskSamples.now)
        let screen = kiosk.screen()
        #expect(screen.contains("本大厅不受理此事项，不能在此取号"), "\(screen)")
        #expect(screen.contains("请到：户籍所在地街道办事处（乡镇人民政府）\n"), "the channel's place, not the guide's text")
        #expect(screen.contains("也可网上办理，最多跑 0 次：https://zwfw.example.cn"))
        #expect(!screen.contains("我已备齐") && !screen.contains("最多跑："))
        #expect(kiosk.type("1").isEmpty)
        #expect(!kiosk.screen().contains("是否需要优先办理？"))
    }

    @Test("a 409 service_not_in_hall turns the ticket screen into where to go")
    func notInHallAnswer() {
        var kiosk = KioskSamples.kiosk()
        var guide = KioskSamples.guide
        guide.place = "区殡仪馆"
        _ = kiosk.type("111")
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(guide)), now: KioskSamples.now)
        _ = kiosk.type("11")
        let refused = DaemonError.rejected(status: 409, code: "service_not_in_hall", message: "not in the hall")
        _ = kiosk.receive(.issued(key: "key-1", .failure(refused)), now: KioskSamples.now)
        let screen = kiosk.screen()
        #expect(screen.contains("本大厅不受理此事项，不能在此取号"), "\(screen)")
        #expect(screen.contains("请到：区殡仪馆"))
        #expect(!screen.contains("再试一次"))
    }

    @Test(
        "with the catalogue the kiosk fetches every guide ahead, and shows one it never opened while the daemon is down"
    )
    func prefetched() {
        var kiosk = ApplicantKiosk { "key-1" }
        _ = kiosk.start(now: KioskSamples.now)
        let effects = kiosk.receive(.catalogue(KioskSamples.hall, KioskSamples.services), now: KioskSamples.now)
        #expect(effects == [.prefetchGuides(["T-HY-001", "T-HY-002", "T-JZ-001", "T-SZ-001"])])
        _ = kiosk.receive(.guideCached(ChecklistSamples.dibao), now: KioskSamples.now)
        _ = kiosk.type("121")
        _ = kiosk.receive(.guide(serviceId: "T-JZ-001", .failure(Self.down)), now: KioskSamples.now)
        #expect(kiosk.screen().contains("1. 最低生活保障书面申请（原件 1 份）"), "\(kiosk.screen())")
        #expect(kiosk.screen().contains("显示的是之前加载的指南"))
    }

    @Test("the list marks a service the hall does not take before it is opened")
    func listMark() {
        var kiosk = ApplicantKiosk { "key-1" }
        _ = kiosk.start(now: KioskSamples.now)
        var services = KioskSamples.services
        services[2].channels = Channels(office: .init(place: "社区"))
        services[0].channels = Channels(hall: .init(visitsPromised: 1))
        _ = kiosk.receive(.catalogue(KioskSamples.hall, services), now: KioskSamples.now)
        _ = kiosk.type("12")
        #expect(kiosk.screen().contains("1  最低生活保障（不在本大厅办理）"), "\(kiosk.screen())")
        _ = kiosk.handle(.escape, now: KioskSamples.now)
        _ = kiosk.type("1")
        #expect(kiosk.screen().contains("1  内地居民结婚登记\n"), "\(kiosk.screen())")
    }
}

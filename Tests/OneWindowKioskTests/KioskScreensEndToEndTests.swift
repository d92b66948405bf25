import Foundation
import OneWindowKiosk
import OneWindowTesting
import Testing

@Suite("End to end: the kiosk's screens at the hall's sizes", .serialized, .timeLimit(.minutes(3)))
struct KioskScreensEndToEndTests {
    @Test(
        "a 6-material return checklist pages at 90×17 and 60×40: missed ones first, 第 1/N 页, 我已备齐 only at the end",
        arguments: [(90, 17), (60, 40)])
    func returnChecklist(width: Int, height: Int) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let catalogue = folder.path("six.json")
        try SixMaterialCatalogue.write(to: catalogue)
        let hall = try HallUnderTest(catalogue: catalogue)
        defer { hall.stop() }
        let caseId = try hall.dibaoCaseMissingLastTwo()
        let kiosk = try hall.applicant(width: width, height: height)
        #expect(await kiosk.waitFor("1  个人办事"), "\(kiosk.screen)")
        kiosk.type("4" + caseId.filter(\.isNumber) + "\r")
        #expect(await kiosk.waitFor("办件 \(caseId)"), "\(kiosk.screen)")
        #expect(await kiosk.waitFor("· 【上次缺少】残疾证、病历等特殊情况证明"), "\(kiosk.screen)")
        let first = kiosk.screen
        let firstMaterial = first.split(separator: "\n").first { $0.contains("· ") }
        #expect(firstMaterial?.contains("【上次缺少】残疾证") == true, "\(first)")
        #expect(first.contains("【上次缺少】婚姻状况证明"), "\(first)")
        if height == 17 {
            #expect(first.contains("第 1/"), "\(first)")
            #expect(!first.contains("我已备齐"))
        }
        let seen = await kiosk.press("+", until: "1  我已备齐，取号续办").joined(separator: "\n")
        #expect(kiosk.screen.contains("1  我已备齐，取号续办"), "\(kiosk.screen)")
        for material in ChecklistSamples.dibao.materials {
            #expect(seen.contains(material.name), "\(material.name) never shown:\n\(seen)")
        }
        #expect(seen.contains("注：现场填写，无需事先准备"))
        kiosk.type("1")
        #expect(await kiosk.waitFor("是否需要优先办理？"))
        kiosk.type("1")
        #expect(await kiosk.waitFor("（第 2 次来办）"), "\(kiosk.screen)")
        #expect(kiosk.stop() == 0)
    }

    @Test("常见缺件提醒 from the daemon's own figures: a material missed at the first visit is marked on the checklist")
    func commonlyMissing() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let catalogue = folder.path("six.json")
        try SixMaterialCatalogue.write(to: catalogue)
        // One first visit is enough here, and the figure is not kept from before the visit.
        let hall = try HallUnderTest(
            catalogue: catalogue, daemonArguments: ["--missing-minimum", "1", "--public-seconds", "0"])
        defer { hall.stop() }
        _ = try hall.dibaoCaseMissingLastTwo()
        let kiosk = try hall.applicant(width: 90, height: 40)
        #expect(await kiosk.waitFor("1  个人办事"))
        kiosk.type("121")  // 个人办事 → 社会救助 → 最低生活保障
        #expect(await kiosk.waitFor("取号前请核对，带齐以下材料："), "\(kiosk.screen)")
        let screen = kiosk.screen
        #expect(screen.contains("婚姻状况证明（原件和复印件 1 份，如有）\n         近90天 100% 的申请人首次办理时缺少此项"), "\(screen)")
        #expect(screen.components(separatedBy: "首次办理时缺少此项").count == 3, "m5 and m6 only:\n\(screen)")
        #expect(kiosk.stop() == 0)
    }

    @Test("by touch alone: 搜索事项, J, H, the match, then 首页")
    func touchSearch() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        let kiosk = try hall.applicant(width: 60, height: 40)
        #expect(await kiosk.waitFor("3  搜索事项"))
        #expect(kiosk.tap("搜索事项"))
        #expect(await kiosk.waitFor("[J]"), "\(kiosk.screen)")
        kiosk.tap("[J]")
        #expect(await kiosk.waitFor("[ J_ ]"))
        kiosk.tap("[H]")
        #expect(await kiosk.waitFor("1  内地居民结婚登记"), "\(kiosk.screen)")
        kiosk.tap("内地居民结婚登记")
        #expect(await kiosk.waitFor("取号前请核对，带齐以下材料："), "\(kiosk.screen)")
        #expect(await kiosk.waitFor("最多跑：1 次"), "\(kiosk.screen)")
        kiosk.tap("[首页]")
        #expect(await kiosk.waitFor("欢迎！请选择您要办理的业务"), "\(kiosk.screen)")
        #expect(kiosk.stop() == 0)
    }

    @Test("with the daemon stopped the kiosk still browses, shows a guide it loaded, and sends tickets to 咨询台")
    func daemonDown() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        let kiosk = try hall.applicant()
        #expect(await kiosk.waitFor("1  个人办事"))
        // The kiosk fetches every guide behind the start screen: the test catalogue has three.
        let fetched = await Polling.eventually(timeoutSeconds: 15) {
            let metrics = (try? hall.daemon.client.send("GET", "/metrics").body).map {
                String(decoding: $0, as: UTF8.self)
            }
            let line = metrics?.split(separator: "\n").first {
                $0.hasPrefix(#"onewindow_http_requests_total{route="/api/v1/services/{id}",method="GET",status="200"}"#)
            }
            return line.flatMap { Int($0.split(separator: " ").last ?? "") }.map { $0 >= 3 } ?? false
        }
        #expect(fetched)
        hall.daemon.signal(SIGTERM)
        _ = hall.daemon.waitForExit()
        kiosk.type("12")
        #expect(await kiosk.waitFor("社会救助：请选择事项"), "\(kiosk.screen)")
        kiosk.type("1")  // 最低生活保障, never opened, fetched ahead
        #expect(await kiosk.waitFor("显示的是之前加载的指南；取号请到咨询台"), "\(kiosk.screen)")
        #expect(kiosk.screen.contains("取号前请核对，带齐以下材料："))
        kiosk.type("11")
        #expect(await kiosk.waitFor("也可到咨询台取号"), "\(kiosk.screen)")
        #expect(kiosk.stop() == 0)
    }

    @Test("a kiosk started while the daemon is down browses the catalogue and guides of its cache file")
    func restartWhileDown() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        let cache = hall.directory.path("kiosk-cache.json")
        let first = try hall.applicant(["--cache-file", cache])
        #expect(await first.waitFor("1  个人办事"))
        // Written once every guide has been fetched.
        #expect(await Polling.eventually(timeoutSeconds: 15) { CatalogueCache.load(cache)?.guides.count == 3 })
        #expect(first.stop() == 0)
        hall.daemon.signal(SIGTERM)
        _ = hall.daemon.waitForExit()
        let kiosk = try hall.applicant(["--cache-file", cache])
        #expect(await kiosk.waitFor("1  个人办事"), "\(kiosk.screen)")
        #expect(await kiosk.waitFor("取号和咨询请到咨询台"), "\(kiosk.screen)")
        kiosk.type("111")
        #expect(await kiosk.waitFor("显示的是之前加载的指南；取号请到咨询台"), "\(kiosk.screen)")
        #expect(kiosk.screen.contains("取号前请核对，带齐以下材料："))
        #expect(kiosk.stop() == 0)
    }

    @Test(
        "the rating pad of window 1 asks after its visit ends, asks why after a 2, and the daemon records channel pad")
    func pad() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        let database = hall.directory.path("onewindow.sqlite")
        let padFile = hall.directory.path("pad.token")
        try TestFiles.write(
            padFile,
            try DaemonTokens.create(role: "pad", name: "pad-1", database: database, window: "1"))
        let admin = try DaemonTokens.create(role: "admin", name: "admin-1", database: database)
        let pad = try KioskTerminal(
            ["pad", "--window", "1", "--daemon-url", hall.url, "--token-file", padFile], width: 80, height: 24)
        #expect(await pad.waitFor("办理结束后，请在这里为本次服务评价"), "\(pad.screen)")
        #expect(await pad.waitFor("1号综合窗口"), "\(pad.screen)")
        _ = try hall.dibaoCaseMissingLastTwo(missing: [])
        #expect(await pad.waitFor("C001 号 最低生活保障 办理结束"), "\(pad.screen)")
        #expect(pad.screen.contains("2  不满意"))
        pad.tap("2  不满意")
        #expect(await pad.waitFor("请选择不满意的原因"), "\(pad.screen)")
        pad.tap("一次性告知/材料要求")
        #expect(await pad.waitFor("3  [x] 一次性告知/材料要求"), "\(pad.screen)")
        pad.tap("[提交]")
        #expect(await pad.waitFor("感谢您的评价：不满意"), "\(pad.screen)")
        let list = try hall.daemon.client.send(
            "GET", "/api/v1/evaluations", headers: ["Authorization": "Bearer \(admin)"]
        ).json
        let evaluation = try #require((list["evaluations"] as? [[String: Any]])?.first, "\(list)")
        #expect(evaluation["channel"] as? String == "pad")
        #expect(evaluation["rating"] as? Int == 2)
        #expect(evaluation["reasons"] as? [String] == ["one_time_notice"])
        #expect(pad.stop() == 0)
    }
}

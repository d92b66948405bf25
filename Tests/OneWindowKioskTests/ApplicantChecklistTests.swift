import Foundation
import OneWindowKiosk
import Testing

/// 最低生活保障's six materials, with the guide's notes, and a case that missed the last two.
enum ChecklistSamples {
    static let dibao = ServiceGuide(
        id: "T-JZ-001", name: "最低生活保障", category: "社会救助",
        materials: [
            .init(id: "m1", name: "最低生活保障书面申请", form: "original", copies: 1, required: true, note: "现场填写，无需事先准备"),
            .init(id: "m2", name: "家庭成员的居民身份证、户口簿", form: "originalAndCopy", copies: 1, required: true),
            .init(id: "m3", name: "家庭经济状况核对授权书", form: "original", copies: 1, required: true, note: "共同生活的家庭成员均须签字"),
            .init(id: "m4", name: "家庭收入和财产状况申报", form: "original", copies: 1, required: true),
            .init(
                id: "m5", name: "残疾证、病历等特殊情况证明", nameEn: "Disability or medical certificates",
                form: "originalAndCopy", copies: 1, required: false, note: "家庭成员有残疾、重病等情况的提交"),
            .init(id: "m6", name: "婚姻状况证明", form: "originalAndCopy", copies: 1, required: false, note: "需说明家庭构成的提交"),
        ], promisedDays: 20, queuePrefix: "C")

    static let openCase = CaseInfo(
        id: "C20261128-0009", serviceId: "T-JZ-001", serviceName: "最低生活保障", state: "open",
        visits: [
            .init(
                ticketId: nil, number: "C003", hallDay: "2026-11-28", status: "completed", outcome: "needs_more",
                window: "1",
                missingMaterials: [.init(id: "m5", name: "残疾证、病历等特殊情况证明"), .init(id: "m6", name: "婚姻状况证明")])
        ])

    /// A kiosk at `width`×`height` showing the returning case.
    static func returning(width: Int, height: Int) -> ApplicantKiosk {
        var kiosk = KioskSamples.kiosk()
        kiosk.resize(width: width, height: height)
        _ = kiosk.type("4202611280009")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        let found = ApplicantMessage.CaseFound(caseInfo: openCase, guide: dibao)
        _ = kiosk.receive(.caseFound("C20261128-0009", .success(found)), now: KioskSamples.now)
        return kiosk
    }
}

@Suite("Applicant kiosk: checklists that page and never cut", .timeLimit(.minutes(2)))
struct ApplicantChecklistTests {
    @Test(
        "the return checklist shows the materials missing last time first, pages with 第 1/N 页, and offers 我已备齐 only on the last page",
        arguments: [(90, 17), (60, 40), (80, 24)])
    func returnChecklist(width: Int, height: Int) {
        var kiosk = ChecklistSamples.returning(width: width, height: height)
        let first = kiosk.screen(width, height)
        // The two missing last time lead, marked, whatever the size.
        let lines = first.split(separator: "\n").map(String.init)
        let firstMaterial = lines.firstIndex { $0.contains("· ") }!
        #expect(lines[firstMaterial].contains("· 【上次缺少】残疾证、病历等特殊情况证明"), "\(first)")
        #expect(first.contains("【上次缺少】婚姻状况证明"), "\(first)")
        var seen = first
        var pages = 1
        while !kiosk.screen(width, height).contains("1  我已备齐，取号续办") {
            let screen = kiosk.screen(width, height)
            #expect(screen.contains("第 \(pages)/"), "\(screen)")
            #expect(screen.contains("+  下一页，看其余材料"))
            // Choosing before the last page is refused, and says why.
            #expect(kiosk.type("1").isEmpty)
            #expect(kiosk.screen(width, height).contains("请先按 + 看完其余材料"))
            _ = kiosk.type("+")
            seen += kiosk.screen(width, height)
            pages += 1
            if pages > 8 { break }
        }
        if pages > 1 {
            #expect(kiosk.screen(width, height).contains("第 \(pages)/\(pages) 页"), "\(kiosk.screen(width, height))")
        }
        for material in ChecklistSamples.dibao.materials {
            #expect(seen.contains(material.name), "\(material.name) never shown at \(width)×\(height)")
        }
        #expect(seen.contains("注：现场填写，无需事先准备"))
        // A further + stays on the last page; 1 now takes the ticket for the case.
        _ = kiosk.type("+")
        #expect(kiosk.screen(width, height).contains("1  我已备齐，取号续办"))
        _ = kiosk.type("1")
        #expect(kiosk.screen(width, height).contains("是否需要优先办理？"))
    }

    @Test("at 90×17 the six materials take more than one page, and - goes back")
    func pagesAtSeventeenRows() {
        var kiosk = ChecklistSamples.returning(width: 90, height: 17)
        let first = kiosk.screen(90, 17)
        #expect(first.contains("第 1/"), "\(first)")
        #expect(!first.contains("我已备齐"))
        _ = kiosk.type("+")
        #expect(kiosk.screen(90, 17).contains("第 2/"))
        _ = kiosk.type("-")
        #expect(kiosk.screen(90, 17) == first)
    }

    @Test("the guide shows each material's note, and 最多跑：1 次 whole in portrait", arguments: [(60, 40), (90, 17)])
    func guideNotes(width: Int, height: Int) {
        var kiosk = KioskSamples.kiosk()
        kiosk.resize(width: width, height: height)
        _ = kiosk.type("12")  // 个人办事 → 社会救助 (second category)
        _ = kiosk.type("1")
        _ = kiosk.receive(.guide(serviceId: "T-JZ-001", .success(ChecklistSamples.dibao)), now: KioskSamples.now)
        let screen = kiosk.screen(width, height)
        #expect(screen.contains("最多跑：1 次"), "\(screen)")
        #expect(screen.contains("1. 最低生活保障书面申请（原件 1 份）"), "\(screen)")
        #expect(screen.contains("注：现场填写，无需事先准备"), "\(screen)")
    }

    @Test("English mode shows a material's English name where the catalogue has one, the Chinese one otherwise")
    func englishNames() {
        var kiosk = ChecklistSamples.returning(width: 120, height: 40)
        _ = kiosk.handle(.escape, now: KioskSamples.now)
        _ = kiosk.type("0")
        _ = kiosk.type("4202611280009")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        let found = ApplicantMessage.CaseFound(caseInfo: ChecklistSamples.openCase, guide: ChecklistSamples.dibao)
        _ = kiosk.receive(.caseFound("C20261128-0009", .success(found)), now: KioskSamples.now)
        let screen = kiosk.screen(120, 40)
        #expect(screen.contains("Disability or medical certificates (original and copy ×1, if any)"), "\(screen)")
        #expect(screen.contains("婚姻状况证明 (original and copy ×1, if any)"))
    }

    @Test("a long English service name as a heading wraps onto the row below instead of being cut")
    func longHeading() {
        var kiosk = KioskSamples.kiosk()
        kiosk.resize(width: 60, height: 40)
        _ = kiosk.type("0111")
        var guide = KioskSamples.guide
        guide.nameEn = "Living allowance for disabled people in need and care allowance"
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(guide)), now: KioskSamples.now)
        let screen = kiosk.screen(60, 40)
        #expect(screen.contains("  Living allowance for disabled people in need and care\n  allowance\n"), "\(screen)")
    }

    @Test("常见缺件提醒: a material often missing at first visits says so, only once the daemon shows it")
    func commonlyMissing() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("111")
        var guide = KioskSamples.guide
        guide.commonlyMissing = CommonlyMissing(
            days: 90, firstVisits: 25, shown: true, materials: [.init(materialId: "m2", share: 0.32)])
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(guide)), now: KioskSamples.now)
        let screen = kiosk.screen()
        #expect(screen.contains("2. 户口簿（原件 1 份）\n         近90天 32% 的申请人首次办理时缺少此项"), "\(screen)")
        #expect(screen.components(separatedBy: "首次办理时缺少此项").count == 2, "only the material that was missed")
        var few = KioskSamples.kiosk()
        _ = few.type("111")
        guide.commonlyMissing?.shown = false
        _ = few.receive(.guide(serviceId: "T-HY-001", .success(guide)), now: KioskSamples.now)
        #expect(!few.screen().contains("首次办理时缺少此项"))
    }
}

import OneWindowCore
import Testing

@testable import OneWindowApp

/// The per-service bars on `/manage`: a long service name is shortened, its open cases never.
@Suite("The manager page's charts", .timeLimit(.minutes(2)))
struct ManageChartTests {
    @Test("today's median wait tile says 样本不足 with the count below 10 calls, minutes from the 10th, — with none")
    func medianWaitTile() {
        #expect(ManagePage.medianWait(Distribution([:])) == "—")
        #expect(ManagePage.medianWait(Distribution([30: 4, 900: 5])) == "样本不足（9 人次）")
        #expect(ManagePage.medianWait(Distribution([30: 4, 900: 6])) == "15 分钟")
    }

    @Test("a long service name is cut, and the open count after it still shows whole")
    func openCountKept() {
        let svg = ManageChart.bars(
            id: "c", title: "t", summary: "s",
            rows: [("城乡居民最低生活保障金申请审核（23 件仍在办）", [0.5, nil]), ("短名（1 件仍在办）", [1, 0.25])],
            colors: ["#000", "#111"]
        ).html
        #expect(svg.contains(">城乡居民最低生活保障金申…<"), "\(svg)")
        #expect(svg.contains(">（23 件仍在办）<") && svg.contains(">（1 件仍在办）<"), "\(svg)")
        #expect(svg.contains(">短名<"), "\(svg)")
        #expect(!svg.contains("仍在…"))
    }
}

import Foundation
import OneWindowKiosk
import Testing

@Suite("The rating pad's screens", .timeLimit(.minutes(2)))
struct RatingPadTests {
    static func pad() -> RatingPad {
        var pad = RatingPad(window: "1")
        #expect(pad.start(now: KioskSamples.now) == [.loadCatalogue, .subscribe])
        _ = pad.receive(.catalogue(KioskSamples.hall, KioskSamples.services), now: KioskSamples.now)
        _ = pad.receive(.connected, now: KioskSamples.now)
        return pad
    }

    @Test("a visit ending at its own window asks 1–5; another window's is ignored")
    func asks() {
        var pad = Self.pad()
        #expect(pad.screen().contains("办理结束后，请在这里为本次服务评价"))
        _ = pad.receive(.ended(number: "A007", serviceId: "T-HY-001", window: "2"), now: KioskSamples.now)
        #expect(pad.screen == .waiting)
        _ = pad.receive(.ended(number: "A012", serviceId: "T-HY-001", window: "1"), now: KioskSamples.now)
        let screen = pad.screen()
        #expect(screen.contains("A012 号 内地居民结婚登记 办理结束"), "\(screen)")
        #expect(screen.contains("5  非常满意") && screen.contains("1  非常不满意"))
        let frame = pad.frame(width: 80, height: 24, now: KioskSamples.now)
        #expect(
            pad.handle(frame.tap("4  满意")!, now: KioskSamples.now) == [.evaluate(PadRating(number: "A012", rating: 4))])
        #expect(pad.screen().contains("正在提交…"))
        _ = pad.receive(
            .evaluated(number: "A012", .success(EvaluationInfo(number: "A012", rating: 4))), now: KioskSamples.now)
        #expect(pad.screen().contains("感谢您的评价：满意"))
        _ = pad.tick(now: KioskSamples.now.addingTimeInterval(8))
        #expect(pad.screen == .waiting)
    }

    @Test("after a 1 or 2 the pad asks the GB/T 39734 reasons, at least one, and sends their ids")
    func reasons() {
        var pad = Self.pad()
        _ = pad.receive(.ended(number: "A012", serviceId: "T-HY-001", window: "1"), now: KioskSamples.now)
        #expect(pad.type("2").isEmpty)
        #expect(pad.screen().contains("请选择不满意的原因"), "\(pad.screen())")
        #expect(pad.screen().contains("3  [ ] 一次性告知/材料要求"))
        var frame = pad.frame(width: 80, height: 24, now: KioskSamples.now)
        #expect(pad.handle(frame.tap("[提交]")!, now: KioskSamples.now).isEmpty)
        #expect(pad.screen().contains("请至少选择一项原因"))
        _ = pad.type("3")
        _ = pad.type("1")
        frame = pad.frame(width: 80, height: 24, now: KioskSamples.now)
        #expect(pad.screen().contains("1  [x] 服务态度"))
        #expect(
            pad.handle(frame.tap("[提交]")!, now: KioskSamples.now) == [
                .evaluate(PadRating(number: "A012", rating: 2, reasons: ["attitude", "one_time_notice"]))
            ])
    }

    @Test("the pad stops asking after 10 minutes, and says plainly when the daemon refuses")
    func tooLate() {
        var pad = Self.pad()
        _ = pad.receive(.ended(number: "A012", serviceId: nil, window: "1"), now: KioskSamples.now)
        _ = pad.tick(now: KioskSamples.now.addingTimeInterval(600))
        #expect(pad.screen == .waiting)
        // A visit replayed after a reconnection, ended 11 minutes ago, is not asked about.
        let old = KioskSamples.now.addingTimeInterval(-660)
        _ = pad.receive(.ended(number: "A011", serviceId: nil, window: "1", at: old), now: KioskSamples.now)
        #expect(pad.screen == .waiting)
        _ = pad.receive(.ended(number: "A013", serviceId: nil, window: "1"), now: KioskSamples.now)
        _ = pad.type("5")
        let late = DaemonError.rejected(status: 409, code: "evaluation_too_late", message: "late")
        _ = pad.receive(.evaluated(number: "A013", .failure(late)), now: KioskSamples.now)
        #expect(pad.screen().contains("已超过评价时间"))
    }

    @Test("a completed event of the stream is a visit that ended; other events are not")
    func events() {
        let completed = ServerSentEvent(
            id: "9", event: "completed",
            data: #"{"id":9,"kind":"completed","number":"A012","serviceId":"T-HY-001","window":"1","at":"x"}"#)
        #expect(PadRunner.ended(completed) == .ended(number: "A012", serviceId: "T-HY-001", window: "1"))
        let dated = ServerSentEvent(
            event: "completed",
            data: #"{"number":"A012","serviceId":"T-HY-001","window":"1","at":"2026-11-29T01:00:00Z"}"#)
        #expect(
            PadRunner.ended(dated)
                == .ended(
                    number: "A012", serviceId: "T-HY-001", window: "1", at: HallTime.parse("2026-11-29T01:00:00Z")))
        #expect(PadRunner.ended(ServerSentEvent(event: "called", data: #"{"number":"A012","window":"1"}"#)) == nil)
    }
}

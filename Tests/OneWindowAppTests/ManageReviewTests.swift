import Foundation
import OneWindowTesting
import Testing

/// Bad reviews on `/manage`: the visit's facts, overdue first, and forms that move a review on
/// with the session cookie and its CSRF token, then redirect back (POST-redirect-GET).
@Suite("Bad reviews on the manager's page", .timeLimit(.minutes(2)))
struct ManageReviewTests {
    static let form = ["Content-Type": "application/x-www-form-urlencoded"]

    let receiver: PushReceiver
    let clock: ManualClock
    let hall: OutboxPushTests.Hall

    init() throws {
        receiver = try PushReceiver()
        clock = ManualClock(Date(timeIntervalSince1970: 1_795_744_800))  // Friday 2026-11-27, 10:00 in Shanghai
        hall = try OutboxPushTests.Hall(pushingTo: receiver.port, clock: clock)
    }

    func stop() {
        hall.app.stop()
        receiver.stop()
    }

    func page(_ cookie: String) throws -> String {
        try hall.app.client.get("/manage", headers: ["Cookie": cookie]).text
    }

    func post(_ id: String, _ fields: String, cookie: String?) throws -> TestResponse {
        var headers = Self.form
        if let cookie { headers["Cookie"] = cookie }
        return try hall.app.client.send("POST", "/manage/reviews/\(id)", headers: headers, body: Data(fields.utf8))
    }

    static func csrf(in page: String) throws -> String {
        let marker = #"name="csrf" value=""#
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    /// Rates a visit that ended needing m2 badly, a month later another one; returns both ids.
    func twoBadReviews() throws -> (old: String, new: String) {
        let first = try hall.visit(ending: #"{"window":"1","outcome":"needs_more","missingMaterials":["m2"]}"#)
        let old = try hall.rate(first, 1, comment: "材料清单没说清楚").json["evaluation"] as? [String: Any]
        clock.advance(30 * 86_400)
        let second = try hall.visit()
        let new = try hall.rate(second, 2).json["evaluation"] as? [String: Any]
        return (try #require(old?["id"] as? String), try #require(new?["id"] as? String))
    }

    @Test("the list shows each visit's facts, the overdue first and marked, and no API path anywhere")
    func factsAndOrder() throws {
        defer { stop() }
        let (old, new) = try twoBadReviews()
        let cookie = try #require(try ManagePageTests.signIn(hall.app, hall.admin).1)
        let text = try page(cookie)
        let oldAt = try #require(text.range(of: "id=\"review-\(old)\""))
        let newAt = try #require(text.range(of: "id=\"review-\(new)\""))
        #expect(oldAt.lowerBound < newAt.lowerBound, "the overdue review comes first")
        let oldItem = String(text[oldAt.lowerBound..<newAt.lowerBound])
        for fact in ["已超期", "待整改", "C001", "最低生活保障", "1号综合窗口", "柜台终端-1", "需补正", "家庭收入证明", "材料清单没说清楚"] {
            #expect(oldItem.contains(fact), "the overdue review shows \(fact)")
        }
        #expect(oldItem.contains("class=\"review late\""))
        #expect(text.contains("1 条已超过 15 个工作日的整改期限"))
        #expect(!text.contains("/api/"), "no API path on the page")
        let metrics = try hall.app.client.get("/metrics").text
        #expect(metrics.contains("onewindow_bad_reviews_overdue 1"), "\(metrics)")
        #expect(metrics.contains("onewindow_bad_reviews_open 2"))
    }

    @Test(
        "a form moves a review on and redirects back; a missing CSRF field is 400, a wrong one 403, and neither changes anything"
    )
    func forms() throws {
        defer { stop() }
        let (old, _) = try twoBadReviews()
        let cookie = try #require(try ManagePageTests.signIn(hall.app, hall.admin).1)
        let csrf = try Self.csrf(in: try page(cookie))
        let missing = try post(old, "step=note&text=x", cookie: cookie)
        #expect(missing.status == 403 && missing.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(try post(old, "csrf=\(csrf)&step=note", cookie: cookie).status == 400, "no text")
        #expect(try post(old, "csrf=\(csrf)%0A&step=note&text=x", cookie: cookie).status == 400, "one line only")
        #expect(try post(old, "csrf=wrong&step=note&text=x", cookie: cookie).status == 403)
        let otherSession = try #require(try ManagePageTests.signIn(hall.app, hall.admin).1)
        #expect(try post(old, "csrf=\(csrf)&step=note&text=x", cookie: otherSession).status == 403)
        let anonymous = try post(old, "csrf=\(csrf)&step=note&text=x", cookie: nil)
        #expect(anonymous.status == 303 && anonymous.headers["location"] == "/manage")
        #expect(try page(cookie).contains("id=\"review-\(old)\" class=\"review late\""))
        #expect(try hall.records().filter { $0.key == old }.count == 1, "refused forms wrote nothing")

        // A note may span lines, as a text area sends them.
        let noted = try post(
            old, "csrf=\(csrf)&step=note&text=%E5%B7%B2%E7%BA%A6%E8%B0%88%0D%0A%E6%98%8E%E5%A4%A9%E5%A4%8D%E6%9F%A5",
            cookie: cookie)
        #expect(noted.status == 303 && noted.headers["location"] == "/manage#review-\(old)", "\(noted.text)")
        #expect(try page(cookie).contains("整改中"))
        #expect(
            try hall.app.application.state.storage.transaction { try $0.evaluation(id: old) }?.progressNote
                == "已约谈\n明天复查")
        #expect(try post(old, "csrf=\(csrf)&step=rectified&text=", cookie: cookie).status == 422)
        #expect(try post(old, "csrf=\(csrf)&step=jump&text=x", cookie: cookie).status == 400)
        #expect(try post(old, "csrf=\(csrf)&step=visited_back&text=x", cookie: cookie).status == 409)
        #expect(try post("E20990101-0001", "csrf=\(csrf)&step=note&text=x", cookie: cookie).status == 404)
        let json = try hall.app.client.send(
            "POST", "/manage/reviews/\(old)", headers: ["Content-Type": "application/json", "Cookie": cookie],
            body: Data(#"{"csrf":"x"}"#.utf8))
        #expect(json.status == 415 && json.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(try post(old, "csrf=\(csrf)&step=rectified&text=fixed", cookie: cookie).status == 303)
        let rectified = try page(cookie)
        #expect(rectified.contains("已整改") && rectified.contains("标记已回访"))
        #expect(!rectified.contains("id=\"review-\(old)\" class=\"review late\""), "rectified is no longer overdue")
        #expect(try post(old, "csrf=\(csrf)&step=visited_back&text=ok", cookie: cookie).status == 303)
        #expect(!(try page(cookie)).contains("id=\"review-\(old)\""), "visited back: off the list")
        let states = try hall.records().filter { $0.key == old }.map {
            (try? JSONSerialization.jsonObject(with: $0.payload) as? [String: Any])?["followUpState"] as? String
        }
        #expect(states == ["pending", "in_progress", "rectified", "visited_back"])
        let metrics = try hall.app.client.get("/metrics").text
        #expect(metrics.contains("onewindow_bad_reviews_overdue 0"), "\(metrics)")
    }
}

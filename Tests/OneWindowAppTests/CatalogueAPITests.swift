import Foundation
import OneWindowTesting
import Testing

/// Every catalogue endpoint over a real HTTP connection to the application on a free port.
@Suite("The catalogue API over HTTP", .timeLimit(.minutes(2)))
struct CatalogueAPITests {
    let app: TestApplication

    init() throws {
        app = try TestApplication(catalogue: Fixtures.validCatalogue)
    }

    /// Runs `body` against the app, then stops it.
    func with(_ body: (TestHTTPClient) throws -> Void) rethrows {
        defer { app.stop() }
        try body(app.client)
    }

    func ids(_ response: TestResponse) -> [String] {
        (response.json["services"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test("GET /api/v1/services lists every service with the total")
    func listServices() throws {
        try with { client throws in
            let response = try client.get("/api/v1/services")
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json; charset=utf-8")
            #expect(ids(response) == ["T-HY-001", "T-JZ-001", "T-JZ-002"])
            #expect(response.json["total"] as? Int == 3)
            let first = (response.json["services"] as? [[String: Any]])?.first
            #expect(first?["guideUrl"] as? String == "/guides/T-HY-001")
            #expect(first?["queuePrefix"] as? String == "A")
        }
    }

    @Test("?q= searches in Chinese: 低保 and 结婚 work, percent-encoded or not")
    func search() throws {
        try with { client throws in
            #expect(ids(try client.get("/api/v1/services?q=%E4%BD%8E%E4%BF%9D")) == ["T-JZ-001"])
            #expect(ids(try client.get("/api/v1/services?q=%E7%BB%93%E5%A9%9A")) == ["T-HY-001"])
            #expect(ids(try client.get("/api/v1/services?q=%E6%8A%A4%E7%85%A7")) == [])
            let blank = try client.get("/api/v1/services?q=")
            #expect(blank.json["total"] as? Int == 3)
        }
    }

    @Test("?category= filters, and combines with ?q=")
    func category() throws {
        try with { client throws in
            let assistance = "%E7%A4%BE%E4%BC%9A%E6%95%91%E5%8A%A9"  // 社会救助
            #expect(ids(try client.get("/api/v1/services?category=\(assistance)")) == ["T-JZ-001", "T-JZ-002"])
            #expect(ids(try client.get("/api/v1/services?category=\(assistance)&q=%E4%BA%94%E4%BF%9D")) == ["T-JZ-002"])
            #expect(ids(try client.get("/api/v1/services?category=nothing")) == [])
        }
    }

    @Test("GET /api/v1/services/{id} returns the whole guide with the windows that take it")
    func guide() throws {
        try with { client throws in
            let response = try client.get("/api/v1/services/T-HY-001")
            #expect(response.status == 200)
            let guide = response.json
            #expect(guide["name"] as? String == "内地居民结婚登记")
            #expect((guide["materials"] as? [[String: Any]])?.count == 3)
            #expect((guide["materials"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["m1", "m2", "m3"])
            #expect((guide["windows"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["1", "2"])
            for field in [
                "legalBasis", "conditions", "steps", "timeLimit", "fee", "place", "hours", "phones", "online",
                "channels", "acceptingBody", "decidingBody", "itemType", "queuePrefix", "serviceObject", "level",
                "result", "updatedAt", "formDownloads", "faq",
            ] {
                #expect(guide[field] != nil, "the guide lacks \(field)")
            }
        }
    }

    @Test("the guide serves the national elements: bodies, links, result, special steps and material details")
    func nationalElements() throws {
        try with { client throws in
            let guide = try client.get("/api/v1/services/T-JZ-001").json
            #expect(guide["code"] as? String == "11210200TEST0001")
            #expect(guide["acceptingBody"] as? String == "测试市民政局")
            #expect(guide["decidingBody"] as? String == "测试区民政局")
            #expect(guide["level"] as? String == "县级")
            #expect(guide["serviceObject"] as? [String] == ["自然人"])
            #expect((guide["channels"] as? [String: Any])?["online"] as? [String: Any] != nil)
            #expect(guide["progressUrl"] as? String == "https://example.org/progress")
            #expect(
                (guide["formDownloads"] as? [[String: Any]])?.first?["url"] as? String == "https://example.org/form.pdf"
            )
            #expect((guide["faq"] as? [[String: Any]])?.first?["q"] as? String == "可以代办吗？")
            #expect((guide["result"] as? [String: Any])?["delivery"] as? [String] == ["窗口领取"])
            let limit = guide["timeLimit"] as? [String: Any]
            #expect(limit?["unit"] as? String == "工作日")
            #expect((limit?["specialSteps"] as? [[String: Any]])?.first?["name"] as? String == "入户调查")
            let materials = guide["materials"] as? [[String: Any]] ?? []
            #expect(materials.first?["waivable"] as? Bool == true)
            #expect(materials.first?["sampleUrl"] as? String == "https://example.org/sample.pdf")
            #expect(materials.last?["obtainedByHall"] as? Bool == true)
            #expect(materials.last?["source"] as? String == "政府部门核发")
            let other = try client.get("/api/v1/services/T-JZ-002").json["timeLimit"] as? [String: Any]
            #expect(other?.keys.contains("statutoryDays") == true)
            #expect(other?["statutoryDays"] is NSNull, "no statutory limit is served as null")
            let summary = (try client.get("/api/v1/services").json["services"] as? [[String: Any]])?[1]
            #expect(summary?["decidingBody"] as? String == "测试区民政局")
            #expect(summary?["timeLimitUnit"] as? String == "工作日")
        }
    }

    @Test("an unknown service id is 404 service_not_found")
    func unknownService() throws {
        try with { client throws in
            let response = try client.get("/api/v1/services/NO-SUCH")
            #expect(response.status == 404)
            #expect(response.errorCode == "service_not_found")
        }
    }

    @Test("GET /api/v1/categories and /api/v1/hall describe the hall")
    func categoriesAndHall() throws {
        try with { client throws in
            let categories = try client.get("/api/v1/categories").json["categories"] as? [[String: Any]]
            #expect(categories?.compactMap { $0["name"] as? String } == ["婚姻登记", "社会救助"])
            #expect(categories?.compactMap { $0["count"] as? Int } == [1, 2])
            let hall = try client.get("/api/v1/hall").json
            #expect(hall["name"] as? String == "测试政务服务大厅")
            #expect(hall["timeZone"] as? String == "Asia/Shanghai")
            let windows = hall["windows"] as? [[String: Any]]
            #expect(windows?.compactMap { $0["kind"] as? String } == ["comprehensive", "specialised"])
        }
    }

    @Test(
        "catalogue responses carry an ETag and If-None-Match gets 304",
        arguments: [
            "/api/v1/services", "/api/v1/services/T-JZ-001", "/api/v1/categories", "/api/v1/hall", "/",
            "/guides/T-JZ-001",
        ])
    func conditionalRequests(path: String) throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let first = try app.client.get(path)
        #expect(first.status == 200)
        let tag = try #require(first.headers["etag"], "\(path) has no ETag")
        let second = try app.client.get(path, headers: ["If-None-Match": tag])
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(try app.client.get(path, headers: ["If-None-Match": "\"stale\""]).status == 200)
    }

    @Test("GET /healthz reports the catalogue and the database")
    func health() throws {
        try with { client throws in
            let response = try client.get("/healthz")
            #expect(response.status == 200)
            #expect(response.json["status"] as? String == "ok")
            #expect(response.json["database"] as? String == "ok")
            #expect((response.json["catalogue"] as? [String: Any])?["services"] as? Int == 3)
        }
    }

    @Test("the guide pages are served as zh-CN HTML, and an unknown guide is a 404 page")
    func pages() throws {
        try with { client throws in
            let home = try client.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("lang=\"zh-CN\""))
            #expect(home.text.contains("/guides/T-JZ-002"))
            let search = try client.get("/?q=%E4%BD%8E%E4%BF%9D")
            #expect(search.text.contains("最低生活保障"))
            #expect(!search.text.contains("特困人员救助供养"))
            let guide = try client.get("/guides/T-HY-001")
            #expect(guide.status == 200)
            #expect(guide.text.contains("近期半身免冠合影照片"))
            let missing = try client.get("/guides/NO-SUCH")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        }
    }

    @Test("HEAD answers the headers of GET without a body")
    func head() throws {
        try with { client throws in
            let response = try client.send("HEAD", "/api/v1/services")
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(response.headers["etag"] != nil)
        }
    }
}

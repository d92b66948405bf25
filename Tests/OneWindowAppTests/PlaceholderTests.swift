import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

/// `【待配置:…】` marks a local fact still to fill in; the operator sees it, the public never does.
@Suite("Placeholders stay out of public view", .timeLimit(.minutes(2)))
struct PlaceholderTests {
    /// Every GET a member of the public can make, for a catalogue's services.
    static func publicPaths(serviceIds: [String]) -> [String] {
        var paths = [
            "/", "/?q=%E7%BB%93%E5%A9%9A", "/?q=%E6%8A%A4%E7%85%A7", "/guides/NO-SUCH", "/board", "/api/v1/services",
            "/api/v1/services?q=%E4%BD%8E%E4%BF%9D", "/api/v1/categories", "/api/v1/hall", "/api/v1/windows",
            "/api/v1/queue",
        ]
        for id in serviceIds { paths += ["/guides/\(id)", "/api/v1/services/\(id)"] }
        return paths
    }

    /// The answers to every public GET, by path.
    static func publicAnswers(catalogue: String) throws -> [(path: String, response: TestResponse)] {
        let app = try TestApplication(catalogue: catalogue)
        defer { app.stop() }
        let ids = app.application.state.catalogue.catalogue.services.map(\.id)
        return try publicPaths(serviceIds: ids).map { ($0, try app.client.get($0)) }
    }

    @Test("no public page or API answer of the shipped catalogue contains a placeholder")
    func shippedCatalogue() throws {
        for (path, response) in try Self.publicAnswers(catalogue: Fixtures.shippedCatalogue) {
            #expect(!response.text.contains(Catalogue.placeholderMarker), "\(path) shows a placeholder")
            #expect(response.status == (path.contains("NO-SUCH") ? 404 : 200), "\(path): \(response.status)")
        }
    }

    /// Keys whose strings are codes, words of closed lists, links or dates: never free text.
    static let structuredKeys: Set<String> = [
        "id", "code", "itemType", "level", "scope", "serviceObject", "source", "medium", "form", "kind", "timeZone",
        "queuePrefix", "updatedAt", "unit", "delivery", "services", "url", "onlineUrl", "bookingUrl", "progressUrl",
        "blankFormUrl", "sampleUrl",
    ]

    /// The JSON tree with every free text replaced by a placeholder, some in brackets after text.
    static func everyTextAPlaceholder(_ node: Any, key: String = "") -> Any {
        switch node {
        case let object as [String: Any]:
            return object.mapValues { _ in () }.keys.reduce(into: [String: Any]()) { result, name in
                result[name] = everyTextAPlaceholder(object[name]!, key: name)
            }
        case let array as [Any]:
            return array.map { everyTextAPlaceholder($0, key: key) }
        case let text as String where !structuredKeys.contains(key):
            return text.count % 2 == 0 ? "【待配置:\(key)】" : "\(text)（【待配置:\(key)】）"
        default:
            return node
        }
    }

    @Test("a catalogue whose every text is a placeholder still shows none to the public")
    func everyText() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let document = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue)))
        let file = directory.path("placeholders.json")
        try JSONSerialization.data(withJSONObject: Self.everyTextAPlaceholder(document)).write(
            to: URL(fileURLWithPath: file))
        for (path, response) in try Self.publicAnswers(catalogue: file) {
            #expect(!response.text.contains(Catalogue.placeholderMarker), "\(path) shows a placeholder")
        }
    }

    @Test("a bracketed placeholder drops only itself; any other makes the whole text unknown")
    func cleaning() {
        #expect(PublicText.clean("婚姻登记机关（【待配置:名称】）") == "婚姻登记机关")
        #expect(PublicText.clean("预约入口：【待配置:入口】") == nil)
        #expect(PublicText.clean("【待配置:电话】") == nil)
        #expect(PublicText.clean("大厅（【待配置:楼层】）二楼（【待配置:房间】）") == "大厅二楼")
        #expect(PublicText.clean("一楼") == "一楼")
    }

    @Test("check --strict fails while placeholders remain and lists each; without them it passes")
    func strictCheck() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let strict = try DaemonProcess.run(["check", "--strict", Fixtures.validCatalogue])
        #expect(strict.status == 1)
        #expect(strict.output.contains("valid.json: hall.address: still a placeholder"))
        #expect(strict.output.contains("placeholder(s) remain; not ready to open (--strict)"))
        #expect(try DaemonProcess.run(["check", Fixtures.validCatalogue]).status == 0)
        let filled = directory.path("filled.json")
        let text = try String(contentsOfFile: Fixtures.validCatalogue, encoding: .utf8)
        let withoutPlaceholders = text.replacing(/【待配置:[^】]*】/, with: "示例路 1 号")
        try withoutPlaceholders.write(toFile: filled, atomically: true, encoding: .utf8)
        let passed = try DaemonProcess.run(["check", "--strict", filled])
        #expect(passed.status == 0, "\(passed.output)")
    }

    @Test("serve logs how many placeholders remain")
    func serveLogsCount() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let daemon = try DaemonProcess(arguments: [
            "--catalogue", Fixtures.validCatalogue, "--database", directory.path("onewindow.sqlite"),
        ])
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        let count = try CatalogueLoader.load(data, file: "valid.json").placeholders.count
        #expect(daemon.waitForLog("\(count) catalogue values are still placeholders"), "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }
}

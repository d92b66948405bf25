import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowHTTP
import OneWindowTesting
import Testing

/// A hall started with `--catalogue-url` against a real HTTP server on 127.0.0.1 that serves
/// the signed file with an ETag, as the city does.
@Suite("Pulling the signed catalogue from the city", .timeLimit(.minutes(2)))
struct CataloguePullTests {
    let folder: TemporaryDirectory
    let path: String
    let key = CatalogueSigningKey()
    let city: CatalogueServer
    let original: Data
    let log = CapturedLog()

    init() throws {
        folder = try TemporaryDirectory()
        path = folder.path("services.json")
        original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        city = try CatalogueServer(.file(original, signature: try key.sign(original)))
    }

    /// A hall with no catalogue file of its own yet: it pulls the first one before it opens.
    func hall(url: URL? = nil) throws -> TestApplication {
        let (path, pull) = (path, CataloguePull(url: url ?? city.url, key: key.verifyingKey))
        return try TestApplication(catalogue: path, logger: log.logger(level: .info)) {
            $0.cataloguePath = path
            $0.cataloguePull = pull
            $0.cataloguePull?.intervalSeconds = 3600
            $0.cataloguePull?.timeoutSeconds = 5
        }
    }

    func stop(_ hall: TestApplication) {
        hall.stop()
        city.stop()
        folder.remove()
    }

    /// The fixture with the first service renamed.
    func renamed(_ name: String) throws -> Data {
        var document = try JSONSerialization.jsonObject(with: original) as! [String: Any]
        var services = document["services"] as! [[String: Any]]
        services[0]["name"] = name
        document["services"] = services
        return try JSONSerialization.data(withJSONObject: document)
    }

    func serviceName(_ hall: TestApplication) throws -> String? {
        try hall.client.get("/api/v1/services/T-HY-001").json["name"] as? String
    }

    func pullHealth(_ hall: TestApplication) throws -> (status: String?, pull: [String: Any]) {
        let health = try hall.client.get("/healthz").json
        return (health["status"] as? String, health["cataloguePull"] as? [String: Any] ?? [:])
    }

    /// The pulls the hall counted with this outcome, from `/metrics`.
    func pulls(_ hall: TestApplication, _ outcome: String) throws -> String? {
        let text = try hall.client.get("/metrics").text
        let prefix = "onewindow_catalogue_pulls_total{outcome=\"\(outcome)\"} "
        return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    func onDisk() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("a good signature: the changed catalogue is reloaded, served, and kept on disk with its signature")
    func goodSignature() throws {
        let hall = try hall()
        defer { stop(hall) }
        #expect(try onDisk() == original, "the first start pulled the city's file")
        let changed = try renamed("结婚登记（城市版）")
        city.answer(.file(changed, signature: try key.sign(changed)))
        #expect(hall.application.cataloguePuller?.pullNow() == .updated(ETag.digest(changed)))
        #expect(try serviceName(hall) == "结婚登记（城市版）")
        #expect(try onDisk() == changed)
        let signature = try String(contentsOfFile: path + ".sig", encoding: .utf8)
        #expect(throws: Never.self) { try key.verifyingKey.verify(changed, signature: signature) }
        let (status, pull) = try pullHealth(hall)
        #expect(status == "ok")
        #expect(pull["lastOutcome"] as? String == "updated")
        #expect(pull["failing"] as? Bool == false)
        #expect(try pulls(hall, "updated") == "1")
        #expect(log.all.contains { $0.message.contains("catalogue pulled from the city and reloaded") })
    }

    @Test("an unchanged catalogue is asked for with If-None-Match and answered 304 Not Modified")
    func notModified() throws {
        let hall = try hall()
        defer { stop(hall) }
        #expect(hall.application.cataloguePuller?.pullNow() == .notModified)
        let last = city.served.last
        #expect(last?.status == 304)
        #expect(last?.ifNoneMatch == ETag.of(original))
        #expect(try pullHealth(hall).pull["lastOutcome"] as? String == "not_modified")
    }

    @Test("a bad signature, a missing one, or bytes changed after signing keep the last good catalogue")
    func badSignature() throws {
        let hall = try hall()
        defer { stop(hall) }
        let changed = try renamed("被篡改的名称")
        let answers: [CatalogueServer.Answer] = [
            .file(changed, signature: try CatalogueSigningKey().sign(changed)),
            .file(changed, signature: nil),
            .file(changed, signature: try key.sign(original)),
            .file(changed, signature: "ed25519=not-base64"),
        ]
        for answer in answers {
            city.answer(answer)
            let outcome = hall.application.cataloguePuller?.pullNow()
            #expect(outcome?.code == "bad_signature", "\(String(describing: outcome))")
            #expect(try serviceName(hall) == "内地居民结婚登记")
            #expect(try onDisk() == original)
        }
        let (status, pull) = try pullHealth(hall)
        #expect(status == "degraded")
        #expect(pull["lastOutcome"] as? String == "bad_signature")
        #expect(pull["failing"] as? Bool == true)
        #expect((pull["problem"] as? String)?.contains("ed25519=") == true)
        #expect(try pulls(hall, "bad_signature") == "4")
        #expect(log.all.contains { $0.level == .error && $0.message.contains("pulled catalogue not used") })
        // The city fixes it: the next pull takes the good one, and the hall is ok again.
        city.answer(.file(changed, signature: try key.sign(changed)))
        #expect(hall.application.cataloguePuller?.pullNow().code == "updated")
        #expect(try pullHealth(hall).status == "ok")
    }

    @Test("a signed catalogue that fails `check` keeps the last good one, naming the problem")
    func failedCheck() throws {
        let hall = try hall()
        defer { stop(hall) }
        var document = try JSONSerialization.jsonObject(with: original) as! [String: Any]
        document["services"] = [[String: Any]]()
        let broken = try JSONSerialization.data(withJSONObject: document)
        city.answer(.file(broken, signature: try key.sign(broken)))
        let outcome = hall.application.cataloguePuller?.pullNow()
        #expect(outcome?.code == "failed_check")
        #expect(outcome?.problem?.contains("services") == true, "\(String(describing: outcome))")
        #expect(try serviceName(hall) == "内地居民结婚登记")
        #expect(try onDisk() == original)
        let (status, pull) = try pullHealth(hall)
        #expect(status == "degraded")
        #expect(pull["lastOutcome"] as? String == "failed_check")
        #expect(try pulls(hall, "failed_check") == "1")
        // Logged, as the issue asks of each refusal, with what `check` found.
        #expect(
            log.all.contains {
                $0.level == .error && $0.message.contains("pulled catalogue not used")
                    && $0.message.contains("services")
            })
    }

    @Test("an unreachable city or one answering 500 keeps the last good catalogue; /healthz says degraded")
    func unreachable() throws {
        let hall = try hall()
        defer { stop(hall) }
        city.answer(.status(500))
        let outcome = hall.application.cataloguePuller?.pullNow()
        #expect(outcome == .unreachable("the city answered HTTP 500"))
        city.stop()
        #expect(hall.application.cataloguePuller?.pullNow().code == "unreachable")
        #expect(try serviceName(hall) == "内地居民结婚登记")
        let (status, pull) = try pullHealth(hall)
        #expect(status == "degraded")
        #expect(pull["lastOutcome"] as? String == "unreachable")
        #expect(pull["lastGoodAt"] as? String != nil, "the first start's pull was good")
        #expect(try pulls(hall, "unreachable") == "2")
        #expect(try hall.client.get("/metrics").text.contains("onewindow_catalogue_pull_failing 1"))
        #expect(log.all.contains { $0.level == .warning && $0.message.contains("cannot pull the catalogue") })
    }

    @Test("a restart without the city starts on the last good catalogue pulled")
    func restartWithoutCity() throws {
        let first = try hall()
        let changed = try renamed("结婚登记（第二版）")
        city.answer(.file(changed, signature: try key.sign(changed)))
        #expect(first.application.cataloguePuller?.pullNow().code == "updated")
        first.stop()
        city.stop()
        let second = try hall()
        defer { stop(second) }
        #expect(try serviceName(second) == "结婚登记（第二版）")
        #expect(second.application.cataloguePuller?.pullNow().code == "unreachable")
        #expect(try serviceName(second) == "结婚登记（第二版）")
    }

    @Test("a first start with no catalogue file and no city fails, saying why")
    func firstStartWithoutCity() throws {
        city.stop()
        defer { folder.remove() }
        do {
            let hall = try hall()
            hall.stop()
            Issue.record("the hall started without a catalogue")
        } catch let error as CatalogueError {
            #expect(error.description.contains("the first pull from \(city.url.absoluteString) failed (unreachable)"))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

import Foundation
import OneWindowTesting
import Testing

/// The real `onewindowd` binary: signals, exit codes and what it prints.
@Suite("onewindowd as a process", .timeLimit(.minutes(2)))
struct DaemonProcessTests {
    /// A catalogue file of the test's own, which the test may rewrite.
    struct Setup {
        let directory: TemporaryDirectory
        let catalogue: String
        let database: String

        init() throws {
            directory = try TemporaryDirectory()
            catalogue = directory.path("services.json")
            database = directory.path("state/onewindow.sqlite")
            try FileManager.default.copyItem(atPath: Fixtures.validCatalogue, toPath: catalogue)
        }

        func rewriteCatalogue(_ change: (String) -> String) throws {
            let text = try String(contentsOfFile: catalogue, encoding: .utf8)
            try change(text).write(toFile: catalogue, atomically: true, encoding: .utf8)
        }

        func start() throws -> DaemonProcess {
            try DaemonProcess(arguments: ["--catalogue", catalogue, "--database", database])
        }
    }

    func serviceName(_ daemon: DaemonProcess) throws -> String? {
        try daemon.client.get("/api/v1/services/T-JZ-001").json["name"] as? String
    }

    @Test("SIGHUP reloads the catalogue: the new text is served")
    func reload() throws {
        let setup = try Setup()
        defer { setup.directory.remove() }
        let daemon = try setup.start()
        defer { _ = daemon.waitForExit(timeoutSeconds: 0) }
        #expect(try serviceName(daemon) == "最低生活保障")
        try setup.rewriteCatalogue { $0.replacingOccurrences(of: "\"最低生活保障\"", with: "\"城乡居民最低生活保障\"") }
        daemon.signal(SIGHUP)
        #expect(daemon.waitForLog("catalogue reloaded"), "no reload in the log:\n\(daemon.log)")
        #expect(try serviceName(daemon) == "城乡居民最低生活保障")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test("a bad file on SIGHUP keeps the old catalogue serving and logs the path and reason")
    func badReload() throws {
        let setup = try Setup()
        defer { setup.directory.remove() }
        let daemon = try setup.start()
        try setup.rewriteCatalogue {
            $0.replacingOccurrences(of: "\"queuePrefix\": \"C\"", with: "\"queuePrefix\": \"CC\"")
        }
        daemon.signal(SIGHUP)
        #expect(daemon.waitForLog("reload refused"), "no refusal in the log:\n\(daemon.log)")
        #expect(daemon.log.contains("services[1].queuePrefix: must be one capital letter A–Z, found “CC”"))
        #expect(daemon.log.contains(setup.catalogue))
        #expect(try serviceName(daemon) == "最低生活保障")
        #expect(try daemon.client.get("/healthz").status == 200)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test("SIGTERM and SIGINT stop the daemon cleanly with status 0", arguments: [SIGTERM, SIGINT])
    func stop(signal: Int32) throws {
        let setup = try Setup()
        defer { setup.directory.remove() }
        let daemon = try setup.start()
        #expect(try daemon.client.get("/healthz").status == 200)
        daemon.signal(signal)
        #expect(daemon.waitForExit() == 0)
        #expect(daemon.log.contains("stopped"))
        #expect(!daemon.client.canConnect())
    }

    @Test("serve refuses to start on a bad catalogue, naming the file, the path and the reason")
    func refusesBadCatalogue() throws {
        let setup = try Setup()
        defer { setup.directory.remove() }
        try setup.rewriteCatalogue { $0.replacingOccurrences(of: "\"copies\": 1", with: "\"copies\": 0") }
        let result = try DaemonProcess.run([
            "serve", "--port", "0", "--catalogue", setup.catalogue, "--database", setup.database,
        ])
        #expect(result.status != 0)
        #expect(
            result.output.contains("\(setup.catalogue): services[0].materials[0].copies: must be at least 1, found 0"))
        #expect(!result.output.contains("listening on"))
    }

    @Test("check accepts the shipped services.json and lists its placeholders")
    func checkShipped() throws {
        let result = try DaemonProcess.run(["check", Fixtures.shippedCatalogue])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(": ok: "))
        #expect(result.output.contains("placeholder"))
    }

    @Test("check names the file, the JSON path and the reason of every problem, and exits 1")
    func checkBad() throws {
        let setup = try Setup()
        defer { setup.directory.remove() }
        try setup.rewriteCatalogue {
            $0.replacingOccurrences(of: "\"statutoryDays\": 30", with: "\"statutoryDays\": 10")
                .replacingOccurrences(of: "\"online\":", with: "\"onlin\": {\"available\": true}, \"online\":")
        }
        let result = try DaemonProcess.run(["check", setup.catalogue])
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "\(setup.catalogue): services[1].timeLimit.promisedDays: promised limit (20 days) exceeds the statutory limit (10 days)"
            ))
        #expect(result.output.contains("\(setup.catalogue): services[0].onlin: unknown field"))
        let missing = try DaemonProcess.run(["check", setup.directory.path("absent.json")])
        #expect(missing.status == 1)
        #expect(missing.output.contains("absent.json: cannot read the file"))
    }

    @Test("the help text names every subcommand, option and environment variable")
    func help() throws {
        let top = try DaemonProcess.run(["--help"])
        #expect(top.status == 0)
        #expect(top.output.contains("serve") && top.output.contains("check"))
        let serve = try DaemonProcess.run(["serve", "--help"])
        for word in [
            "--host", "--port", "--catalogue", "--database", "--threads", "--max-body-bytes", "--log-level",
            "ONEWINDOW_PORT", "ONEWINDOW_CATALOGUE", "ONEWINDOW_DATABASE", "SIGHUP",
        ] {
            #expect(serve.output.contains(word), "serve --help lacks \(word)")
        }
    }

    @Test("a bad option value is refused with a message")
    func badOptions() throws {
        let result = try DaemonProcess.run(["serve", "--threads", "0"])
        #expect(result.status != 0)
        #expect(result.output.contains("threads must be from 1 to 64"))
    }

    @Test("close-day expires open tickets through the running daemon; a non-admin token is refused")
    func closeDay() throws {
        let setup = try Setup()
        defer { setup.directory.remove() }
        let daemon = try setup.start()
        defer {
            daemon.signal(SIGTERM)
            _ = daemon.waitForExit()
        }
        func token(_ role: String) throws -> String {
            let created = try DaemonProcess.run([
                "token", "create", "--role", role, "--name", role, "--database", setup.database,
            ])
            return try #require(created.output.split(separator: "\n").first.map(String.init))
        }
        let kiosk = try token("kiosk")
        let admin = try token("admin")
        let issued = try daemon.client.send(
            "POST", "/api/v1/tickets",
            headers: ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json"],
            body: Data(#"{"serviceId":"T-JZ-001"}"#.utf8))
        #expect(issued.status == 201)
        let url = "http://127.0.0.1:\(daemon.port)"
        let refused = try DaemonProcess.run(["close-day", "--url", url], environment: ["ONEWINDOW_TOKEN": kiosk])
        #expect(refused.status == 1)
        #expect(refused.output.contains("403"))
        let tokenFile = setup.directory.path("admin.token")
        try Data((admin + "\n").utf8).write(to: URL(fileURLWithPath: tokenFile))
        chmod(tokenFile, 0o644)
        let open = try DaemonProcess.run(["close-day", "--url", url, "--token-file", tokenFile])
        #expect(open.status != 0 && open.output.contains("\(tokenFile): the token file can be read by others"))
        chmod(tokenFile, 0o600)
        let closed = try DaemonProcess.run(["close-day", "--url", url, "--token-file", tokenFile])
        #expect(closed.status == 0, "\(closed.output)")
        #expect(closed.output.contains(#""expired":1"#))
        let id = try #require(issued.json["id"] as? String)
        #expect(try daemon.client.get("/api/v1/tickets/\(id)").json["status"] as? String == "expired")
    }
}

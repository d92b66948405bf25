import Foundation
import GRDB
import OneWindowApp
import OneWindowCore
import OneWindowHTTP
import OneWindowStorage
import OneWindowTesting
import Testing

/// Device tokens: how they are made and stored, how requests are checked, and the CLI.
@Suite("Device tokens", .timeLimit(.minutes(2)))
struct DeviceTokenTests {
    func request(authorization: String?) -> Request {
        var headers: HTTPHeaders = [:]
        if let authorization { headers.add("Authorization", authorization) }
        return Request(method: "POST", path: "/api/v1/queue", headers: headers)
    }

    /// The HTTP error `authorize` throws for this request, or `nil` when it lets it through.
    func refusal(_ state: AppState, _ authorization: String?, roles: Set<DeviceRole>) -> HTTPError? {
        do {
            _ = try state.authorize(request(authorization: authorization), roles: roles)
            return nil
        } catch {
            return error
        }
    }

    @Test("a token is ow_ and 43 base64url characters, new each time, and its hash is a stable hex SHA-256")
    func generateAndHash() {
        let token = DeviceTokens.generate()
        #expect(token.hasPrefix("ow_") && token.count == 46, "\(token)")
        #expect(token.dropFirst(3).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) })
        #expect(DeviceTokens.generate() != token)
        #expect(DeviceTokens.hash(token) == DeviceTokens.hash(token))
        #expect(DeviceTokens.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("the database keeps the token's hash, never the token itself")
    func onlyHashStored() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let token = try app.createToken(role: .kiosk, name: "kiosk-1")
        let rows = try DatabaseQueue(path: app.application.configuration.databasePath, configuration: .waitingForLocks)
            .read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM device_token")
            }
        #expect(rows.count == 1)
        #expect(rows.first?["token_hash"] == DeviceTokens.hash(token))
        for row in rows {
            for (column, value) in row {
                #expect(!value.description.contains(token.dropFirst(3)), "column \(column) holds the token")
            }
        }
    }

    @Test("authorize answers 401 with WWW-Authenticate to a missing, malformed or unknown token")
    func unauthorized() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        _ = try app.createToken(role: .admin, name: "admin")
        let unknown = "Bearer " + DeviceTokens.generate()
        for header in [nil, "Basic x", "Bearer", "Bearer ", "Bearer not-a-token", "ow_abc", unknown] {
            let error = refusal(app.application.state, header, roles: .kiosk)
            #expect(error?.code == .unauthorized, "\(header ?? "no header") gave \(String(describing: error))")
            #expect(error?.status == 401)
            #expect(error?.headers["WWW-Authenticate"] == "Bearer realm=\"onewindow\"")
        }
    }

    @Test("a revoked token is refused with 401 once the token cache's second has passed")
    func revoked() throws {
        let clock = ManualClock(Date())
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.clock = { clock.read() } }
        defer { app.stop() }
        let token = try app.createToken(role: .kiosk, name: "kiosk-1")
        let state = app.application.state
        #expect(refusal(state, "Bearer \(token)", roles: .kiosk) == nil)
        #expect(try state.storage.revokeDeviceToken(name: "kiosk-1", at: Date()))
        // Remembered as valid for up to a second after it was last read from the database …
        clock.advance(0.5)
        #expect(refusal(state, "Bearer \(token)", roles: .kiosk) == nil)
        // … and refused from then on.
        clock.advance(0.6)
        #expect(refusal(state, "Bearer \(token)", roles: .kiosk)?.code == .unauthorized)
        #expect(refusal(state, "Bearer \(token)", roles: .kiosk)?.code == .unauthorized)
    }

    @Test("with the token cache off, a revoked token is refused from the very next request")
    func revokedWithoutCache() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.tokenCacheSeconds = 0 }
        defer { app.stop() }
        let token = try app.createToken(role: .kiosk, name: "kiosk-1")
        let state = app.application.state
        #expect(refusal(state, "Bearer \(token)", roles: .kiosk) == nil)
        #expect(try state.storage.revokeDeviceToken(name: "kiosk-1", at: Date()))
        #expect(refusal(state, "Bearer \(token)", roles: .kiosk)?.code == .unauthorized)
    }

    @Test("a valid token with the wrong role gets 403; the right role and admin get the device back")
    func roles() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let state = app.application.state
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        let clerk = try app.createToken(role: .clerk, name: "window-3")
        let admin = try app.createToken(role: .admin, name: "manager")
        let forbidden = refusal(state, "Bearer \(kiosk)", roles: .clerk)
        #expect(forbidden?.code == .forbidden && forbidden?.status == 403)
        #expect(forbidden?.message.contains("kiosk-1") == true)
        #expect(refusal(state, "Bearer \(clerk)", roles: .kiosk)?.code == .forbidden)
        #expect(try state.authorize(request(authorization: "Bearer \(kiosk)"), roles: .kiosk).name == "kiosk-1")
        #expect(try state.authorize(request(authorization: "bearer \(clerk)"), roles: .clerk).role == .clerk)
        for roles: Set<DeviceRole> in [.kiosk, .clerk] {
            #expect(try state.authorize(request(authorization: "Bearer \(admin)"), roles: roles).name == "manager")
        }
    }

    @Test("a live name is unique, and can be reused once its token is revoked")
    func uniqueLiveNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("onewindow.sqlite"))
        try storage.createDeviceToken(name: "K1", role: .kiosk, tokenHash: "a", at: Date())
        #expect(throws: DeviceTokenError.nameTaken("K1")) {
            try storage.createDeviceToken(name: "K1", role: .clerk, tokenHash: "b", at: Date())
        }
        #expect(try storage.revokeDeviceToken(name: "K1", at: Date()))
        #expect(try !storage.revokeDeviceToken(name: "K1", at: Date()))
        try storage.createDeviceToken(name: "K1", role: .clerk, tokenHash: "c", at: Date())
        #expect(try storage.deviceTokens().map(\.role) == [.kiosk, .clerk])
        #expect(try storage.deviceToken(hash: "a") == nil)
        #expect(try storage.deviceToken(hash: "c")?.role == .clerk)
    }
}

/// `onewindowd token …` run as a process against a database of the test's own.
@Suite("onewindowd token", .timeLimit(.minutes(2)))
struct TokenCommandTests {
    let directory: TemporaryDirectory
    let database: String

    init() throws {
        directory = try TemporaryDirectory()
        database = directory.path("state/onewindow.sqlite")
    }

    let fixture = Fixtures.validCatalogue

    func token(_ arguments: String...) throws -> (status: Int32, output: String) {
        try DaemonProcess.run(["token"] + arguments + ["--database", database])
    }

    @Test("create prints the token once; list shows name and role but never the token")
    func createAndList() throws {
        defer { directory.remove() }
        let created = try token("create", "--role", "kiosk", "--name", "K1")
        #expect(created.status == 0, "\(created.output)")
        let lines = created.output.split(separator: "\n")
        let tokens = lines.filter { $0.hasPrefix("ow_") }
        #expect(tokens.count == 1, "\(created.output)")
        #expect(created.output.contains("only"))
        let listed = try token("list")
        #expect(listed.status == 0)
        #expect(listed.output.contains("K1") && listed.output.contains("kiosk"), "\(listed.output)")
        let secret = String(tokens.first?.dropFirst(3) ?? "")
        #expect(!secret.isEmpty && !listed.output.contains(secret))
        #expect(!listed.output.contains(DeviceTokens.hash(String(tokens.first ?? ""))))
    }

    @Test("a second live token with the same name is refused with exit 1 and a message")
    func duplicateName() throws {
        defer { directory.remove() }
        #expect(try token("create", "--role", "kiosk", "--name", "K1").status == 0)
        let again = try token("create", "--role", "clerk", "--name", "K1", "--window", "1", "--catalogue", fixture)
        #expect(again.status == 1)
        #expect(again.output.contains("already named “K1”"), "\(again.output)")
        #expect(!again.output.contains("ow_"))
    }

    @Test("revoke marks the token revoked; revoking it again or an unknown name fails with exit 1")
    func revoke() throws {
        defer { directory.remove() }
        #expect(
            try token("create", "--role", "clerk", "--name", "window-3", "--window", "2", "--catalogue", fixture).status
                == 0)
        let revoked = try token("revoke", "window-3")
        #expect(revoked.status == 0, "\(revoked.output)")
        let row = try token("list").output.split(separator: "\n").first { $0.hasPrefix("window-3 ") }
        let revokedAt = row?.split(separator: " ").last
        #expect(revokedAt?.hasPrefix("20") == true, "no revoked time in: \(row ?? "no row")")
        let again = try token("revoke", "window-3")
        #expect(again.status == 1)
        #expect(again.output.contains("no live token is named “window-3”"), "\(again.output)")
        #expect(try token("revoke", "nobody").status == 1)
        #expect(
            try token("create", "--role", "clerk", "--name", "window-3", "--window", "2", "--catalogue", fixture).status
                == 0)
    }

    @Test("a revocation by the CLI is seen by the running application (token cache off) at its next request")
    func revokeWhileServing() throws {
        defer { directory.remove() }
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.databasePath = database
            $0.tokenCacheSeconds = 0
        }
        defer { app.stop() }
        let created = try token(
            "create", "--role", "clerk", "--name", "window-3", "--window", "2", "--catalogue", fixture)
        let secret = try #require(created.output.split(separator: "\n").first { $0.hasPrefix("ow_") })
        let request = Request(method: "GET", path: "/", headers: ["Authorization": "Bearer \(secret)"])
        #expect(try app.application.state.authorize(request, roles: .clerk).name == "window-3")
        #expect(try token("revoke", "window-3").status == 0)
        #expect(throws: HTTPError.self) { try app.application.state.authorize(request, roles: .clerk) }
    }

    @Test("a clerk or pad token needs --window naming a window of the catalogue; a kiosk or admin token takes none")
    func windowBinding() throws {
        defer { directory.remove() }
        for role in ["clerk", "pad"] {
            let missing = try token("create", "--role", role, "--name", "w", "--catalogue", fixture)
            #expect(missing.status != 0 && missing.output.contains("add --window"), "\(missing.output)")
            let unknown = try token("create", "--role", role, "--name", "w", "--window", "9", "--catalogue", fixture)
            #expect(unknown.status == 1 && unknown.output.contains("no window “9”"), "\(unknown.output)")
            #expect(unknown.output.contains("1, 2") && !unknown.output.contains("ow_"), "\(unknown.output)")
        }
        for role in ["kiosk", "admin"] {
            let refused = try token("create", "--role", role, "--name", "k", "--window", "1", "--catalogue", fixture)
            #expect(refused.status != 0 && refused.output.contains("leave out --window"), "\(refused.output)")
        }
        #expect(try token("list").output.split(separator: "\n").count <= 1, "nothing was created")
        let pad = try token("create", "--role", "pad", "--name", "pad-2", "--window", "2", "--catalogue", fixture)
        #expect(pad.status == 0 && pad.output.contains("for window 2"), "\(pad.output)")
        let row = try token("list").output.split(separator: "\n").first { $0.hasPrefix("pad-2 ") }
        #expect(row?.split(separator: " ", omittingEmptySubsequences: true).prefix(3) == ["pad-2", "pad", "2"])
    }

    @Test("list marks a clerk token from before windows as bound to none, and warns")
    func listWarnsOfUnboundTokens() throws {
        defer { directory.remove() }
        #expect(try token("list").status == 0)  // creates the database
        try Storage(path: database).createDeviceToken(name: "old-clerk", role: .clerk, tokenHash: "x", at: Date())
        let listed = try token("list")
        #expect(listed.output.contains("old-clerk  clerk  NONE"), "\(listed.output)")
        #expect(listed.output.contains("warning: the clerk token “old-clerk” belongs to no window"), "\(listed.output)")
    }

    @Test("an unknown role is refused by the parser, which lists the roles")
    func invalidRole() throws {
        defer { directory.remove() }
        let result = try token("create", "--role", "boss", "--name", "K1")
        #expect(result.status != 0)
        #expect(result.output.contains("'boss' is invalid") && result.output.contains("'kiosk'"), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }
}

import Foundation
import Logging
import OneWindowApp
import OneWindowCity
import OneWindowTesting
import Testing

/// A newcomer following README's city section: each mistake gets a message that names what is
/// wrong and what to do, from the real `onewindow-city` binary.
@Suite("The city service's start-up mistakes", .serialized, .timeLimit(.minutes(3)))
struct CityOperatorTests {
    static func serve(_ cluster: PostgresCluster, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try DaemonProcess.run(
            ["serve", "--port", "0", "--pg-port", "\(cluster.port)"] + arguments, executable: "onewindow-city")
    }

    @Test("serve with a user, a database or a password PostgreSQL refuses exits at once, naming it and what to do")
    func refusedConnections() throws {
        let cluster = try PostgresCluster()
        defer { cluster.remove() }
        let name = try cluster.createDatabase()
        let user = try Self.serve(cluster, ["--pg-user", "nobodyhere", "--pg-database", name])
        #expect(user.status != 0)
        #expect(user.output.contains("does not let user “nobodyhere”"), "\(user.output)")
        #expect(user.output.contains("--pg-user"), "\(user.output)")
        let database = try Self.serve(cluster, ["--pg-user", cluster.user, "--pg-database", "no_such_city"])
        #expect(database.status != 0)
        #expect(database.output.contains("has no database “no_such_city”"), "\(database.output)")
        #expect(database.output.contains("createdb -O onewindow no_such_city"), "\(database.output)")
        // Passwords from here on: scram over TCP, as a city's PostgreSQL would ask.
        try cluster.psql("ALTER USER \(cluster.user) PASSWORD 'right-password'", database: name)
        try "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n".write(
            toFile: "\(cluster.directory)/data/pg_hba.conf", atomically: false, encoding: .utf8)
        try cluster.psql("SELECT pg_reload_conf()", database: name)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let wrong = directory.path("wrong.password")
        try "wrong-password\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        let refused = try Self.serve(
            cluster, ["--pg-user", cluster.user, "--pg-database", name, "--pg-password-file", wrong])
        #expect(refused.status != 0)
        #expect(refused.output.contains("refused the password of user “onewindow”"), "\(refused.output)")
        #expect(refused.output.contains("--pg-password-file"), "\(refused.output)")
        let none = try Self.serve(cluster, ["--pg-user", cluster.user, "--pg-database", name])
        #expect(none.status != 0)
        #expect(none.output.contains("asks user “onewindow” for a password"), "\(none.output)")
        let right = directory.path("right.password")
        try "right-password\n".write(toFile: right, atomically: true, encoding: .utf8)
        let added = try DaemonProcess.run(
            [
                "reader-add", "city-office", "--pg-port", "\(cluster.port)", "--pg-user", cluster.user,
                "--pg-database", name, "--pg-password-file", right,
            ], executable: "onewindow-city")
        #expect(added.status == 0, "with the right password the database is reached: \(added.output)")
    }

    @Test("serve as a user that may not create the city's tables exits, naming the refusal and the owner to set")
    func notOwner() throws {
        let cluster = try PostgresCluster()
        defer { cluster.remove() }
        let name = try cluster.createDatabase()
        try cluster.psql("CREATE ROLE visitor LOGIN", database: name)
        let refused = try Self.serve(cluster, ["--pg-user", "visitor", "--pg-database", name])
        #expect(refused.status != 0)
        #expect(
            refused.output.contains("applying the city's migrations in database “\(name)” failed"), "\(refused.output)")
        #expect(refused.output.contains("SQLSTATE 42501"), "\(refused.output)")
        #expect(refused.output.contains("ALTER DATABASE \(name) OWNER TO visitor"), "\(refused.output)")
    }

    @Test(
        "with PostgreSQL down at start the service waits for it, then says it cannot reach it, where, and what to check"
    )
    func databaseDown() throws {
        let cluster = try PostgresCluster()
        defer { cluster.remove() }
        let name = try cluster.createDatabase()
        cluster.stop()
        var configuration = CityConfiguration(
            database: CityDatabase.Location(port: cluster.port, user: cluster.user, database: name))
        configuration.http.port = 0
        let error = #expect(throws: (any Error).self) {
            _ = try CityApplication(configuration: configuration, logger: Logger(label: "test"), migrationTimeout: 2)
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("cannot reach PostgreSQL at 127.0.0.1:\(cluster.port)"), "\(text)")
        #expect(text.contains("Is PostgreSQL running there?") && text.contains("--pg-port"), "\(text)")
        // Once PostgreSQL is up, the same configuration starts and serves.
        try cluster.start()
        let application = try CityApplication(
            configuration: configuration, logger: Logger(label: "test"), migrationTimeout: 10)
        defer { application.stop() }
        #expect(try TestHTTPClient(port: try application.start()).get("/healthz").status == 200)
    }

    @Test(
        "hall-add and reader-add of a name the city has fail, saying so and naming the command that gives a new token")
    func addedTwice() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let first = try CityTokenCommandTests.city(city, ["hall-add", "xigang", "西岗区政务服务中心"])
        #expect(first.status == 0, "\(first.output)")
        let token = try #require(CityTokenCommandTests.token(first.output), "\(first.output)")
        let second = try CityTokenCommandTests.city(city, ["hall-add", "xigang", "西岗区"])
        #expect(second.status != 0)
        #expect(second.output.contains("the city has a hall “xigang” already"), "\(second.output)")
        #expect(second.output.contains("onewindow-city hall-token xigang"), "\(second.output)")
        // The first token still writes: the second add changed nothing.
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 1), token: token).status == 200)
        #expect(try CityTokenCommandTests.city(city, ["reader-add", "office"]).status == 0)
        let reader = try CityTokenCommandTests.city(city, ["reader-add", "office"])
        #expect(reader.status != 0)
        #expect(reader.output.contains("the city has a reader “office” already"), "\(reader.output)")
    }
}

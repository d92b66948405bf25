import Foundation

/// A real PostgreSQL cluster for one test: `initdb` in a temporary folder, `pg_ctl start` on a
/// free loopback port, `stop()` at the end. PostgreSQL refuses to run as root, so when the
/// tests run as root the cluster runs as `nobody` (through `runuser`); otherwise as the user
/// running the tests. Its superuser is `onewindow`, trusted on loopback only.
public final class PostgresCluster: @unchecked Sendable {
    // @unchecked: `port` is set once in init; the rest are constants.
    public let directory: String
    public let port: Int
    public let user = "onewindow"
    let binaries: String
    let runAs: String?

    /// Creates and starts the cluster; throws if PostgreSQL is not installed
    /// (`scripts/install-deps.sh postgresql`) or does not start within its deadline.
    public init() throws {
        binaries = try Self.findBinaries()
        runAs = getuid() == 0 ? "nobody" : nil
        // Under the run's folder when `scripts/test.sh` gives one: it stops what a crashed test left.
        let root = ProcessInfo.processInfo.environment["ONEWINDOW_TEST_PG_ROOT"] ?? "/tmp"
        directory = "\(root)/onewindow-pg-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        if let runAs, let entry = getpwnam(runAs) {
            chown(directory, entry.pointee.pw_uid, entry.pointee.pw_gid)
        }
        port = Int(try Self.freePort())
        try run("initdb", ["-D", "\(directory)/data", "-U", user, "--auth=trust", "-E", "UTF8", "--no-sync"])
        try start()
    }

    /// Starts the cluster (again, after `stop(immediately:)`); waits until it accepts connections.
    public func start() throws {
        try run(
            "pg_ctl",
            [
                "-D", "\(directory)/data", "-l", "\(directory)/log", "-w", "-t", "30", "-o",
                "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60",
                "start",
            ])
    }

    /// Stops the cluster: `immediately` as a crash would (mode immediate), else fast.
    public func stop(immediately: Bool = false) {
        _ = try? run("pg_ctl", ["-D", "\(directory)/data", "-m", immediately ? "immediate" : "fast", "-w", "stop"])
    }

    /// Creates a database; returns its name.
    @discardableResult
    public func createDatabase(_ name: String = "city_\(UUID().uuidString.prefix(8).lowercased())") throws -> String {
        try run("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, name])
        return name
    }

    /// Runs `sql` in `database` with `psql` (stopping at the first error); its output. For a
    /// test that makes one of the city's writes fail while PostgreSQL runs.
    @discardableResult
    public func psql(_ sql: String, database: String) throws -> String {
        try run(
            "psql",
            ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    /// Stops the cluster and removes its folder.
    public func remove() {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs one of PostgreSQL's programs, as `runAs` when set; throws with its output on failure.
    ///
    /// Spawned by hand, not with Foundation's `Process`: `Process` learns of the end through a
    /// socket the child inherits, and the server that `pg_ctl start` leaves running would hold
    /// it (and any other descriptor of this process) for ever. Here the child gets only its
    /// output file; descriptors from 3 up are closed
    /// (those open when it starts; a test's others are not this child's).
    @discardableResult
    func run(_ program: String, _ arguments: [String]) throws -> String {
        let path = "\(binaries)/\(program)"
        // `sh` goes to the cluster's folder first (the user it runs as may not enter ours).
        let argv =
            ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, directory]
            + (runAs.map { ["/usr/sbin/runuser", "-u", $0, "--", path] } ?? [path])
        let outputPath = "\(directory)/\(program)-\(UUID().uuidString.prefix(8)).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap(Int32.init) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let cArguments = (argv + arguments).map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else {
            throw Failure(message: "cannot start \(program): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(message: "\(program) \(arguments.joined(separator: " ")) failed (\(status)):\n\(text)")
        }
        return text
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The newest PostgreSQL's programs from Debian's packages.
    static func findBinaries() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        guard let newest = versions.compactMap(Int.init).max() else {
            throw Failure(message: "PostgreSQL is not installed: run scripts/install-deps.sh postgresql")
        }
        return "\(root)/\(newest)/bin"
    }

    /// A port that was free a moment ago: bound to port 0 on loopback, then closed.
    static func freePort() throws -> UInt16 {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure(message: "cannot find a free port") }
        return UInt16(bigEndian: address.sin_port)
    }
}

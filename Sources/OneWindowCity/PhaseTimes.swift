/// How long each phase of answering a request took, for a `Server-Timing` header: the city's
/// year query is measured by its phases (read, sum, report, encode) from outside, by the bench,
/// without a profiler and without logging every request.
struct PhaseTimes: Sendable {
    private var phases: [(name: String, duration: Duration)] = []
    private let clock = ContinuousClock()

    /// Runs `body` and records how long it took under `name`.
    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let started = clock.now
        defer { phases.append((name, clock.now - started)) }
        return try body()
    }

    /// Awaits `body` and records how long it took under `name`.
    mutating func measure<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
        let started = clock.now
        defer { phases.append((name, clock.now - started)) }
        return try await body()
    }

    /// `name;dur=milliseconds` per phase, in the order measured (W3C Server Timing).
    var header: String {
        phases.map { phase in
            let (seconds, attoseconds) = phase.duration.components
            let milliseconds = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
            return "\(phase.name);dur=\((milliseconds * 10).rounded() / 10)"
        }.joined(separator: ", ")
    }
}

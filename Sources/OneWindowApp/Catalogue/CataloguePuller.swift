import Foundation
import Logging
import OneWindowCore
import OneWindowHTTP
import Synchronization

/// Pulls the hall's catalogue from the city on a thread of its own, every `intervalSeconds`.
///
/// Each pull asks with `If-None-Match` (the ETag of the last good file), checks the signature
/// over the bytes, then runs `check`, then reloads as SIGHUP does. Only then is the file kept,
/// as the catalogue file with its `.sig` and `.etag` beside it, so that a restart without the
/// city starts on the last good one. Anything short of that keeps the catalogue that serves;
/// the outcome is logged and shown in `/healthz` and Prometheus.
public final class CataloguePuller: Sendable {
    let pull: CataloguePull
    /// The catalogue file the hall loads at start and on SIGHUP.
    let path: String
    let maxBytes: Int
    let logger: Logger
    let clock: QueueService.Clock
    /// Reloads as SIGHUP does; bound by the `Application` once it is whole.
    private let adopter = Mutex<Adopt?>(nil)
    private let figures: CatalogueFigures
    private let health = Mutex(Health())
    /// One pull at a time: the thread's and a test's `pullNow`.
    private let turn = Mutex(())
    private let stopping = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    /// The start pulled the file (`firstPull`): the thread's first pull waits an interval.
    private let pulledAtStart: Bool

    /// - Parameter pulledAtStart: whether the start just pulled the file it loaded.
    init(
        pull: CataloguePull, path: String, maxBytes: Int, figures: CatalogueFigures, logger: Logger,
        clock: @escaping QueueService.Clock, pulledAtStart: Bool = false
    ) {
        self.pulledAtStart = pulledAtStart
        if pulledAtStart { health.withLock { $0.record(.updated(""), at: clock()) } }
        self.pull = pull
        self.path = path
        self.maxBytes = maxBytes
        self.figures = figures
        self.logger = logger
        self.clock = clock
    }

    /// Reloads with the snapshot and, if it serves, runs the closure before any other reload.
    typealias Adopt = @Sendable (CatalogueSnapshot, () -> Void) -> Result<CatalogueSnapshot, CatalogueError>

    func bind(adopt: @escaping Adopt) { adopter.withLock { $0 = adopt } }

    func start() {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        let thread = Thread { [self] in
            if pulledAtStart { _ = wake.wait(timeout: .now() + pull.intervalSeconds) }
            while !stopping.load(ordering: .relaxed) {
                pullNow()
                _ = wake.wait(timeout: .now() + pull.intervalSeconds)
            }
            finished.signal()
        }
        thread.name = "onewindow-catalogue"
        thread.start()
    }

    /// Stops the thread; a pull under way ends within its timeout.
    func stop() {
        guard started.load(ordering: .relaxed), !stopping.exchange(true, ordering: .relaxed) else { return }
        wake.signal()
        _ = finished.wait(timeout: .now() + pull.timeoutSeconds + 5)
    }

    /// Pulls once, now, and returns how it went (the thread calls this; so can a test).
    @discardableResult
    public func pullNow() -> CataloguePullOutcome {
        turn.withLock { _ in
            let outcome = pullOnce()
            let now = clock()
            figures.show(outcome, at: now)
            health.withLock { $0.record(outcome, at: now) }
            report(outcome)
            return outcome
        }
    }

    private func pullOnce() -> CataloguePullOutcome {
        let fetched: Fetched
        switch fetch(ifNoneMatch: Self.heldETag(path)) {
        case .failure(let outcome): return outcome
        case .success(nil): return .notModified
        case .success(let answer?): fetched = answer
        }
        let snapshot: CatalogueSnapshot
        switch Self.accept(fetched, pull: pull, source: pull.url.absoluteString, at: clock()) {
        case .failure(let outcome): return outcome
        case .success(let accepted): snapshot = accepted
        }
        // Written beside the file first, so that the rename after the reload cannot fail for room.
        let staged = path + ".pulled"
        do {
            try fetched.body.write(to: URL(fileURLWithPath: staged), options: .atomic)
        } catch {
            return .notStored("cannot write \(staged): \(error.localizedDescription); the catalogue was not reloaded")
        }
        guard let adopt = adopter.withLock({ $0 }) else {
            try? FileManager.default.removeItem(atPath: staged)
            return .reloadRefused("the hall is still starting")
        }
        var notKept: String?
        let adopted = adopt(snapshot) {
            do {
                try Self.keep(fetched, staged: staged, as: path)
            } catch {
                try? FileManager.default.removeItem(atPath: staged)
                let reason = (error as? KeepFailure)?.description ?? error.localizedDescription
                notKept = "cannot keep the file: \(reason); a restart would start on the previous file"
            }
        }
        if case .failure(let error) = adopted {
            try? FileManager.default.removeItem(atPath: staged)
            return .reloadRefused(error.description)
        }
        if let notKept { return .notStored(notKept) }
        return .updated(snapshot.version)
    }

    /// Checks the signature, then what `onewindowd check` checks.
    static func accept(_ fetched: Fetched, pull: CataloguePull, source: String, at now: Date)
        -> Result<CatalogueSnapshot, CataloguePullOutcome>
    {
        guard let signature = fetched.signature else {
            return .failure(.badSignature("the answer has no X-OneWindow-Signature header"))
        }
        do {
            try pull.key.verify(fetched.body, signature: signature)
        } catch {
            return .failure(.badSignature(error.reason))
        }
        do {
            let catalogue = try CatalogueLoader.load(fetched.body, file: source)
            return .success(CatalogueSnapshot(catalogue: catalogue, version: ETag.digest(fetched.body), loadedAt: now))
        } catch {
            return .failure(.failedCheck(error.description))
        }
    }

    private func report(_ outcome: CataloguePullOutcome) {
        let metadata: Logger.Metadata = ["url": "\(pull.url.absoluteString)", "outcome": "\(outcome.code)"]
        switch outcome {
        case .updated(let version):
            logger.notice(
                "catalogue pulled from the city and reloaded",
                metadata: metadata.merging(["version": "\(version)"]) { $1 })
        case .notModified:
            logger.debug("catalogue unchanged at the city", metadata: metadata)
        case .unreachable(let why):
            logger.warning("cannot pull the catalogue; the last good one serves: \(why)", metadata: metadata)
        case .badSignature(let why), .failedCheck(let why), .reloadRefused(let why), .notStored(let why):
            logger.error("pulled catalogue not used; the last good one serves\n\(why)", metadata: metadata)
        }
    }

    /// What `/healthz` shows.
    public var status: Health { health.withLock { $0 } }
}

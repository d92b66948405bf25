import Foundation
import Synchronization

/// Carries out the kiosk's effects against the daemon and the receipt printer.
public final class ApplicantRunner: EffectRunner {
    let daemon: any DaemonAPI
    let printer: ReceiptPrinter?
    let publicURL: URL?
    /// How reads (catalogue, guides, cases) retry; the catalogue keeps trying for ever.
    let backoff: Backoff
    /// Where the catalogue and guides last loaded are kept (`CatalogueCache`); nil: memory only.
    let cacheFile: String?
    private let hall = Mutex<HallInfo?>(nil)
    private let services = Mutex<[ServiceSummary]>([])
    private let issueTask = Mutex<Task<Void, Never>?>(nil)
    /// Receipts are printed here, one after another, never on the loop thread: a printer that
    /// stalls (out of paper, unplugged mid-write) would freeze the screen. A serial queue, not
    /// a `Task`: the write blocks, and Swift's few cooperative threads must not.
    private let printing = DispatchQueue(label: "onewindow.kiosk-printer")

    public init(
        daemon: any DaemonAPI, printer: ReceiptPrinter?, publicURL: URL?, cacheFile: String? = nil,
        backoff: Backoff = Backoff()
    ) {
        self.daemon = daemon
        self.cacheFile = cacheFile
        self.printer = printer
        self.publicURL = publicURL
        self.backoff = backoff
    }

    public func run(_ effect: ApplicantEffect, send: @escaping @Sendable (ApplicantMessage) -> Void) {
        let daemon = self.daemon
        let backoff = self.backoff
        let quick = Backoff(initial: backoff.initial, maximum: backoff.maximum, attempts: 3)
        switch effect {
        case .loadCatalogue:
            let cacheFile = self.cacheFile
            Task {
                // Until the daemon answers, what was loaded last time (only after a failed first try).
                let loaded = await result {
                    try await retrying(
                        backoff,
                        onRetry: { attempt, error in
                            if attempt == 1, let cache = cacheFile.flatMap(CatalogueCache.load) {
                                send(.catalogue(cache.hall, cache.services))
                                for guide in cache.guides { send(.guideCached(guide)) }
                            }
                            send(.catalogueRetry(attempt: attempt, error))
                        }
                    ) {
                        () async throws(DaemonError) in
                        (try await daemon.hall(), try await daemon.services(query: nil))
                    }
                }
                switch loaded {
                case .success(let (hall, services)):
                    self.hall.withLock { $0 = hall }
                    self.services.withLock { $0 = services }
                    send(.catalogue(hall, services))
                case .failure(let error): send(.catalogueFailed(error))
                }
            }
        case .search(let query):
            Task { send(.searchResults(query: query, await result { try await daemon.services(query: query) })) }
        case .loadGuide(let serviceId):
            Task {
                send(
                    .guide(
                        serviceId: serviceId,
                        await result {
                            try await retrying(quick) { () async throws(DaemonError) in
                                try await daemon.guide(serviceId: serviceId)
                            }
                        }))
            }
        case .prefetchGuides(let ids):
            // One at a time, behind what the applicant asks for; a guide that fails is skipped.
            let cacheFile = self.cacheFile
            Task(priority: .background) {
                var guides: [ServiceGuide] = []
                for id in ids {
                    guard let guide = try? await daemon.guide(serviceId: id) else { continue }
                    guides.append(guide)
                    send(.guideCached(guide))
                }
                // Kept for a restart while the daemon is down, once every guide has been fetched.
                if let cacheFile, guides.count == ids.count, let hall = self.hall.withLock({ $0 }) {
                    let services = self.services.withLock { $0 }
                    try? CatalogueCache(hall: hall, services: services, guides: guides).save(cacheFile)
                }
            }
        case .lookUpCase(let caseId):
            Task {
                send(
                    .caseFound(
                        caseId,
                        await result {
                            let found = try await retrying(quick) { () async throws(DaemonError) in
                                try await daemon.caseInfo(id: caseId)
                            }
                            let guide = try await daemon.guide(serviceId: found.serviceId)
                            return ApplicantMessage.CaseFound(caseInfo: found, guide: guide)
                        }))
            }
        case .issue(let request, let key):
            let task = Task {
                let outcome = await result {
                    try await daemon.issue(request, idempotencyKey: key) {
                        send(.issueRetry(key: key, attempt: $0, $1))
                    }
                }
                send(.issued(key: key, outcome))
            }
            issueTask.withLock { $0 = task }
        case .cancelIssue:
            issueTask.withLock { $0?.cancel() }
        case .print(let ticket, let guide):
            printing.async { send(.printed(ticketId: ticket.id, problem: self.print(ticket, guide: guide))) }
        case .checkIn(let code):
            let task = Task { send(.checkedIn(code: code, await result { try await daemon.checkIn(code: code) })) }
            issueTask.withLock { $0 = task }
        case .evaluate(let request):
            Task {
                send(.evaluated(number: request.number, await result { try await daemon.evaluate(request) }))
            }
        }
    }

    /// Prints the receipt; answers why not, if it did not.
    func print(_ ticket: TicketInfo, guide: ServiceGuide?) -> String? {
        guard let printer else { return PrintProblem.noPrinter }
        let hall = self.hall.withLock { $0 }
        let time = HallTime(identifier: hall?.timeZone)
        let issued = HallTime.parse(ticket.issuedAt).map(time.minute) ?? ticket.issuedAt
        let receipt = TicketReceipt(
            hallName: hall?.name ?? "", ticket: ticket,
            serviceName: ticket.serviceName ?? guide?.name ?? ticket.serviceId,
            materials: guide?.materials.map(\.name) ?? [], issuedAt: issued, publicURL: publicURL)
        do {
            try printer.print(try receipt.escPos())
            return nil
        } catch {
            return "\(error)"
        }
    }
}

/// A call to the daemon as a `Result`.
func result<T>(_ body: () async throws -> T) async -> Result<T, DaemonError> {
    do {
        return .success(try await body())
    } catch let error as DaemonError {
        return .failure(error)
    } catch {
        return .failure(.badAnswer("\(error)"))
    }
}

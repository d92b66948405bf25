import Foundation
import OneWindowCore
import Synchronization

extension Application {
    /// Refuses a new catalogue that would strand open cases or tickets (`CatalogueReloadCheck`).
    func checkReload(to snapshot: CatalogueSnapshot) throws(CatalogueError) {
        let file = configuration.cataloguePath
        let missing: [(caseId: String, serviceId: String, materials: [String])]
        let openCases: [String: [String]]
        do {
            missing = try state.storage.openCaseMissingMaterials()
            openCases = try state.storage.openCaseIds(
                services: CatalogueReloadCheck.servicesToCheck(from: state.catalogue.catalogue, to: snapshot.catalogue))
        } catch {
            throw CatalogueError(
                file: file,
                issues: [
                    CatalogueIssue(
                        path: "", reason: "cannot read the open cases to check the new file against: \(error)")
                ])
        }
        let issues = CatalogueReloadCheck.issues(
            from: state.catalogue.catalogue, to: snapshot.catalogue, queue: state.queue.read { $0 },
            openCases: openCases, missing: missing)
        if !issues.isEmpty { throw CatalogueError(file: file, issues: issues) }
    }
}

/// How many waiting tickets and open cases a reload moved to renamed services.
struct ReplacementMoves: Sendable {
    var tickets: Int
    var cases: Int
}

extension Application {
    /// After a reload that renamed services (`replaces`): moves their waiting tickets and open
    /// cases to the new ids through the commit thread, and waits for the commit (at most the
    /// answer timeout). A failure is logged; the next reload tries again.
    func moveToReplacements(_ snapshot: CatalogueSnapshot) {
        guard snapshot.catalogue.services.contains(where: { $0.replaces != nil }) else { return }
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<ReplacementMoves, QueueFailure>?>(nil)
        state.queue.execute(.moveToReplacements, by: "catalogue", answer: ReplacementMoves.self) { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        _ = done.wait(timeout: .now() + configuration.http.answerTimeoutSeconds)
        switch outcome.withLock({ $0 }) {
        case .success(let moved) where moved.tickets + moved.cases > 0:
            logger.notice(
                "moved waiting tickets and open cases of renamed services to their new ids",
                metadata: ["tickets": "\(moved.tickets)", "cases": "\(moved.cases)"])
        case .success: break
        case .failure(let failure):
            logger.error("could not move the tickets and cases of renamed services: \(failure); reload again")
        case nil:
            logger.error("moving the tickets and cases of renamed services did not finish in time; reload again")
        }
    }
}

extension Application {
    /// At start the previous catalogue is not known, so nothing can be refused: what the
    /// file renamed with `replaces` is moved as on a reload, and open cases or tickets whose
    /// service is in the file under no id are named in a warning (their return visit would get
    /// `service_not_found` until the service is back).
    func adoptAtStart(_ snapshot: CatalogueSnapshot) {
        moveToReplacements(snapshot)
        let (tickets, services) = state.queue.read { queue in
            (
                queue.tickets.values.filter { !$0.status.isFinal && queue.catalogue.service(id: $0.serviceId) == nil }
                    .sorted(by: Ticket.isServedBefore).map(\.number),
                queue.catalogue.services.map(\.id)
            )
        }
        let cases: [String]
        do {
            cases = try state.storage.openCaseIds(outside: services, limit: 20)
        } catch {
            logger.error("cannot read the open cases to check them against the catalogue: \(error)")
            cases = []
        }
        guard !cases.isEmpty || !tickets.isEmpty else { return }
        logger.warning(
            "open cases or tickets are for services the catalogue no longer has; put the services back or name their ids in replaces",
            metadata: [
                "cases": "\(cases.prefix(20).joined(separator: ","))",
                "tickets": "\(tickets.prefix(20).joined(separator: ","))",
            ])
    }
}

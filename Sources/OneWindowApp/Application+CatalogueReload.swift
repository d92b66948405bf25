import Foundation
import OneWindowCore
import Synchronization

extension Application {
    /// Refuses a new catalogue that would strand open cases or tickets (`CatalogueReloadCheck`).
    func checkReload(to snapshot: CatalogueSnapshot) throws(CatalogueError) {
        let file = configuration.cataloguePath
        let missing: [(caseId: String, serviceId: String, materials: [String])]
        do {
            missing = try state.storage.openCaseMissingMaterials()
        } catch {
            throw CatalogueError(
                file: file,
                issues: [
                    CatalogueIssue(
                        path: "", reason: "cannot read the open cases to check the new file against: \(error)")
                ])
        }
        let issues = CatalogueReloadCheck.issues(
            from: state.catalogue.catalogue, to: snapshot.catalogue, queue: state.queue.read { $0 }, missing: missing)
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
        state.queue.submit({ queue, now, _ throws(QueueError) in
            let moved = queue.moveToReplacements(actor: "catalogue", at: now)
            return ReplacementMoves(tickets: moved.tickets, cases: moved.cases)
        }) { result in
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

import Foundation
import Logging
import OneWindowCore

extension CataloguePuller {
    /// A hall started with `--catalogue-url` and no catalogue file yet (its first start) pulls
    /// one before it loads: with the same checks, stored the same way. Without the city and
    /// without a file it cannot open, and says so.
    static func firstPull(_ pull: CataloguePull, path: String, maxBytes: Int, logger: Logger)
        throws(CatalogueError)
    {
        func refuse(_ outcome: CataloguePullOutcome) -> CatalogueError {
            CatalogueError(
                file: path,
                issues: [
                    CatalogueIssue(
                        path: "",
                        reason: "no catalogue file yet, and the first pull from \(pull.url.absoluteString) failed "
                            + "(\(outcome.code)): \(outcome.problem ?? "")")
                ])
        }
        let fetched: Fetched
        switch fetch(pull, maxBytes: maxBytes, ifNoneMatch: nil) {
        case .failure(let outcome): throw refuse(outcome)
        case .success(.none): throw refuse(.unreachable("the city answered 304 to a request without If-None-Match"))
        case .success(let answer?): fetched = answer
        }
        if case .failure(let outcome) = accept(fetched, pull: pull, source: pull.url.absoluteString, at: Date()) {
            throw refuse(outcome)
        }
        let staged = path + ".pulled"
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try fetched.body.write(to: URL(fileURLWithPath: staged), options: .atomic)
            try keep(fetched, staged: staged, as: path)
        } catch {
            throw refuse(.notStored("\(error.localizedDescription)"))
        }
        logger.notice("first catalogue pulled from the city", metadata: ["url": "\(pull.url.absoluteString)"])
    }
}

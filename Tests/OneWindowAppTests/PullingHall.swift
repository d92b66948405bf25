import Foundation
import OneWindowApp
import OneWindowTesting

/// A hall whose catalogue is the city's (`--catalogue-url`): it keeps the pulled file in a
/// folder of its own, checks it with `key`, and pulls again only when a test calls `pullNow`
/// (the interval is an hour). Its first pull happens before it opens.
struct PullingHall {
    let app: TestApplication
    /// Where the hall keeps the pulled catalogue.
    let path: String
    private let folder: TemporaryDirectory

    init(url: URL, key: CatalogueVerifyingKey) throws {
        folder = try TemporaryDirectory()
        let path = folder.path("services.json")
        self.path = path
        let pull = CataloguePull(url: url, key: key)
        do {
            app = try TestApplication(catalogue: path) {
                $0.cataloguePath = path
                $0.cataloguePull = pull
                $0.cataloguePull?.intervalSeconds = 3600
            }
        } catch {
            folder.remove()
            throw error
        }
    }

    /// One pull now, as the puller's thread would do it.
    func pullNow() -> CataloguePullOutcome? { app.application.cataloguePuller?.pullNow() }

    func stop() {
        app.stop()
        folder.remove()
    }
}

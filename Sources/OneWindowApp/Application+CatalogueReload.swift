import OneWindowCore

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

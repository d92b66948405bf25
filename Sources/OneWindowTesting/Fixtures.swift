import Foundation

/// Files the tests share: `Tests/Fixtures` and the repo's own services.json.
public enum Fixtures {
    /// The repository's root folder, found from this source file's place in it.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
    }

    /// A small valid catalogue: three services, a comprehensive and a specialised window.
    public static var validCatalogue: String { path("valid.json") }

    /// The catalogue the hall ships.
    public static var shippedCatalogue: String { repositoryRoot.appendingPathComponent("services.json").path }

}

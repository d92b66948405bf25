/// One thing wrong in a catalogue file: where (a JSON path) and why.
public struct CatalogueIssue: Sendable, Equatable, CustomStringConvertible {
    /// JSON path such as `services[12].materials[3].copies`; empty for the document itself.
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}

/// A catalogue file that could not be loaded, with every issue found in it.
public struct CatalogueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    public var issues: [CatalogueIssue]

    public init(file: String, issues: [CatalogueIssue]) {
        self.file = file
        self.issues = issues
    }

    /// One line per issue, each starting with the file name, as compilers print errors.
    public var description: String {
        issues.map { "\(file): \($0)" }.joined(separator: "\n")
    }
}

/// A path into a JSON document, printed as `services[12].materials[3].copies`.
struct JSONPath: Sendable, CustomStringConvertible {
    private var text: String

    static let root = JSONPath(text: "")

    func appending(key: String) -> JSONPath {
        JSONPath(text: text.isEmpty ? key : "\(text).\(key)")
    }

    func appending(index: Int) -> JSONPath {
        JSONPath(text: "\(text)[\(index)]")
    }

    var description: String { text }
}

/// Collects issues while the loader walks the document; shared by every reader of one load.
final class IssueLog {
    private(set) var issues: [CatalogueIssue] = []

    func report(_ path: JSONPath, _ reason: String) {
        issues.append(CatalogueIssue(path: path.description, reason: reason))
    }
}

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

/// A path into a JSON document, printed as `services[12].materials[3].copies`. A key that is
/// not a plain name (empty, or with a dot, a space, a quote, a non-ASCII letter) is printed
/// quoted in brackets, as JSON writes strings: `services[0]["a.b"]`, `[""]` at the top.
struct JSONPath: Sendable, CustomStringConvertible {
    private var text: String

    static let root = JSONPath(text: "")

    func appending(key: String) -> JSONPath {
        guard Self.isPlainName(key) else { return JSONPath(text: "\(text)[\(Self.quoted(key))]") }
        return JSONPath(text: text.isEmpty ? key : "\(text).\(key)")
    }

    private static func isPlainName(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }

    private static func quoted(_ key: String) -> String {
        var out = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
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

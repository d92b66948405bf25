import Foundation

/// The words of the messages to the applicant's phone, in Chinese, one template per kind:
/// `{name}` is replaced by the message's parameter of that name.
///
/// The defaults are `Resources/messages.json`; a hall gives its own with `--messages-file`
/// (every template must be there; a city's SMS platform often requires its own wording and a
/// signature such as 【某某市政务服务】). Read once at start.
public struct MessageTemplates: Sendable, Equatable {
    public let templates: [String: String]

    /// The shipped templates.
    public static let standard: MessageTemplates = {
        // The shipped file is checked by MessageTemplatesTests; it cannot be bad at run time.
        try! MessageTemplates(json: Data(PackageResources.messages_json))
    }()

    /// Reads templates from JSON (an object of strings), refusing a file without every kind.
    public init(json: Data) throws(MessageTemplatesError) {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
            let templates = object as? [String: String]
        else { throw MessageTemplatesError(description: "the templates must be a JSON object of strings") }
        let missing = PhoneMessage.Template.allCases.map(\.rawValue).filter { templates[$0] == nil }
        guard missing.isEmpty else {
            throw MessageTemplatesError(description: "templates missing: \(missing.joined(separator: ", "))")
        }
        self.templates = templates
    }

    /// Reads a `--messages-file`; the error names the file.
    public init(file path: String) throws(MessageTemplatesError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MessageTemplatesError(description: "\(path): cannot read the messages file")
        }
        do {
            try self.init(json: data)
        } catch {
            throw MessageTemplatesError(description: "\(path): \(error.description)")
        }
    }

    /// The text of `template` with `params` put in; a parameter the template does not name
    /// is left out, and a name without a parameter stays as written.
    public func text(_ template: String, _ params: [String: String]) -> String {
        var text = templates[template] ?? template
        for (name, value) in params { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}

public struct MessageTemplatesError: Error, CustomStringConvertible {
    public let description: String
}

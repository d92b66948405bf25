import Foundation
import OneWindowCore
import OneWindowTesting

/// Builds a catalogue file from the valid fixture with one thing changed at a JSON path
/// such as `services[0].materials[1].copies`; `nil` removes the field.
func catalogueData(setting path: String, to value: Any?) throws -> Data {
    let document = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue)))
    let changed = try set(document, components: parse(path), value)
    return try JSONSerialization.data(withJSONObject: changed)
}

/// Loads bytes as a catalogue and returns the issues, or `[]` when it loaded.
func issues(loading data: Data) -> [CatalogueIssue] {
    do {
        _ = try CatalogueLoader.load(data, file: "test.json")
        return []
    } catch {
        return error.issues
    }
}

func issues(setting path: String, to value: Any?) throws -> [CatalogueIssue] {
    issues(loading: try catalogueData(setting: path, to: value))
}

private enum Component {
    case key(String)
    case index(Int)
}

private func parse(_ path: String) -> [Component] {
    var result: [Component] = []
    for part in path.split(separator: ".") {
        let pieces = part.split(separator: "[")
        result.append(.key(String(pieces[0])))
        for index in pieces.dropFirst() { result.append(.index(Int(index.dropLast())!)) }
    }
    return result
}

private struct BadPath: Error {}

private func set(_ node: Any, components: [Component], _ value: Any?) throws -> Any {
    guard let first = components.first else { return value as Any }
    let rest = Array(components.dropFirst())
    switch first {
    case .key(let key):
        guard var object = node as? [String: Any] else { throw BadPath() }
        if rest.isEmpty {
            object[key] = value
        } else {
            object[key] = try set(object[key] as Any, components: rest, value)
        }
        return object
    case .index(let index):
        guard var array = node as? [Any], array.indices.contains(index) else { throw BadPath() }
        array[index] = try set(array[index], components: rest, value)
        return array
    }
}

import Foundation
import OneWindowTesting

/// docs/evaluation-push.schema.json, checked the simple way its records need: every key the
/// schema requires and no other, each value of one of the types (or enum values) it allows.
enum PushRecordSchema {
    static func load() throws -> [String: Any] {
        let url = Fixtures.repositoryRoot.appendingPathComponent("docs/evaluation-push.schema.json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// What in `record` the schema does not allow; empty when it conforms.
    static func problems(_ record: [String: Any], schema: [String: Any]) -> [String] {
        let required = Set(schema["required"] as? [String] ?? [])
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        var problems: [String] = []
        if Set(record.keys) != required {
            problems.append("keys differ: \(Set(record.keys).symmetricDifference(required).sorted())")
        }
        for (key, value) in record {
            guard let property = properties[key] else { continue }
            if let constant = property["const"], "\(constant)" != "\(value)" { problems.append("\(key) ≠ \(constant)") }
            if let allowed = property["enum"] as? [Any] {
                let names = allowed.map { $0 is NSNull ? "null" : "\($0)" }
                if !names.contains(value is NSNull ? "null" : "\(value)") {
                    problems.append("\(key)=\(value) not in enum")
                }
            }
            let types = (property["type"] as? [String]) ?? (property["type"] as? String).map { [$0] } ?? []
            if !types.isEmpty, !types.contains(typeName(value)) {
                problems.append("\(key) is \(typeName(value)), not \(types)")
            }
            if key == "case", let nested = value as? [String: Any] {
                problems += Self.problems(nested, schema: property).map { "case.\($0)" }
            }
        }
        return problems
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "string"
        // The records hold no booleans: a whole number is an integer.
        case let number as NSNumber: number.doubleValue.rounded() == number.doubleValue ? "integer" : "number"
        case is [Any]: "array"
        case is [String: Any]: "object"
        default: "unknown"
        }
    }
}

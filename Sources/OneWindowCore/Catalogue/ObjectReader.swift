/// Reads the fields of one JSON object, reporting missing, mistyped and unknown fields
/// with their paths instead of stopping at the first.
///
/// Call `finish()` after reading every known field: whatever was not read is a typo.
struct ObjectReader {
    let path: JSONPath
    let log: IssueLog
    private let fields: [String: JSONValue]
    private var read: Set<String> = []

    /// Returns nil (and reports) when `value` is not an object.
    init?(_ value: JSONValue, at path: JSONPath, log: IssueLog) {
        guard case .object(let fields) = value else {
            log.report(path, "expected an object, found \(value.typeName)")
            return nil
        }
        self.fields = fields
        self.path = path
        self.log = log
    }

    /// The names of every field, sorted (for objects keyed by data, such as a pool per letter).
    var fieldNames: [String] { fields.keys.sorted() }

    /// The field as written, `null` included; marks it read.
    mutating func raw(_ key: String) -> JSONValue? {
        read.insert(key)
        return fields[key]
    }

    /// Whether the field is written with a value other than `null`; marks it read.
    mutating func gives(_ key: String) -> Bool {
        raw(key).map { $0 != .null } ?? false
    }

    mutating func value(_ key: String, required: Bool) -> JSONValue? {
        read.insert(key)
        guard let value = fields[key], value != .null else {
            if required { log.report(path.appending(key: key), "required field is missing") }
            return nil
        }
        return value
    }

    func mistyped(_ key: String, _ expected: String, _ found: JSONValue) {
        log.report(path.appending(key: key), "expected \(expected), found \(found.typeName)")
    }

    /// A non-empty string; blank text is as useless in a guide as a missing one.
    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .string(let text) = value else {
            mistyped(key, "a string", value)
            return nil
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            log.report(path.appending(key: key), "must not be empty")
            return nil
        }
        return text
    }

    mutating func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let value = value(key, required: required) else { return nil }
        guard case .bool(let flag) = value else {
            mistyped(key, "true or false", value)
            return nil
        }
        return flag
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = value(key, required: true) else { return nil }
        guard case .integer(let number) = value else {
            mistyped(key, "a whole number", value)
            return nil
        }
        guard range.contains(number) else {
            let bound =
                range.upperBound == .max
                ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            log.report(path.appending(key: key), "must be \(bound), found \(number)")
            return nil
        }
        return number
    }

    /// An array read element by element; `minimum` says how many a guide needs at least.
    mutating func array<T>(
        _ key: String, minimum: Int = 0, element: (JSONValue, JSONPath) -> T?
    ) -> [T]? {
        guard let value = value(key, required: minimum > 0) else { return minimum > 0 ? nil : [] }
        guard case .array(let items) = value else {
            mistyped(key, "an array", value)
            return nil
        }
        let arrayPath = path.appending(key: key)
        if items.count < minimum {
            log.report(arrayPath, "needs at least \(minimum) item\(minimum == 1 ? "" : "s")")
        }
        var result: [T] = []
        var complete = true
        for (index, item) in items.enumerated() {
            if let element = element(item, arrayPath.appending(index: index)) {
                result.append(element)
            } else {
                complete = false
            }
        }
        return complete ? result : nil
    }

    mutating func strings(_ key: String, minimum: Int = 0) -> [String]? {
        let log = self.log
        return array(key, minimum: minimum) { item, itemPath in
            guard case .string(let text) = item, !text.allSatisfy(\.isWhitespace) else {
                log.report(itemPath, "expected a non-empty string, found \(item.typeName)")
                return nil
            }
            return text
        }
    }

    /// A nested object, read by `body`.
    mutating func object<T>(_ key: String, required: Bool = true, _ body: (inout ObjectReader) -> T?) -> T? {
        guard let value = value(key, required: required) else { return nil }
        guard var reader = ObjectReader(value, at: path.appending(key: key), log: log) else { return nil }
        let result = body(&reader)
        reader.finish()
        return result
    }

    /// Reports every field that no reader asked for.
    func finish() {
        for key in fields.keys.sorted() where !read.contains(key) {
            log.report(path.appending(key: key), "unknown field")
        }
    }
}

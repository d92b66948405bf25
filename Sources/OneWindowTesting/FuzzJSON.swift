import Foundation

/// A JSON value for fuzzing: made at random, read from a file, changed at random, and written
/// with what a strict encoder would never write (numbers past `Double`, repeated keys, `-0`).
///
/// It takes any `RandomNumberGenerator`, so a property-testing library's seeded generator
/// makes every case reproducible.
public indirect enum FuzzJSON: Sendable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    /// The number's text as written, so it can be `1e400` or `-0` or 40 digits long.
    case number(String)
    case string(String)
    case array([FuzzJSON])
    /// Members in order; a key may repeat.
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: FuzzJSON

        public init(_ key: String, _ value: FuzzJSON) {
            self.key = key
            self.value = value
        }
    }

    /// The JSON text.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let text): Self.quoted(text)
        case .array(let items): "[" + items.map(\.description).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.map { Self.quoted($0.key) + ":" + $0.value.description }.joined(separator: ",") + "}"
        }
    }

    public var data: Data { Data(description.utf8) }

    /// Reads a JSON document; nil if it is not one.
    public init?(data: Data) {
        guard let value = try? JSONDecoder().decode(Decoded.self, from: data) else { return nil }
        self = value.json
    }

    /// JSONDecoder never turns a number into a Bool or back, so the kinds stay apart.
    private struct Decoded: Decodable {
        var json: FuzzJSON

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                json = .null
            } else if let value = try? container.decode(Bool.self) {
                json = .bool(value)
            } else if let value = try? container.decode(String.self) {
                json = .string(value)
            } else if let value = try? container.decode(Int.self) {
                json = .number(String(value))
            } else if let value = try? container.decode(Double.self) {
                json = .number(String(value))
            } else if let value = try? container.decode([Decoded].self) {
                json = .array(value.map(\.json))
            } else {
                let members = try container.decode([String: Decoded].self)
                json = .object(members.keys.sorted().map { Member($0, members[$0]!.json) })
            }
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

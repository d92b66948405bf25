import Foundation

/// Finds a JSON `null` in a field a request body reads. No field of any request is nullable: a
/// field without a value is left out. Swift's decoder reads `null` as absent for optional fields
/// but refuses it for the others, so `"note": null` passed while `"priority": null` did not;
/// this check gives every field the same rule, the one the OpenAPI document states (no
/// `nullable`). Fields a body does not read are ignored, whatever they hold, as the document's
/// open objects say: a newer client may send more than this daemon knows.
enum JSONNull {
    /// The first field of `value` (the decoded body: its stored properties are the fields it
    /// reads) that `body` sends as `null` or as an array holding a `null`; nil when none does.
    static func field(in body: Data, readBy value: Any) -> String? {
        // Most bodies have no null at all: no need to parse them a second time.
        guard body.range(of: Data("null".utf8)) != nil,
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        else { return nil }
        for case let label? in Mirror(reflecting: value).children.map(\.label) {
            switch object[label] {
            case is NSNull: return label
            case let array as [Any] where array.contains(where: { $0 is NSNull }): return label
            default: continue
            }
        }
        return nil
    }
}

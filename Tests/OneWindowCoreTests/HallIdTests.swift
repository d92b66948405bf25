import OneWindowCore
import Testing

/// The hall-id rule, written once for the daemon's `--hall-id`, the city's `hall-add` and the
/// city's catalogue route.
@Suite("Hall ids")
struct HallIdTests {
    @Test(
        "lower-case letters, digits and inner or trailing hyphens, 1 to 63 of them, are a hall id",
        arguments: ["a", "7", "dalian-ganjingzi", "hall-2", "0-", "a--b", String(repeating: "z", count: 63)])
    func valid(id: String) {
        #expect(HallId.isValid(id))
    }

    @Test(
        "an empty, too long, upper-case, non-ASCII or path-like id, or one starting with a hyphen, is not",
        arguments: [
            "", String(repeating: "z", count: 64), "-hall", "Hall", "dalian_ganjingzi", "hall.json", "../hall",
            "a/b", "a b", "大连", "hall\u{0}", "ｈａｌｌ", "hall\n",
        ])
    func invalid(id: String) {
        #expect(!HallId.isValid(id))
    }
}

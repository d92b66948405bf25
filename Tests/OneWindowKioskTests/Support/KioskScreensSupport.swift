import Foundation
import OneWindowKiosk
import OneWindowTesting
import Testing

extension KioskTerminal {
    /// Taps `text` where the program drew it, as a touch screen sends it (an SGR mouse press);
    /// false when it is not on screen.
    @discardableResult
    func tap(_ text: String) -> Bool {
        let screen = TerminalScreen.replay(process.bytes, width: width, height: height).buffer
        guard let (row, column) = screen.position(of: text) else { return false }
        type("\u{1B}[<0;\(column + 2);\(row + 1)M\u{1B}[<0;\(column + 2);\(row + 1)m")
        return true
    }

    /// Types `key` until the screen shows `text` (at most `times` presses, each awaited); the screens seen.
    func press(_ key: String, until text: String, times: Int = 8) async -> [String] {
        var seen = [screen]
        for _ in 0..<times where !screen.contains(text) {
            let before = screen
            type(key)
            _ = await Polling.eventually(timeoutSeconds: 10) { self.screen != before }
            seen.append(screen)
        }
        return seen
    }
}

extension HallUnderTest {
    /// A case of 最低生活保障 whose first visit at window 1 ended 需补正 for `missing` (the last
    /// two of six), or was completed when none are missing.
    func dibaoCaseMissingLastTwo(missing: [String] = ["m5", "m6"]) throws -> String {
        let kioskToken = try String(contentsOfFile: kioskTokenFile, encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let issued = try daemon.client.send(
            "POST", "/api/v1/tickets",
            headers: [
                "Authorization": "Bearer \(kioskToken)", "Idempotency-Key": "e2e-dibao",
                "Content-Type": "application/json",
            ],
            body: Data(#"{"serviceId":"T-JZ-001","priority":false}"#.utf8)
        ).json
        let ticketId = try #require(issued["id"] as? String)
        let caseId = try #require(issued["caseId"] as? String)
        let clerk = ["Authorization": "Bearer \(clerkToken)", "Content-Type": "application/json"]
        _ = try daemon.client.send("POST", "/api/v1/windows/1/call-next", headers: clerk)
        let completed = try daemon.client.send(
            "POST", "/api/v1/tickets/\(ticketId)/complete", headers: clerk,
            body: Data(
                missing.isEmpty
                    ? #"{"window":"1","outcome":"completed"}"#.utf8
                    : #"{"window":"1","outcome":"needs_more","missingMaterials":["m5","m6"]}"#.utf8))
        #expect(completed.status == 200, "\(String(decoding: completed.body, as: UTF8.self))")
        return caseId
    }
}

/// The test catalogue with 最低生活保障's six materials and their notes, as the shipped one has them.
enum SixMaterialCatalogue {
    static func write(to path: String) throws {
        var root = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue)))
                as? [String: Any])
        var services = try #require(root["services"] as? [[String: Any]])
        let index = try #require(services.firstIndex { $0["id"] as? String == "T-JZ-001" })
        services[index]["materials"] = ChecklistSamples.dibao.materials.map { material -> [String: Any] in
            var entry: [String: Any] = [
                "id": material.id!, "name": material.name, "form": material.form, "copies": material.copies,
                "required": material.required, "source": "申请人自备", "medium": "纸质",
            ]
            if let note = material.note { entry["note"] = note }
            return entry
        }
        root["services"] = services
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))
    }
}

import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

/// services.schema.json read by a real JSON Schema validator (Python's `jsonschema`, from
/// `scripts/python-venv.sh schema`), held against the loader: both accept the shipped catalogue and the
/// fixture, and both refuse every structural fault. What only the loader can see (duplicates,
/// references between parts, limits that depend on each other) is listed apart, with why.
@Suite("services.schema.json by a JSON Schema validator", .timeLimit(.minutes(2)))
struct SchemaValidatorTests {
    /// One change to the valid fixture: a JSON path and the value put there (`nil` removes it).
    struct Change: Sendable, CustomStringConvertible {
        var path: String
        var value: (any Sendable)?
        var description: String { "\(path) = \(value.map { "\($0)" } ?? "removed")" }
    }

    /// Faults of shape: a type, a word outside its list, a missing or unknown field, a bound.
    static let structural: [Change] = [
        Change(path: "services[0].materail", value: [String]()),
        Change(path: "extra", value: 1),
        Change(path: "hall.window", value: [String]()),
        Change(path: "services[0].materials", value: nil),
        Change(path: "services[1].legalBasis", value: [String]()),
        Change(path: "services[0].phones.complaint", value: nil),
        Change(path: "services[0].steps[1].description", value: nil),
        Change(path: "hall.timeZone", value: nil),
        Change(path: "services[1].timeLimit.statutoryDays", value: -1),
        Change(path: "services[0].queuePrefix", value: "aa"),
        Change(path: "services[0].materials[2].copies", value: 0),
        Change(path: "services[0].materials[2].copies", value: "1"),
        Change(path: "services[0].materials[0].copies", value: 1.5),
        Change(path: "services[0].materials[0].form", value: "scan"),
        Change(path: "services[0].channels.hall.visitsPromised", value: 3),
        Change(path: "services[0].online.available", value: "yes"),
        Change(path: "hall.windows[0].kind", value: "general"),
        Change(path: "services[0].materials[1].id", value: nil),
        Change(path: "services[0].itemType", value: "许可"),
        Change(path: "hall.appointments", value: appointments(from: "9:00", to: "11:00")),
        Change(path: "hall.appointments", value: appointments(letter: "a")),
        Change(path: "hall.appointments", value: appointments(slotMinutes: 0)),
        Change(path: "services[0].materials[0].nameEn", value: "书面申请"),
        Change(path: "services[0].materials[0].nameEn", value: "ID card（copy）"),
    ]

    /// Faults only the loader can find: JSON Schema cannot compare one value with another.
    static let loaderOnly: [(change: Change, why: String)] = [
        (Change(path: "services[2].id", value: "T-JZ-001"), "a service id used twice"),
        (
            Change(path: "hall.windows[1].services", value: ["T-HY-001", "NO-SUCH"]),
            "a window names an unknown service"
        ),
        (Change(path: "services[1].timeLimit.promisedDays", value: 31), "a promise longer than the statutory limit"),
        (Change(path: "services[0].materials[2].id", value: "m1"), "a material id used twice in one service"),
        (Change(path: "hall.timeZone", value: "Mars/Olympus"), "a time zone the system does not know"),
        (
            Change(path: "hall.appointments", value: appointments(to: "08:00")),
            "an appointment session ending before it starts"
        ),
        (
            Change(path: "hall.appointments", value: appointments(slotMinutes: 240)),
            "no appointment session as long as one slot"
        ),
    ]

    /// A `hall.appointments` object with one session, one letter and the given faults.
    static func appointments(
        from: String = "09:00", to: String = "11:00", letter: String = "A", slotMinutes: Int = 30
    ) -> [String: any Sendable] {
        ["sessions": [["from": from, "to": to]], "slotMinutes": slotMinutes, "capacity": [letter: 2]]
    }

    /// The validator's verdict on each file: true when valid.
    static func validate(_ files: [String]) throws -> [String: Bool] {
        let root = Fixtures.repositoryRoot
        let python = root.appendingPathComponent(".build/schema-venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw ValidatorMissing(
                description: "no \(python.path): run scripts/python-venv.sh schema (scripts/test.sh does)")
        }
        let process = Process()
        let output = Pipe()
        process.executableURL = python
        process.arguments =
            [
                root.appendingPathComponent("scripts/schema/validate.py").path,
                root.appendingPathComponent("services.schema.json").path,
            ]
            + files
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidatorMissing(description: "validate.py failed: \(text)") }
        var verdicts: [String: Bool] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2 { verdicts[String(fields[0])] = fields[1] == "valid" }
        }
        return verdicts
    }

    struct ValidatorMissing: Error, CustomStringConvertible { var description: String }

    /// Writes each change as a file and returns the validator's verdict and the loader's issues.
    static func judge(_ changes: [Change]) throws -> [(change: Change, schemaValid: Bool?, loaderIssues: Int)] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var files: [String] = []
        var loader: [Int] = []
        for (index, change) in changes.enumerated() {
            let data = try catalogueData(setting: change.path, to: change.value)
            let file = directory.path("change-\(index).json")
            try data.write(to: URL(fileURLWithPath: file))
            files.append(file)
            loader.append(issues(loading: data).count)
        }
        let verdicts = try validate(files)
        return changes.indices.map { (changes[$0], verdicts[files[$0]], loader[$0]) }
    }

    @Test("the validator and the loader both accept the shipped catalogue and the fixture")
    func bothAcceptTheGoodFiles() throws {
        let files = [Fixtures.shippedCatalogue, Fixtures.validCatalogue]
        let verdicts = try Self.validate(files)
        for file in files { #expect(verdicts[file] == true, "\(file): \(String(describing: verdicts[file]))") }
    }

    @Test("every structural fault is refused by the validator and by the loader alike")
    func bothRefuseStructuralFaults() throws {
        for judged in try Self.judge(Self.structural) {
            #expect(judged.schemaValid == false, "the schema accepts \(judged.change)")
            #expect(judged.loaderIssues > 0, "the loader accepts \(judged.change)")
        }
    }

    @Test("what the schema cannot express is refused by the loader, and only these")
    func loaderOnlyFaults() throws {
        for judged in try Self.judge(Self.loaderOnly.map(\.change)) {
            #expect(judged.loaderIssues > 0, "the loader accepts \(judged.change)")
            #expect(
                judged.schemaValid == true, "\(judged.change) is caught by the schema: move it to the structural list")
        }
    }
}

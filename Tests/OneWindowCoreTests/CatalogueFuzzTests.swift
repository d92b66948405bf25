import Foundation
import OneWindowTesting
import PropertyBased
import Testing

@testable import OneWindowCore

/// Catalogue loading never crashes on any input: it loads, or it reports issues whose JSON
/// paths point into the file (at a value, or at a missing field of an object that is there).
/// Inputs are random each run; a failure prints the `.fixedSeed(…)` that repeats it.
/// The suite runs its tests one after another, and small: a catalogue load costs about 15 ms of
/// CPU in a debug build, and the whole test run shares 2 cores with timing-sensitive tests.
@Suite("Fuzzing catalogue loading", .serialized, .timeLimit(.minutes(2)))
struct CatalogueFuzzTests {
    /// The small valid fixture: a load of the shipped catalogue takes about 0.4 s in a debug
    /// build, the fixture's 20 ms, and it has every kind of field.
    static let valid = try! Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
    static let document = FuzzJSON(data: valid)!
    /// The field names of the file, so random changes often hit the fields the loader reads.
    static let keys = Array(Set(fieldNames(document))).sorted()

    @Test("a valid catalogue with up to 4 random changes in its tree loads or names where it is wrong")
    func treeMutations() async {
        let input = Generator<FuzzJSON, Shrink.None<FuzzJSON>> { rng in
            var document = Self.document
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                document = document.mutated(keys: Self.keys, using: &rng)
            }
            return document
        }
        await propertyCheck(count: 150, input: input) { document in
            // Each case gives the few task threads back: other tests wait on them.
            await Task.yield()
            checkLoad(document.data, document: document)
        }
    }

    @Test("a valid catalogue with random byte changes loads, or is refused as not JSON or with paths")
    func byteMutations() async {
        let input = Generator<Data, Shrink.None<Data>> { rng in Self.valid.mutatedBytes(using: &rng) }
        await propertyCheck(count: 100, input: input) { data in
            // Each case gives the few task threads back: other tests wait on them.
            await Task.yield()
            checkLoad(data, document: FuzzJSON(data: data))
        }
    }

    @Test("random JSON documents made of the catalogue's field names are refused with paths, never crash")
    func randomDocuments() async {
        let input = Generator<FuzzJSON, Shrink.None<FuzzJSON>> { rng in
            FuzzJSON.random(depth: 5, keys: Self.keys, using: &rng)
        }
        await propertyCheck(count: 100, input: input) { document in
            // Each case gives the few task threads back: other tests wait on them.
            await Task.yield()
            checkLoad(document.data, document: document)
        }
    }

    private func checkLoad(_ data: Data, document: FuzzJSON?, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try CatalogueLoader.load(data, file: "fuzz.json")
        } catch {
            #expect(!error.issues.isEmpty, "refused without an issue", sourceLocation: sourceLocation)
            let paths = document.map { Self.nodePaths($0) } ?? [""]
            for issue in error.issues {
                #expect(
                    !issue.reason.isEmpty, "an issue without a reason at \(issue.path)", sourceLocation: sourceLocation)
                #expect(
                    Self.pointsIntoDocument(issue.path, paths), "\(issue) points at nothing in \(data.count) bytes",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// Whether `path` names a value of the document, or a missing field of an object in it.
    static func pointsIntoDocument(_ path: String, _ nodes: Set<String>) -> Bool {
        if path.isEmpty || nodes.contains(path) { return true }
        guard let dot = path.lastIndex(of: "."), path[path.index(after: dot)...].allSatisfy(\.isLetter) else {
            return !path.contains(".") && path.allSatisfy(\.isLetter)
        }
        return nodes.contains(String(path[..<dot]))
    }

    /// The path of every value in the document, written as the loader writes them (its own
    /// `JSONPath`, which quotes keys that are not plain names).
    static func nodePaths(_ value: FuzzJSON, at path: JSONPath = .root) -> Set<String> {
        var paths: Set<String> = [path.description]
        switch value {
        case .array(let items):
            for (index, item) in items.enumerated() {
                paths.formUnion(nodePaths(item, at: path.appending(index: index)))
            }
        case .object(let members):
            for member in members { paths.formUnion(nodePaths(member.value, at: path.appending(key: member.key))) }
        default:
            break
        }
        return paths
    }

    static func fieldNames(_ value: FuzzJSON) -> [String] {
        switch value {
        case .array(let items): items.flatMap(fieldNames)
        case .object(let members): members.flatMap { [$0.key] + fieldNames($0.value) }
        default: []
        }
    }
}

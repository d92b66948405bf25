import Foundation
import OneWindowHTTP
import OneWindowTesting
import PropertyBased
import Testing

@testable import OneWindowApp

/// Every request body type decodes, or is answered 400 `malformed_body` with a message;
/// nothing else, whatever the bytes. It decodes only bodies that are JSON objects with the
/// required fields. Inputs are random each run; a failure prints the `.fixedSeed(…)` that
/// repeats it.
@Suite("Fuzzing request body decoding", .timeLimit(.minutes(2)))
struct BodyDecodingFuzzTests {
    @Test("POST /api/v1/tickets: IssueRequest")
    func issue() async {
        await check(
            IssueRequest.self, valid: #"{"serviceId":"MZ-HY-001","caseId":"C20261128-0007","priority":true}"#,
            required: ["serviceId"], orInstead: ["caseId"])
    }

    @Test("POST /api/v1/cases/{id}/cancel: CancelCaseRequest")
    func cancelCase() async {
        await check(CancelCaseRequest.self, valid: #"{"reason":"申请人撤回"}"#, required: ["reason"])
    }

    @Test("POST /api/v1/tickets/{id}/evaluation: EvaluationRequest")
    func evaluation() async {
        await check(EvaluationRequest.self, valid: #"{"rating":5,"comment":"很好"}"#, required: ["rating"])
    }

    @Test("POST /api/v1/evaluations/{id}/rectify: RectifyRequest")
    func rectify() async {
        await check(RectifyRequest.self, valid: #"{"note":"已整改"}"#, required: ["note"])
    }

    @Test("POST /api/v1/tickets/{id}/no-show: NoShowRequest")
    func noShow() async {
        await check(NoShowRequest.self, valid: #"{"window":"1"}"#, required: ["window"])
    }

    @Test("POST /api/v1/tickets/{id}/transfer: TransferRequest")
    func transfer() async {
        await check(
            TransferRequest.self, valid: #"{"window":"1","serviceId":"MZ-HY-001"}"#, required: ["window", "serviceId"])
    }

    @Test("POST /api/v1/tickets/{id}/complete: CompleteRequest")
    func complete() async {
        await check(
            CompleteRequest.self,
            valid: #"{"window":"1","outcome":"needs_more","missingMaterials":["m1"],"note":"缺户口簿"}"#,
            required: ["window", "outcome"])
    }

    private func check<Body: Decodable>(
        _ type: Body.Type, valid: String, required: [String], orInstead alternative: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        let validData = Data(valid.utf8)
        let validJSON = FuzzJSON(data: validData)!
        let keys = required + alternative + ["priority", "window", "outcome", "serviceId", "note", "rating"]
        let input = Generator<Data, Shrink.None<Data>> { rng in
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: validJSON.mutated(keys: keys, using: &rng).data
            case 1: validData.mutatedBytes(using: &rng)
            case 2: FuzzJSON.random(depth: 3, keys: keys, using: &rng).data
            default: Data((0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
            }
        }
        #expect(throws: Never.self, sourceLocation: sourceLocation) { try Self.request(validData).decodeJSON(type) }
        await propertyCheck(count: 500, input: input) { data in
            // Each case gives the few task threads back: other tests wait on them.
            await Task.yield()
            do {
                _ = try Self.request(data).decodeJSON(type)
                let keys = try? JSONDecoder().decode(ObjectKeys.self, from: data).keys
                #expect(keys != nil, "decoded a body that is not a JSON object", sourceLocation: sourceLocation)
                let present = keys ?? []
                #expect(
                    Set(required).isSubset(of: present)
                        || (!alternative.isEmpty && Set(alternative).isSubset(of: present)),
                    "decoded without a required field", sourceLocation: sourceLocation)
            } catch let error as HTTPError {
                #expect(error.code == .malformedBody, "answered \(error.code)", sourceLocation: sourceLocation)
                #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
            } catch {
                Issue.record("threw \(error), not an HTTPError", sourceLocation: sourceLocation)
            }
        }
    }

    /// The keys of a JSON object, read by the same decoder the server uses.
    private struct ObjectKeys: Decodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        var keys: Set<String>

        init(from decoder: any Decoder) throws {
            keys = Set(try decoder.container(keyedBy: Key.self).allKeys.map(\.stringValue))
        }
    }

    private static func request(_ body: Data) -> Request {
        Request(method: "POST", path: "/", headers: ["Content-Type": "application/json"], body: body)
    }
}

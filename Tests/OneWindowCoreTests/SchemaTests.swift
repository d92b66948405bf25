import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

/// Keeps services.schema.json and the loader describing the same format.
@Suite("services.schema.json", .timeLimit(.minutes(2)))
struct SchemaTests {
    static func schema() throws -> [String: Any] {
        let url = Fixtures.repositoryRoot.appendingPathComponent("services.schema.json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// The stored properties of a model value, which are exactly the fields the loader reads.
    static func fields(of value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    static let item = SearchIndexTests.item("S1", "临时救助")

    static let models: [(definition: String, value: any Sendable)] = [
        ("hall", Hall(name: "", timeZone: "", address: "", hours: "", windows: [])),
        ("window", Window(id: "", name: "", kind: .comprehensive)),
        ("service", item),
        ("legalBasis", item.legalBasis[0]),
        ("material", item.materials[0]),
        ("step", item.steps[0]),
        ("timeLimit", item.timeLimit),
        ("fee", item.fee),
        ("phones", item.phones),
        ("online", item.online),
        ("result", item.result),
        ("specialStep", SpecialStep(name: "", duration: "")),
        ("formDownload", FormDownload(name: "", url: "")),
        ("faqEntry", FAQEntry(q: "", a: "")),
        (
            "channels",
            Channels(
                hall: HallChannel(visitsPromised: 1), office: OfficeChannel(place: "", visitsPromised: 0),
                online: OnlineChannel(visitsPromised: 0, url: "")
            )
        ),
        ("hallChannel", HallChannel(visitsPromised: 1)),
        ("officeChannel", OfficeChannel(place: "", visitsPromised: 0)),
        ("onlineChannel", OnlineChannel(visitsPromised: 0, url: "")),
    ]

    @Test("every object in the schema has exactly the fields of its model")
    func sameFields() throws {
        let definitions = try #require(Self.schema()["$defs"] as? [String: [String: Any]])
        for model in Self.models {
            let properties = try #require(
                definitions[model.definition]?["properties"] as? [String: Any], "\(model.definition)")
            #expect(Set(properties.keys) == Self.fields(of: model.value), "schema $defs.\(model.definition)")
            #expect(definitions[model.definition]?["additionalProperties"] as? Bool == false, "\(model.definition)")
        }
    }

    @Test("every closed word list in the schema has exactly the words of its model")
    func sameWords() throws {
        let definitions = try #require(Self.schema()["$defs"] as? [String: [String: Any]])
        func words(_ definition: String, _ property: String) -> Set<String> {
            let schema = (definitions[definition]?["properties"] as? [String: Any])?[property] as? [String: Any]
            let items = schema?["items"] as? [String: Any]
            return Set(((schema?["enum"] ?? items?["enum"]) as? [String]) ?? [])
        }
        func raw<T: CatalogueTerm>(_ type: T.Type) -> Set<String> { Set(T.allCases.map(\.rawValue)) }
        #expect(words("service", "itemType") == raw(ItemType.self))
        #expect(words("service", "serviceObject") == raw(ServiceObject.self))
        #expect(words("service", "level") == raw(ServiceLevel.self))
        #expect(words("service", "scope") == raw(ServiceScope.self))
        #expect(words("material", "source") == raw(MaterialSource.self))
        #expect(words("material", "medium") == raw(MaterialMedium.self))
        #expect(words("result", "delivery") == raw(Delivery.self))
        #expect(words("timeLimit", "unit") == raw(DayUnit.self))
    }

    @Test("the top level has the hall and the services, and nothing else")
    func topLevel() throws {
        let schema = try Self.schema()
        #expect(Set((schema["properties"] as? [String: Any] ?? [:]).keys) == ["hall", "services"])
        #expect(schema["additionalProperties"] as? Bool == false)
    }
}

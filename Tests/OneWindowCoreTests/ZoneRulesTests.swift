import Foundation
import OneWindowCore
import Testing

/// The TZif reader against the system's tzdata, with Foundation's time zones as the reference.
@Suite("Time zone rules from TZif", .timeLimit(.minutes(2)))
struct ZoneRulesTests {
    static func rules(_ identifier: String) throws -> ZoneRules {
        let data = try Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/" + identifier))
        return try ZoneRules(tzif: [UInt8](data))
    }

    /// Every 3 hours and 17 minutes from 1971 to 2045: the transitions' days are all crossed.
    static let instants = stride(from: 31_536_000, to: 2_366_755_200, by: 11_820).map { Int64($0) }

    @Test(
        "offsets equal Foundation's from 1971 to 2045, past the files' last transitions",
        arguments: [
            "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
            "America/Sao_Paulo", "Pacific/Chatham", "UTC",
        ])
    func agreesWithFoundation(identifier: String) throws {
        let rules = try Self.rules(identifier)
        let zone = try #require(TimeZone(identifier: identifier))
        var differing: [Int64] = []
        for second in Self.instants
        where rules.offset(at: second) != zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second))) {
            differing.append(second)
        }
        #expect(differing.isEmpty, "\(identifier): \(differing.count) instants differ, first \(differing.first ?? 0)")
    }

    @Test("Asia/Shanghai is +08:00 since 1991, and +09:00 in its summers of 1986 to 1991")
    func shanghai() throws {
        let rules = try Self.rules("Asia/Shanghai")
        #expect(rules.offset(at: 1_795_827_903) == 8 * 3600)  // 2026-11-28
        #expect(rules.offset(at: 4_102_444_800) == 8 * 3600)  // 2100-01-01, from the footer
        #expect(rules.offset(at: 520_000_000) == 9 * 3600)  // 1986-06-24
    }

    @Test("a slim file (no transitions, the rule in its footer only) gives Berlin's summer and winter")
    func footerOnly() throws {
        let rules = try ZoneRules(tzif: Self.slimFile(footer: "CET-1CEST,M3.5.0,M10.5.0/3"))
        let berlin = try Self.rules("Europe/Berlin")
        for second in Self.instants where second > 860_000_000 {  // 1997 on: EU rules
            #expect(rules.offset(at: second) == berlin.offset(at: second), "at \(second)")
        }
        // 2026-03-29 00:59:59 UTC is still winter; 01:00:00 is summer.
        #expect(rules.offset(at: 1_774_745_999) == 3600)
        #expect(rules.offset(at: 1_774_746_000) == 7200)
    }

    @Test("a southern zone's footer: summer spans the new year (Sydney)")
    func southernFooter() throws {
        let rules = try ZoneRules(tzif: Self.slimFile(footer: "AEST-10AEDT,M10.1.0,M4.1.0/3"))
        #expect(rules.offset(at: 1_767_225_600) == 11 * 3600)  // 2026-01-01
        #expect(rules.offset(at: 1_782_864_000) == 10 * 3600)  // 2026-07-01
    }

    @Test("quoted names, minutes and J and zero-based days read; nonsense does not")
    func footers() throws {
        #expect(try ZoneRules(tzif: Self.slimFile(footer: "<+0545>-5:45")).offset(at: 0) == 20_700)
        let julian = try ZoneRules(tzif: Self.slimFile(footer: "AAA3BBB,J60/0,300"))
        #expect(julian.offset(at: 1_772_409_600) == -7200)  // 2026-03-02: after J60 (1 March)
        #expect(julian.offset(at: 1_772_150_400) == -10_800)  // 2026-02-27
        for bad in ["CST", "C-8", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "<+08-8"] {
            #expect(throws: ZoneRulesError.badFooter(bad)) { try ZoneRules(tzif: Self.slimFile(footer: bad)) }
        }
    }

    @Test("bytes that are not TZif, or are cut short, are refused")
    func refused() throws {
        #expect(throws: ZoneRulesError.notTZif) {
            try ZoneRules(tzif: Array("not a zone file at all, no".utf8) + [UInt8](repeating: 0, count: 40))
        }
        let berlin = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/Europe/Berlin")))
        #expect(throws: ZoneRulesError.truncated) { try ZoneRules(tzif: Array(berlin.prefix(600))) }
        #expect(throws: ZoneRulesError.truncated) { try ZoneRules(tzif: Array(berlin.prefix(10))) }
    }

    /// A version 2 file with no transitions and one local time type (+00:00), as `zic -b slim`
    /// writes a zone whose rules its footer says wholly.
    static func slimFile(footer: String) -> [UInt8] {
        func header(types: UInt32, characters: UInt32) -> [UInt8] {
            var bytes = Array("TZif2".utf8) + [UInt8](repeating: 0, count: 15)
            for count in [0, 0, 0, 0, types, characters] as [UInt32] {
                bytes += [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)]
            }
            return bytes
        }
        let block: [UInt8] = [0, 0, 0, 0, 0, 0] + Array("UTC\0".utf8)
        return header(types: 1, characters: 4) + block + header(types: 1, characters: 4) + block
            + Array("\n\(footer)\n".utf8)
    }
}

import Foundation
import OneWindowTesting
import Testing

/// deploy/prometheus/rules.yml run by `promtool test rules` (Debian's, scripts/promtool.sh) on
/// what two real halls' `/metrics` answer: the rules read the names and labels the daemon
/// writes, and the city's figures merge the halls' counts.
@Suite("The city's recording rules on real halls' /metrics", .timeLimit(.minutes(2)))
struct PrometheusRulesTests {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static var promtool: URL {
        get throws {
            let path = Fixtures.repositoryRoot.appendingPathComponent(".build/promtool/usr/bin/promtool")
            guard FileManager.default.isExecutableFile(atPath: path.path) else {
                throw Missing(description: "no \(path.path): run scripts/promtool.sh (scripts/test.sh does)")
            }
            return path
        }
    }

    /// One series of promtool's input per sample: gauges hold their value for 70 minutes;
    /// counters and histograms grow by their value each minute, so a rate over the hour keeps
    /// the buckets' proportions and a quantile of it is the hall's own.
    static func inputSeries(_ metrics: String) -> [String] {
        metrics.split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " ") else { return nil }
            let series = line[..<space]
            let value = line[line.index(after: space)...]
            guard Double(value)?.isFinite == true else { return nil }
            let name = series.prefix { $0 != "{" }
            let growing = ["_total", "_bucket", "_count", "_sum"].contains { name.hasSuffix($0) }
            let values = growing ? "0+\(value)x70" : "\(value)x70"
            let quoted = series.replacingOccurrences(of: "'", with: "''")
            return "      - series: '\(quoted)'\n        values: '\(values)'"
        }
    }

    @Test("the city's one-visit rate and wait percentiles come out of two halls' real /metrics as worked out")
    func twoHalls() throws {
        let promtool = try Self.promtool
        var series: [String] = []
        var hallRates: [String: String] = [:]
        for hall in ["hall-a", "hall-b"] {
            let day = try ManagerDay(hall: hall)
            defer { day.app.stop() }
            let text = try day.app.client.get("/metrics").text
            series += Self.inputSeries(text)
            // The hall's own rate, which the rule for that hall must give back.
            hallRates[hall] =
                text.split(separator: "\n").first { $0.hasPrefix("onewindow_one_visit_ratio{") }
                .map { String($0.split(separator: " ").last ?? "") }
        }
        #expect(hallRates["hall-a"] == "0.5", "ManagerDay: 1 of 2 cases closed at the first visit")
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rules = Fixtures.repositoryRoot.appendingPathComponent("deploy/prometheus/rules.yml").path
        // ManagerDay's waits in each hall: 300, 540 and 780 s. The median, rank 3 of 6, is half
        // into the 300-600 s bucket; the 90th, rank 5.4, is 70 % into 600-900 s.
        let expected = [
            ("city:onewindow_one_visit:ratio", "", "0.5"),
            ("hall:onewindow_one_visit:ratio", #"hall="hall-a""#, hallRates["hall-a"] ?? "?"),
            ("hall:onewindow_one_visit:ratio", #"hall="hall-b""#, hallRates["hall-b"] ?? "?"),
            ("city:onewindow_first_visit_resolution:ratio", "", "0.5"),
            ("city:onewindow_wait_seconds:p50_1h", "", "450"),
            ("city:onewindow_wait_seconds:p90_1h", "", "810"),
        ]
        // Quantiles are compared to a thousandth: promtool compares floats exactly, and the
        // order in which it sums the two halls' buckets moved p90 to 810.0000000000001 in some runs.
        let tests = expected.map { name, labels, value in
            let selector = "\(name)\(labels.isEmpty ? "" : "{\(labels)}")"
            let rounded = name.contains(":p")
            return """
                      - expr: '\(rounded ? "round(\(selector), 0.001)" : selector)'
                        eval_time: 65m
                        exp_samples:
                          - labels: '\(rounded ? "{}" : selector)'
                            value: \(value)
                """
        }
        let document = """
            rule_files:
              - \(rules)
            evaluation_interval: 1m
            tests:
              - interval: 1m
                input_series:
            \(series.joined(separator: "\n"))
                promql_expr_test:
            \(tests.joined(separator: "\n"))

            """
        let file = folder.path("real-halls-test.yml")
        try Data(document.utf8).write(to: URL(fileURLWithPath: file))
        let process = Process()
        process.executableURL = promtool
        process.arguments = ["test", "rules", file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(series.count > 20)
    }
}

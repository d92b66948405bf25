import Foundation
import OneWindowTesting
import Testing

extension OneFoldOutputsTests {
    /// Prometheus' waits by channel count and add up as the API's `channels` do, all three
    /// channels there (remote and appointment with none today).
    func checkChannelWaits(_ day: ManagerDay, channels: [String: [String: Any]]) throws {
        let parsed = try PrometheusTests.scrape(day.app) {
            $0.value("onewindow_wait_by_channel_seconds_count", ["channel": "walk_in"]) == 5
        }
        #expect(Set(channels.keys) == ["walk_in", "appointment", "remote"])
        for (channel, figures) in channels {
            let wait = try #require(figures["waitSeconds"] as? [String: Any])
            let count = Double(try #require(wait["count"] as? Int))
            let labels = ["channel": channel]
            #expect(parsed.value("onewindow_wait_by_channel_seconds_count", labels) == count, "\(channel)")
            let sum = try #require(parsed.value("onewindow_wait_by_channel_seconds_sum", labels), "\(channel)")
            if let mean = wait["mean"] as? Double {
                #expect(((sum / count) * 10).rounded() / 10 == mean, "\(channel): the mean wait")
            } else {
                #expect(count == 0 && sum == 0, "\(channel)")
            }
        }
    }
}

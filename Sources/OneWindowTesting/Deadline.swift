import Foundation

/// Waits until `condition` holds, checking every `interval` seconds, for at most `seconds`.
/// Returns whether it held. Every wait in the tests has a deadline, so a regression fails the
/// test with a message instead of hanging the whole run.
@discardableResult
public func waitUntil(seconds: Double = 10, interval: Double = 0.01, _ condition: () throws -> Bool) rethrows
    -> Bool
{
    let deadline = Date().addingTimeInterval(seconds)
    while true {
        if try condition() { return true }
        if Date() >= deadline { return false }
        Thread.sleep(forTimeInterval: interval)
    }
}

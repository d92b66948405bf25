import Crypto
import Foundation
import OneWindowCore

/// The short code printed on a receipt that lets a kiosk rate that ticket's visit: the number
/// alone is guessable (A001, A002 …), the number with six random digits is not, within the
/// attempts `EvaluationCodeAttempts` allows.
public enum EvaluationCode {
    /// Digits in a code: a million codes, of which an attacker may try 5 per ticket.
    public static let length = 6

    /// A new code of `length` random digits.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// What the ticket keeps: the lowercase hex SHA-256 of `ticketId:code`. The ticket id salts
    /// it, so one table of a million hashes does not open every ticket.
    public static func hash(_ code: String, ticketId: String) -> String {
        Hex.encode(SHA256.hash(data: Data((ticketId + ":" + code).utf8)))
    }
}

import ArgumentParser
import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowStorage

/// `onewindowd privacy erase --phone N`: forgets one person's phone number on request
/// (个人信息保护法 第四十七条). Safe while the daemon serves (one SQLite write); the daemon's
/// limits forget the phone at its next start or day change.
struct Privacy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Personal data: erase one phone number's data on request.",
        subcommands: [Erase.self]
    )

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forget a phone number: its bookings keep their figures without it.",
            discussion: """
                The number is found by its keyed hash, so the same --phone-key-file as the daemon's is \
                needed. Prints how many bookings held the number; the number itself is never printed.
                """
        )

        @OptionGroup var database: Token.DatabaseOptions

        @Option(help: "The phone number to forget, as the applicant gives it.")
        var phone: String

        @Option(
            help:
                "The file with the hall's phone key (64 hex digits), as given to serve (env ONEWINDOW_PHONE_KEY_FILE; default phone.key beside the database)."
        )
        var phoneKeyFile: String?

        func run() throws {
            guard let number = PhoneNumber(phone) else {
                throw ValidationError("--phone: not a mainland mobile number (11 digits starting 13–19)")
            }
            let vault: PhoneVault
            do {
                vault = try PhoneVault(
                    keyFile: phoneKeyFile ?? Environment.value("ONEWINDOW_PHONE_KEY_FILE")
                        ?? PhoneVault.defaultKeyFile(database: database.path))
            } catch {
                throw ValidationError(error.description)
            }
            let count = try database.open().erasePhone(key: vault.key(for: number))
            print(
                "erased \(number.masked): \(count) booking\(count == 1 ? " no longer holds" : "s no longer hold") the number"
            )
        }
    }
}

import ArgumentParser
import Foundation
import OneWindowApp

/// `onewindowd serve`'s messages to applicants' phones and the keeping of their numbers.
struct ServeNotify: ParsableArguments {
    @Option(
        help:
            "POST every message to a phone here as JSON {to, template, params, text}, e.g. the city's SMS platform; none keeps them waiting (env ONEWINDOW_NOTIFY_URL)."
    )
    var notifyURL: String?

    @Option(
        help:
            "File with the HMAC-SHA256 key of the messages' X-OneWindow-Signature, readable by its owner only (env ONEWINDOW_NOTIFY_SECRET_FILE)."
    )
    var notifySecretFile: String?

    @Option(
        help:
            "File with the 64-hex-digit key that seals phone numbers (env ONEWINDOW_PHONE_KEY_FILE; default phone.key beside the database, created 0600 when missing)."
    )
    var phoneKeyFile: String?

    @Option(
        help: "JSON file with the messages' Chinese templates (env ONEWINDOW_MESSAGES_FILE; default the shipped ones).")
    var messagesFile: String?

    @Option(
        help:
            "Days after a booking's day when it and its phone number are deleted (env ONEWINDOW_RETENTION_DAYS; default 30)."
    )
    var retentionDays: Int?

    @Option(
        help:
            "A remote ticket's phone is told 前面还有 N 人 once this many or fewer are ahead (env ONEWINDOW_NEAR_AHEAD; default 3, 0 to 50)."
    )
    var nearAhead: Int?

    func apply(to configuration: inout AppConfiguration) throws {
        configuration.phoneKeyPath = phoneKeyFile ?? Environment.value("ONEWINDOW_PHONE_KEY_FILE")
        if let path = messagesFile ?? Environment.value("ONEWINDOW_MESSAGES_FILE") {
            do {
                configuration.messageTemplates = try MessageTemplates(file: path)
            } catch {
                throw ValidationError(error.description)
            }
        }
        configuration.retentionDays =
            try retentionDays ?? Serve.parse("ONEWINDOW_RETENTION_DAYS", Int.init) ?? configuration.retentionDays
        guard (1...3660).contains(configuration.retentionDays) else {
            throw ValidationError("retention days must be 1 to 3660, found \(configuration.retentionDays)")
        }
        configuration.nearAhead =
            try nearAhead ?? Serve.parse("ONEWINDOW_NEAR_AHEAD", Int.init) ?? configuration.nearAhead
        guard (0...50).contains(configuration.nearAhead) else {
            throw ValidationError("near-ahead must be 0 to 50, found \(configuration.nearAhead)")
        }
        let text = notifyURL ?? Environment.value("ONEWINDOW_NOTIFY_URL")
        let secretPath = notifySecretFile ?? Environment.value("ONEWINDOW_NOTIFY_SECRET_FILE")
        guard let text else {
            if secretPath != nil { throw ValidationError("a notify secret file was given without a notify URL") }
            return
        }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("the notify URL “\(text)” is not an http or https URL")
        }
        guard let secretPath else {
            throw ValidationError(
                "--notify-url needs --notify-secret-file: the receiver checks every message's signature")
        }
        let secret = try TokenFile.read(secretPath, what: "secret")
        guard secret.utf8.count >= 16 else {
            throw ValidationError("\(secretPath): the notify secret must be at least 16 bytes")
        }
        configuration.notifyPush = OutboxPush(url: url, secret: Data(secret.utf8))
    }
}

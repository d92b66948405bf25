import ArgumentParser
import Foundation
import OneWindowApp

/// `onewindowd serve`'s push of the outbox to the provincial 好差评 system.
struct ServePush: ParsableArguments {
    @Option(
        help:
            "POST every outbox record (evaluations, follow-ups, closed cases) here; none sends nothing (env ONEWINDOW_EVALUATION_PUSH_URL)."
    )
    var evaluationPushURL: String?

    @Option(
        help:
            "File with the HMAC-SHA256 key of X-OneWindow-Signature, readable by its owner only (env ONEWINDOW_EVALUATION_PUSH_SECRET_FILE)."
    )
    var evaluationPushSecretFile: String?

    @Option(help: "Seconds one delivery attempt may take (env ONEWINDOW_EVALUATION_PUSH_TIMEOUT; default 10).")
    var evaluationPushTimeout: Double?

    func apply(to configuration: inout AppConfiguration) throws {
        let text = evaluationPushURL ?? Environment.value("ONEWINDOW_EVALUATION_PUSH_URL")
        let secretPath = evaluationPushSecretFile ?? Environment.value("ONEWINDOW_EVALUATION_PUSH_SECRET_FILE")
        guard let text else {
            if secretPath != nil { throw ValidationError("a push secret file was given without a push URL") }
            return
        }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("the evaluation push URL “\(text)” is not an http or https URL")
        }
        guard let secretPath else {
            throw ValidationError(
                "the evaluation push needs --evaluation-push-secret-file: receivers check every record's signature")
        }
        let secret = try TokenFile.read(secretPath, what: "secret")
        guard secret.utf8.count >= 16 else {
            throw ValidationError("\(secretPath): the push secret must be at least 16 bytes")
        }
        var push = OutboxPush(url: url, secret: Data(secret.utf8))
        push.timeoutSeconds =
            try evaluationPushTimeout ?? Serve.parse("ONEWINDOW_EVALUATION_PUSH_TIMEOUT", Double.init)
            ?? push.timeoutSeconds
        guard (1...300).contains(push.timeoutSeconds) else {
            throw ValidationError("the push timeout must be 1 to 300 seconds, found \(push.timeoutSeconds)")
        }
        configuration.outboxPush = push
    }
}

import ArgumentParser
import Foundation
import OneWindowApp

/// `serve`'s pull of the catalogue from the city.
struct ServeCatalogue: ParsableArguments {
    @Option(
        help:
            "Pull this hall's signed services.json from the city's URL, into the --catalogue file (env ONEWINDOW_CATALOGUE_URL)."
    )
    var catalogueURL: String?

    @Option(
        help:
            "The city's Ed25519 public key (PEM) that signs the pulled catalogue (env ONEWINDOW_CATALOGUE_PUBLIC_KEY).")
    var cataloguePublicKey: String?

    @Option(help: "Seconds between pulls (env ONEWINDOW_CATALOGUE_PULL_INTERVAL; default 300).")
    var cataloguePullInterval: Double?

    @Option(help: "Seconds one pull may take (env ONEWINDOW_CATALOGUE_PULL_TIMEOUT; default 10).")
    var cataloguePullTimeout: Double?

    func apply(to configuration: inout AppConfiguration) throws {
        let text = catalogueURL ?? Environment.value("ONEWINDOW_CATALOGUE_URL")
        let keyPath = cataloguePublicKey ?? Environment.value("ONEWINDOW_CATALOGUE_PUBLIC_KEY")
        guard let text else {
            if keyPath != nil { throw ValidationError("a catalogue public key was given without --catalogue-url") }
            return
        }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("the catalogue URL “\(text)” is not an http or https URL")
        }
        guard let keyPath else {
            throw ValidationError(
                "--catalogue-url needs --catalogue-public-key: a pulled catalogue is used only if the city's key verifies it"
            )
        }
        let key: CatalogueVerifyingKey
        do {
            key = try CatalogueVerifyingKey(file: keyPath)
        } catch {
            throw ValidationError(error.reason)
        }
        var pull = CataloguePull(url: url, key: key)
        pull.intervalSeconds =
            try cataloguePullInterval ?? Serve.parse("ONEWINDOW_CATALOGUE_PULL_INTERVAL", Double.init)
            ?? pull.intervalSeconds
        guard (5...86_400).contains(pull.intervalSeconds) else {
            throw ValidationError(
                "the catalogue pull interval must be 5 to 86400 seconds, found \(pull.intervalSeconds)")
        }
        pull.timeoutSeconds =
            try cataloguePullTimeout ?? Serve.parse("ONEWINDOW_CATALOGUE_PULL_TIMEOUT", Double.init)
            ?? pull.timeoutSeconds
        guard (1...300).contains(pull.timeoutSeconds) else {
            throw ValidationError("the catalogue pull timeout must be 1 to 300 seconds, found \(pull.timeoutSeconds)")
        }
        configuration.cataloguePull = pull
    }
}

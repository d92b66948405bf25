import Foundation
import OneWindowCore
import OneWindowHTTP

/// One hall's catalogue as the city serves it: the base merged with the hall's overrides
/// (`CatalogueMerge`), checked, signed, and ready to send again and again.
///
/// The city's route answers `Response(prepared: catalogue.response)`: the router then answers
/// an `If-None-Match` that names the ETag with 304 itself, which is what a hall asks every
/// few minutes.
public struct SignedCatalogue: Sendable {
    /// The merged file's exact bytes, which the signature covers.
    public let body: Data
    /// `ed25519=<base64>`, as in `services.json.sig` and the `X-OneWindow-Signature` header.
    public let signature: String
    /// 200 with the body, `ETag`, `X-OneWindow-Signature` and `Cache-Control: no-cache`.
    public let response: PreparedResponse

    /// - Throws: `CatalogueError` for overrides that may not be applied or a merge that fails
    ///   the checks; `CatalogueSignatureError` if signing fails.
    public init(base: Data, overrides: Data, hall: String, key: CatalogueSigningKey) throws {
        let body = try CatalogueMerge.merge(
            base: base, overrides: overrides, baseFile: "the base catalogue", overridesFile: "the overrides of \(hall)")
        try self.init(body: body, key: key)
    }

    /// A catalogue file signed as it is (a city without per-hall overrides).
    public init(body: Data, key: CatalogueSigningKey) throws {
        self.body = body
        signature = try key.sign(body)
        response = PreparedResponse(
            headers: [
                "Content-Type": Response.jsonContentType, "Cache-Control": "no-cache",
                "X-OneWindow-Signature": signature,
            ],
            body: body, etag: true)
    }
}

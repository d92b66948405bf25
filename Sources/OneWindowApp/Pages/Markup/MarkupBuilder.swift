/// Builds `Markup` from a block: a `String` becomes escaped text, `Markup` stays as it is,
/// and `if`, `switch` and `for` work as in any result builder.
@resultBuilder
enum MarkupBuilder {
    static func buildExpression(_ text: String) -> Markup { .text(text) }
    static func buildExpression(_ markup: Markup) -> Markup { markup }
    static func buildExpression(_ parts: [Markup]) -> Markup { .fragment(parts) }
    static func buildBlock(_ parts: Markup...) -> Markup { .fragment(parts) }
    static func buildOptional(_ part: Markup?) -> Markup { part ?? .empty }
    static func buildEither(first: Markup) -> Markup { first }
    static func buildEither(second: Markup) -> Markup { second }
    static func buildArray(_ parts: [Markup]) -> Markup { .fragment(parts) }
}

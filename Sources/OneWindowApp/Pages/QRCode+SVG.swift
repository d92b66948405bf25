import OneWindowCore

extension QRCode {
    /// The code as an inline SVG: one path of dark squares on white, with the standard's quiet
    /// zone of 4 modules, `label` for screen readers. Drawn with crisp edges so that a phone's
    /// screen shows sharp modules for the kiosk's scanner.
    func svg(label: String, modulePixels: Int = 6) -> Markup {
        let side = size + 8
        var path = ""
        for y in 0..<size {
            for x in 0..<size where modules[y][x] { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        return .element(
            "svg",
            [
                Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 \(side) \(side)"),
                Attribute("width", String(side * modulePixels)), Attribute("height", String(side * modulePixels)),
                Attribute("role", "img"), Attribute("aria-label", label), Attribute("shape-rendering", "crispEdges"),
                .class("qr"),
            ]
        ) {
            // End tags, not void elements: inside SVG an unclosed rect would swallow the path.
            Markup.element(
                "rect", [Attribute("width", "100%"), Attribute("height", "100%"), Attribute("fill", "#fff")])
            Markup.element("path", [Attribute("d", path), Attribute("fill", "#000")])
        }
    }
}

import Foundation

/// The manager page's charts, drawn on the server as inline SVG: no script, no external file,
/// readable without colour (each chart has a title, a one-sentence description for screen
/// readers, and its numbers in a table or text beside it).
enum ManageChart {
    struct Series {
        var name: String
        var color: String
        /// x and y in chart units; a nil y leaves a gap.
        var points: [(x: Double, y: Double?)]
        /// Holds each value until the next point (counts), instead of joining points (rates).
        var step = false
    }

    struct Axis {
        var range: ClosedRange<Double>
        var ticks: [(value: Double, label: String)]
    }

    static let width = 720.0
    static let height = 260.0
    static let left = 52.0
    static let right = 16.0
    static let top = 14.0
    static let bottom = 30.0

    /// A line chart of `series` over `x` and `y`.
    static func lines(id: String, title: String, summary: String, series: [Series], x: Axis, y: Axis) -> Markup {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func px(_ value: Double) -> Double {
            left + (value - x.range.lowerBound) / max(1e-9, x.range.upperBound - x.range.lowerBound) * plotWidth
        }
        func py(_ value: Double) -> Double {
            top + plotHeight - (value - y.range.lowerBound) / max(1e-9, y.range.upperBound - y.range.lowerBound)
                * plotHeight
        }
        var parts: [Markup] = []
        for tick in y.ticks {
            parts.append(line("grid", x1: left, x2: width - right, y1: py(tick.value), y2: py(tick.value)))
            parts.append(text(tick.label, x: left - 6, y: py(tick.value) + 4, anchor: "end"))
        }
        for tick in x.ticks { parts.append(text(tick.label, x: px(tick.value), y: height - 8, anchor: "middle")) }
        parts.append(
            line("axis", x1: left, x2: width - right, y1: py(y.range.lowerBound), y2: py(y.range.lowerBound)))
        for one in series {
            var path = ""
            var drawing = false
            for point in one.points {
                guard let value = point.y else {
                    drawing = false
                    continue
                }
                if !drawing {
                    path += "M\(f(px(point.x))),\(f(py(value)))"
                } else if one.step {
                    path += "H\(f(px(point.x)))V\(f(py(value)))"
                } else {
                    path += "L\(f(px(point.x))),\(f(py(value)))"
                }
                drawing = true
            }
            parts.append(
                .element(
                    "path",
                    [
                        Attribute("d", path), Attribute("fill", "none"), Attribute("stroke", one.color),
                        Attribute("stroke-width", "2.5"),
                    ]))
            // A rate's days are dots on its line: a day between gaps, such as the first day the
            // hall used OneWindow, is a line of no length and would not show at all.
            guard !one.step else { continue }
            for point in one.points {
                guard let value = point.y else { continue }
                parts.append(
                    .element(
                        "circle",
                        [
                            Attribute("cx", f(px(point.x))), Attribute("cy", f(py(value))), Attribute("r", "3.5"),
                            Attribute("fill", one.color),
                        ]))
            }
        }
        return svg(id: id, title: title, summary: summary, height: height, body: parts)
    }

    /// Horizontal bars of shares (0…1), one group of bars per row, one bar per value.
    static func bars(
        id: String, title: String, summary: String, rows: [(label: String, values: [Double?])], colors: [String]
    ) -> Markup {
        let rowHeight = 16.0 * Double(max(1, colors.count)) + 14
        let labelWidth = 210.0
        let barWidth = width - labelWidth - 70
        var parts: [Markup] = []
        for (index, row) in rows.enumerated() {
            let y0 = top + Double(index) * rowHeight
            parts.append(label(row.label, x: labelWidth - 8, y: y0 + rowHeight / 2))
            for (bar, value) in row.values.enumerated() {
                let y = y0 + 4 + Double(bar) * 16
                let length = (value ?? 0) * barWidth
                parts.append(
                    .element(
                        "rect",
                        [
                            Attribute("x", f(labelWidth)), Attribute("y", f(y)), Attribute("width", f(length)),
                            Attribute("height", "12"), Attribute("fill", colors[bar % colors.count]),
                        ]))
                parts.append(
                    text(
                        value.map { String(format: "%.1f%%", $0 * 100) } ?? "无数据", x: labelWidth + length + 6, y: y + 11
                    ))
            }
        }
        parts.append(line("axis", x1: labelWidth, x2: labelWidth, y1: top, y2: top + Double(rows.count) * rowHeight))
        return svg(
            id: id, title: title, summary: summary, height: top * 2 + Double(rows.count) * rowHeight, body: parts)
    }

    private static func svg(id: String, title: String, summary: String, height: Double, body: [Markup]) -> Markup {
        let attributes = [
            .class("chart"), Attribute("viewBox", "0 0 \(f(width)) \(f(height))"), Attribute("role", "img"),
            Attribute("aria-labelledby", "\(id)-t \(id)-d"), Attribute("focusable", "false"),
        ]
        return .element("svg", attributes) {
            Markup.element("title", [.id("\(id)-t")]) { title }
            Markup.element("desc", [.id("\(id)-d")]) { summary }
            Markup.newline
            Markup.joined(body, separator: "\n")
            Markup.newline
        }
    }

    private static func line(_ className: String, x1: Double, x2: Double, y1: Double, y2: Double) -> Markup {
        .element(
            "line",
            [
                .class(className), Attribute("x1", f(x1)), Attribute("x2", f(x2)), Attribute("y1", f(y1)),
                Attribute("y2", f(y2)),
            ])
    }

    private static func text(_ label: String, x: Double, y: Double, anchor: String? = nil) -> Markup {
        let position = [Attribute("x", f(x)), Attribute("y", f(y))]
        return .element("text", position + (anchor.map { [Attribute("text-anchor", $0)] } ?? [])) { label }
    }

    /// A round step for about `count` ticks up to `maximum`: 1, 2 or 5 times a power of ten.
    static func niceStep(_ maximum: Double, count: Double = 4) -> Double {
        let raw = max(maximum, 1) / count
        let power = pow(10, floor(log10(raw)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * power >= raw { return factor * power }
        return 10 * power
    }

    private static func cut(_ label: String) -> String {
        label.count > 13 ? String(label.prefix(12)) + "…" : label
    }

    /// A bar's label, right-aligned at `x`: a trailing `（…）` note (the open cases) goes on a
    /// line of its own, so that shortening a long name never cuts the count off.
    private static func label(_ label: String, x: Double, y: Double) -> Markup {
        guard label.hasSuffix("）"), let open = label.lastIndex(of: "（"), open > label.startIndex else {
            return text(cut(label), x: x, y: y, anchor: "end")
        }
        let name = cut(String(label[..<open]))
        let note = String(label[open...])
        return .element("text", [Attribute("x", f(x)), Attribute("y", f(y - 3)), Attribute("text-anchor", "end")]) {
            Markup.element("tspan") { name }
            Markup.element("tspan", [Attribute("x", f(x)), Attribute("dy", "14")]) { note }
        }
    }

    /// Coordinates with at most one decimal.
    private static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

import Foundation

/// RFC 4180 CSV as the hall's spreadsheets get it: UTF-8 with a byte-order mark (so Excel
/// shows Chinese), CRLF line ends, and no cell a spreadsheet would run as a formula.
enum CSVText {
    /// The rows, the header first, as a file.
    static func document(_ rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for row in rows {
            text += row.map(cell).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    /// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a line
    /// break first, as OWASP lists them: Excel skips a leading tab and runs what follows) gets a
    /// leading `'`, unless it is a plain number; then quoted if needed.
    static func cell(_ cell: String) -> String {
        var cell = cell
        if let first = cell.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first), Double(cell) == nil {
            cell = "'" + cell
        }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation

/// Search by touch: an on-screen letter keyboard for pinyin initials (JH for 结婚), whose
/// matches in the loaded catalogue show as they are typed; Enter asks the daemon, which
/// also reads Chinese and whole pinyin (`dibao`) typed on a real keyboard.
extension ApplicantKiosk {
    static let letterRows = ["ABCDEFGHIJKLM", "NOPQRSTUVWXYZ"]

    /// The catalogue's services whose names' pinyin initials hold `query`; none for other queries.
    func initialMatches(_ query: String) -> [ServiceSummary] {
        guard PinyinInitials.isInitials(query) else { return [] }
        return catalogue.filter { item in
            (nameInitials[item.id] ?? [PinyinInitials.of(item.name)]).contains {
                PinyinInitials.matches(query, in: $0)
            }
        }
    }

    /// What is sent to the daemon for what was typed: trimmed; letters in lower case, as pinyin.
    static func sent(_ typed: String) -> String {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        return PinyinInitials.isInitials(trimmed) ? trimmed.lowercased() : trimmed
    }

    mutating func searchEntry(_ input: InputEvent, _ query: String) -> [ApplicantEffect] {
        let matches = initialMatches(query)
        switch input {
        case .select(let number) where (1...max(1, matches.count)).contains(number) && !matches.isEmpty:
            return openGuide(matches[number - 1].id)
        case .text(let character):
            if query.count < 30 { screen = .searchEntry(query + String(character)) }
        case .backspace where !query.isEmpty:
            screen = .searchEntry(String(query.dropLast()))
        case .enter where !matches.isEmpty:
            show(.searchResults(query: query, matches))
        case .enter where !query.trimmingCharacters(in: .whitespaces).isEmpty:
            notice = .init(language.pick("正在搜索…", "Searching…"))
            return [.search(Self.sent(query))]
        case .escape, .backspace:
            return goHome()
        default: break
        }
        return []
    }

    /// The on-screen digits, for a case number, a ticket number or an evaluation code by touch.
    func digitPad(row: Int, into buffer: inout ScreenBuffer) {
        let keys = "1234567890".map { (String($0), InputEvent.text($0)) }
        buffer.keypad(keys, row: row, column: 4, cellWidth: buffer.width >= 70 ? 5 : 4)
        buffer.keypad([(language.pick("删除", "Delete"), .backspace)], row: row + 1, column: 4, cellWidth: 10)
    }

    func renderSearchEntry(_ query: String, rows: ClosedRange<Int>, into buffer: inout ScreenBuffer) {
        let l = language
        var row = rows.lowerBound
        buffer.write(
            l.pick("输入关键词（如 低保），或点按拼音首字母（结婚 = JH）", "Type a keyword, or tap pinyin initials (JH = 结婚)"),
            row: row, column: 2, maxWidth: buffer.width - 4)
        row += 1
        buffer.write("[ " + query + "_ ]", row: row, column: 4, style: .bold)
        row += 1
        // Two rows of 13 letters, four columns each: 52 columns, so 60 wide fits.
        let cell = buffer.width >= 70 ? 5 : 4
        for letters in Self.letterRows {
            let keys = letters.map { (String($0), InputEvent.text($0)) }
            buffer.keypad(keys, row: row, column: 2, cellWidth: cell)
            row += 1
        }
        var actions: [(String, InputEvent)] = []
        if !query.isEmpty { actions.append((l.pick("删除", "Delete"), .backspace)) }
        actions.append((l.pick("搜索", "Search"), .enter))
        buffer.keypad(actions, row: row, column: 2, cellWidth: 10)
        row += 2
        let matches = initialMatches(query)
        guard !matches.isEmpty, row < rows.upperBound else { return }
        buffer.write(l.pick("匹配的事项（点按打开）：", "Matching services (tap one):"), row: row - 1, column: 2, style: .dim)
        buffer.choices(matches.map(name), rows: row...rows.upperBound, page: page, language: l)
    }
}

extension ScreenBuffer {
    /// A row of on-screen keys, each `cellWidth` columns wide and a tap target over all of it.
    public mutating func keypad(_ keys: [(String, InputEvent)], row: Int, column: Int, cellWidth: Int) {
        var x = column
        for (label, input) in keys {
            guard x + cellWidth <= width else { break }
            write("[" + label + "]", row: row, column: x, style: .bold)
            tapTarget(row: row, columns: x..<(x + cellWidth), input: input)
            x += cellWidth
        }
    }
}

import Foundation

extension ClerkConsole {
    public mutating func handle(_ input: InputEvent, now: Date) -> [ClerkEffect] {
        // A tap on no key (the loop passes it on for the kiosk's idle timer) does nothing here.
        if case .tap = input { return [] }
        guard !busy, hall != nil else { return [] }
        notice = nil
        switch mode {
        case .main: return mainKey(input)
        case .outcome: return outcomeKey(input)
        case .missing(var ticked):
            let count = guide?.materials.count ?? 0
            if case .text(let key) = input, let number = Int(String(key)), (1...max(1, count)).contains(number),
                count > 0
            {
                if ticked.contains(number) { ticked.remove(number) } else { ticked.insert(number) }
                mode = .missing(ticked)
            } else if case .select(let number) = input, (1...max(1, count)).contains(number) {
                if ticked.contains(number) { ticked.remove(number) } else { ticked.insert(number) }
                mode = .missing(ticked)
            } else if input == .enter {
                guard !ticked.isEmpty, let guide else {
                    notice = .init(language.pick("请至少勾选一项缺少的材料", "Tick at least one missing material"), kind: .problem)
                    return []
                }
                let ids = ticked.sorted().map { guide.materials[$0 - 1].id ?? guide.materials[$0 - 1].name }
                return complete(.needsMore, missing: ids, note: nil)
            } else if input == .escape || input == .backspace {
                mode = .outcome
            }
            return []
        case .note(let text):
            switch input {
            case .text(let character): mode = .note(text + String(character))
            case .backspace where !text.isEmpty: mode = .note(String(text.dropLast()))
            case .enter:
                let note = text.trimmingCharacters(in: .whitespaces)
                guard !note.isEmpty else {
                    notice = .init(language.pick("请填写不予受理的原因", "Type the reason for rejecting"), kind: .problem)
                    return []
                }
                return complete(.rejected, missing: [], note: note)
            case .escape, .backspace: mode = .outcome
            default: break
            }
            return []
        case .transfer:
            let targets = transferTargets
            switch choice.key(input, count: targets.count) {
            case .chosen(let number):
                guard let ticket = current else { return [] }
                mode = .main
                return send(.transfer(ticketId: ticket.id, window: window, serviceId: targets[number - 1].id))
            case .invalid: notice = .init(language.pick("没有这个选项", "No such choice"), kind: .problem)
            case .ignored where input == .escape || input == .backspace: mode = .main
            case .ignored where input == .text("+") || input == .pageDown: page += 1
            case .ignored where input == .text("-") || input == .pageUp: page = max(0, page - 1)
            default: break
            }
            return []
        }
    }

    /// Services a ticket can be moved to: every other service of the catalogue.
    var transferTargets: [ServiceSummary] {
        services.filter { $0.id != current?.serviceId }
    }

    private mutating func mainKey(_ input: InputEvent) -> [ClerkEffect] {
        let key: Character
        switch input {
        case .text(let character): key = character
        case .select(let number): key = Character(String(number))
        default: return []
        }
        switch key {
        case "1": return send(.callNext(window: window))
        case "2": return send(.recall(window: window))
        case "3", "4", "5":
            guard let ticket = current else {
                notice = .init(language.pick("当前没有号码，请先叫号", "No current ticket: call one first"), kind: .problem)
                return []
            }
            if key == "3" { return send(.noShow(ticketId: ticket.id, window: window)) }
            mode = key == "4" ? .transfer : .outcome
            page = 0
            choice.reset()
        case "6": return send(.pause(window: window))
        case "7": return send(.resume(window: window))
        case "0": language = language.other
        default: break
        }
        return []
    }

    private mutating func outcomeKey(_ input: InputEvent) -> [ClerkEffect] {
        switch input {
        case .text("1"), .select(1): return complete(.completed, missing: [], note: nil)
        case .text("2"), .select(2): return complete(.accepted, missing: [], note: nil)
        case .text("3"), .select(3):
            guard guide?.materials.isEmpty == false else {
                notice = .init(language.pick("材料清单未载入", "The materials list is not loaded"), kind: .problem)
                return []
            }
            mode = .missing([])
        case .text("4"), .select(4): mode = .note("")
        case .escape, .backspace: mode = .main
        default: break
        }
        return []
    }

    private mutating func complete(_ outcome: ClerkCommand.Outcome, missing: [String], note: String?) -> [ClerkEffect] {
        guard let ticket = current else { return [] }
        mode = .main
        return send(
            .complete(ticketId: ticket.id, window: window, outcome: outcome, missingMaterials: missing, note: note))
    }

    mutating func send(_ command: ClerkCommand) -> [ClerkEffect] {
        busy = true
        return [.command(command)]
    }
}

import Foundation

extension ApplicantKiosk {
    public mutating func handle(_ input: InputEvent, now: Date) -> [ApplicantEffect] {
        lastInput = now
        // A tap on nothing in particular only says someone is there (点按继续).
        if case .tap = input { return [] }
        if input == .home { return goHome() }
        // A key acts on the screen as it was drawn, notice and all.
        let plan = checklistPlan(width: viewSize.width, height: viewSize.height)
        notice = nil
        if input == .text("+") || input == .pageDown || input == .down {
            page = plan.map { $0.checklist.clamped($0.page + 1) } ?? page + 1
            return []
        }
        if input == .text("-") || input == .pageUp || input == .up {
            page = max(0, (plan?.page ?? page) - 1)
            return []
        }
        // 我已备齐 only once every material has been shown.
        if let plan, !plan.isLastPage || !plan.takesTicket, input == .select(1) || input == .text("1") {
            guard plan.takesTicket else { return [] }
            notice = .init(language.pick("请先按 + 看完其余材料", "Press + to see the other materials first"))
            return []
        }
        switch screen {
        case .start: return startScreen(input)
        case .categories(let audience):
            return pick(input, count: categories(for: audience).count) { kiosk, number in
                kiosk.show(.services(audience, category: kiosk.categories(for: audience)[number - 1]))
                return []
            }
        case .services(let audience, let category):
            let items = services(for: audience).filter { $0.category == category }
            return pick(input, count: items.count, back: .categories(audience)) { kiosk, number in
                kiosk.openGuide(items[number - 1].id)
            }
        case .searchEntry(let query): return searchEntry(input, query)
        case .searchResults(let query, let items):
            return pick(input, count: items.count, back: .searchEntry(query)) { kiosk, number in
                kiosk.openGuide(items[number - 1].id)
            }
        case .loadingGuide, .loadingCase, .evaluating:
            return isBack(input) ? goHome() : []
        case .guide(let guide):
            // A service the hall does not receive gets no ticket here: the screen says where to go.
            guard guide.channels.hall != nil else { return isBack(input) ? goBack(to: guideOrigin) : [] }
            return pick(input, count: 1) { kiosk, _ in
                let request = IssueRequest(serviceId: guide.id, priority: false)
                kiosk.show(.priority(PendingIssue(request: request, key: "", serviceName: guide.name, guide: guide)))
                return []
            }
        case .priority(var pending):
            return pick(input, count: 2) { kiosk, number in
                pending.request.priority = number == 2
                pending.key = kiosk.makeKey()
                kiosk.show(.issuing(pending))
                return [.issue(pending.request, key: pending.key)]
            }
        case .issuing:
            return isBack(input) ? goHome() : []
        case .issueFailed(let pending, _):
            // Trying again keeps the key: if the first attempt did make a ticket, this returns it.
            return pick(input, count: 1) { kiosk, _ in
                kiosk.show(.issuing(pending))
                return [.issue(pending.request, key: pending.key)]
            }
        case .ticket, .rated:
            return input == .enter || isBack(input) ? goHome() : []
        case .caseEntry(let typed): return caseEntry(input, typed)
        case .caseFound(let found, let guide):
            guard found.state == "open" else { return isBack(input) || input == .enter ? goHome() : [] }
            return pick(input, count: 1) { kiosk, _ in
                let request = IssueRequest(serviceId: found.serviceId, caseId: found.id, priority: false)
                let name = found.serviceName ?? guide.name
                kiosk.show(.priority(PendingIssue(request: request, key: "", serviceName: name, guide: guide)))
                return []
            }
        case .ratingLetter:
            let prefixes = queuePrefixes
            return pick(input, count: prefixes.count) { kiosk, number in
                kiosk.show(.ratingNumber(prefix: prefixes[number - 1], digits: ""))
                return []
            }
        case .ratingNumber(let prefix, let digits): return ratingNumber(input, prefix, digits)
        case .ratingCode(let number, let digits): return ratingCode(input, number, digits)
        case .ratingChoice(let number, let code): return ratingChoice(input, number, code)
        case .ratingReasons(let request): return ratingReasons(input, request)
        case .bookingEntry(let typed): return bookingEntry(input, typed)
        case .checkingIn: return isBack(input) ? goHome() : []
        case .checkInEarly: return input == .enter || isBack(input) ? goHome() : []
        }
    }

    mutating func show(_ next: Screen) {
        screen = next
        page = 0
        choice.reset()
    }

    func isBack(_ input: InputEvent) -> Bool {
        input == .escape || input == .backspace
    }

    mutating func goBack(to previous: Screen) -> [ApplicantEffect] {
        show(previous)
        return []
    }

    /// A numbered choice; Esc or Backspace (with nothing typed) goes to `back`, else home.
    mutating func pick(
        _ input: InputEvent, count: Int, back: Screen? = nil,
        _ chosen: (inout ApplicantKiosk, Int) -> [ApplicantEffect]
    ) -> [ApplicantEffect] {
        switch choice.key(input, count: count) {
        case .chosen(let number): return chosen(&self, number)
        case .pending: return []
        case .invalid:
            notice = .init(language.pick("没有这个选项，请重新输入", "No such choice; please try again"), kind: .problem)
            return []
        case .ignored:
            guard isBack(input) else { return [] }
            if let back { return goBack(to: back) }
            switch screen {
            case .services(let audience, _): return goBack(to: .categories(audience))
            case .guide, .priority: return goHome()
            default: return goHome()
            }
        }
    }

    mutating func openGuide(_ serviceId: String) -> [ApplicantEffect] {
        guideOrigin = screen
        show(.loadingGuide(serviceId: serviceId))
        return [.loadGuide(serviceId: serviceId)]
    }

    private mutating func startScreen(_ input: InputEvent) -> [ApplicantEffect] {
        if input == .text("0") {
            language = language.other
            return []
        }
        guard !catalogue.isEmpty else { return [] }
        switch choice.key(input, count: 6) {
        case .chosen(1): show(.categories(.individuals))
        case .chosen(2): show(.categories(.organisations))
        case .chosen(3): show(.searchEntry(""))
        case .chosen(4): show(.caseEntry(""))
        case .chosen(5): show(.ratingLetter)
        case .chosen(6): show(.bookingEntry(""))
        default: break
        }
        return []
    }

    private mutating func caseEntry(_ input: InputEvent, _ typed: String) -> [ApplicantEffect] {
        switch input {
        case .text(let character) where character.isLetter || character.isNumber || character == "-":
            if typed.count < 20 { screen = .caseEntry(typed + String(character).uppercased()) }
        case .backspace where !typed.isEmpty:
            screen = .caseEntry(String(typed.dropLast()))
        case .enter:
            guard let caseId = CaseNumber.normalize(typed) else {
                notice = .init(
                    language.pick(
                        "办件号应为 12 位数字（如 C20261129-0007）", "A case number has 12 digits (e.g. C20261129-0007)"),
                    kind: .problem)
                return []
            }
            show(.loadingCase(caseId))
            return [.lookUpCase(caseId)]
        case .escape, .backspace:
            return goHome()
        default: break
        }
        return []
    }
}

import Foundation

extension ClerkConsole {
    public mutating func receive(_ message: ClerkMessage, now: Date) -> [ClerkEffect] {
        switch message {
        case .loaded(let hall, let services, let windows, let queue):
            self.hall = hall
            self.services = services
            self.queue = queue
            notice = nil
            guard let mine = windows.first(where: { $0.id == window }) else {
                notice = .init(language.pick("大厅没有 \(window) 号窗口", "The hall has no window \(window)"), kind: .problem)
                return []
            }
            paused = mine.paused ?? false
            // After a restart: pick up the ticket this window is serving (the cases API names its id).
            if let id = mine.currentTicketId { return [.loadTicket(id: id)] }
            if let number = mine.currentTicket {
                // Without the ticket's id (a daemon before the cases API), a recall brings it back.
                notice = .init(
                    language.pick(
                        "本窗口正在办理 \(number)：按 2 重呼后继续办理", "This window is serving \(number): press 2 to recall it"))
            }
        case .loadRetry(let attempt, _):
            notice = .init(
                language.pick("暂时无法连接服务器，正在重试（第 \(attempt) 次）…", "Cannot reach the server; retrying (\(attempt))…"),
                kind: .problem)
        case .loadFailed(let error):
            notice = .init(Self.problem(error, language), kind: .problem)
        case .queue(let snapshot):
            queue = snapshot
            if refreshes.finished() { return [.refreshQueue] }
        case .streamConnected:
            live = true
            return refresh()
        case .streamLost:
            live = false
            refreshes.reset()
        case .streamEvent:
            return refresh()
        case .commandDone(let command, let result):
            busy = false
            return finished(command, result, now: now)
        case .ticket(.success(let ticket)):
            current = ticket
            noShowAllowedAt = ticket.secondsBeforeNoShow.map { now + Double($0) }
            if guide?.id != ticket.serviceId { return [.loadGuide(serviceId: ticket.serviceId)] }
        case .ticket(.failure), .guide(.failure):
            break
        case .guide(.success(let guide)):
            if current?.serviceId == guide.id { self.guide = guide }
        }
        return []
    }

    mutating func refresh() -> [ClerkEffect] {
        refreshes.request() ? [.refreshQueue] : []
    }

    private mutating func finished(
        _ command: ClerkCommand, _ result: Result<TicketInfo?, DaemonError>, now: Date
    ) -> [ClerkEffect] {
        let l = language
        switch result {
        case .failure(let error):
            notice = .init(Self.problem(error, l), kind: .problem)
            return []
        case .success(let ticket):
            switch command {
            case .callNext, .recall:
                guard let ticket else {
                    notice = .init(l.pick("没有等候的号码", "Nobody is waiting"))
                    return []
                }
                let changed = current?.id != ticket.id
                current = ticket
                noShowAllowedAt = ticket.secondsBeforeNoShow.map { now + Double($0) }
                if changed { guide = nil }
                var effects: [ClerkEffect] = [.loadTicket(id: ticket.id)]
                if guide?.id != ticket.serviceId { effects.append(.loadGuide(serviceId: ticket.serviceId)) }
                return effects
            case .noShow:
                notice = .init(l.pick("\(current?.number ?? "") 已过号", "\(current?.number ?? "") marked as no-show"))
            case .transfer(_, _, let serviceId):
                let name = services.first { $0.id == serviceId }?.name ?? serviceId
                notice = .init(
                    l.pick("\(current?.number ?? "") 已转至 \(name)", "\(current?.number ?? "") moved to \(name)"))
            case .complete(_, _, let outcome, _, _):
                notice = .init(
                    l.pick(
                        "\(current?.number ?? "") \(Self.outcomeName(outcome, l))",
                        "\(current?.number ?? ""): \(Self.outcomeName(outcome, l))"))
            case .pause:
                paused = true
                return []
            case .resume:
                paused = false
                return []
            }
            current = nil
            guide = nil
            noShowAllowedAt = nil
            return []
        }
    }

    static func outcomeName(_ outcome: ClerkCommand.Outcome, _ l: Language) -> String {
        switch outcome {
        case .completed: l.pick("办结", "completed")
        case .accepted: l.pick("受理", "accepted")
        case .needsMore: l.pick("需补正", "more materials needed")
        case .rejected: l.pick("不予受理", "rejected")
        }
    }

    /// The daemon's refusal in the clerk's words, with its code for the log book.
    static func problem(_ error: DaemonError, _ l: Language) -> String {
        let text: String =
            switch error.code {
            case "window_busy": l.pick("请先办结或过号当前号码", "Finish the current ticket first")
            case "no_current_ticket": l.pick("本窗口当前没有号码", "This window has no current ticket")
            case "window_paused": l.pick("窗口已暂停，请先恢复", "The window is paused; resume it first")
            case "too_few_calls": l.pick("呼叫次数不足，请先重呼", "Call the ticket again before marking no-show")
            case "too_soon_for_no_show":
                l.pick("申请人可能还在路上，请等倒计时结束再过号", "The applicant may still be coming: wait for the countdown")
            case "missing_materials_required": l.pick("请勾选缺少的材料", "Tick the missing materials")
            case "note_required": l.pick("请填写原因", "Type the reason")
            case "wrong_window":
                l.pick("本机令牌属于另一个窗口，请联系管理员核对窗口设置", "This terminal's token belongs to another window; ask the manager")
            case "token_unbound":
                l.pick("本机令牌未绑定窗口，请联系管理员重新生成", "This terminal's token has no window; ask the manager for a new one")
            case "unauthorized", "forbidden": l.pick("令牌无效或无权限，请联系管理员", "The token is not valid for a clerk")
            default:
                error.isTransient
                    ? l.pick("暂时无法连接服务器，请再按一次", "Cannot reach the server; press the key again")
                    : ""
            }
        return text.isEmpty ? "\(error)" : "\(text)（\(error.code ?? "error")）"
    }
}

import Foundation

extension ApplicantKiosk {
    public mutating func receive(_ message: ApplicantMessage, now: Date) -> [ApplicantEffect] {
        switch message {
        case .catalogue(let hall, let services):
            self.hall = hall
            catalogue = services
            nameInitials = Dictionary(services.map { ($0.id, [PinyinInitials.of($0.name)]) }) { first, _ in first }
            if screen == .start { notice = nil }
            return [.prefetchGuides(services.map(\.id))]
        case .guideCached(let guide):
            guides[guide.id] = guide
            learnAliases(guide)
        case .catalogueRetry(let attempt, let error):
            // With a catalogue from the cache file, what can be done beats how often we tried.
            notice = catalogue.isEmpty ? unreachable(error, attempt: attempt) : offline
        case .catalogueFailed(let error):
            notice = problem(error)
        case .searchResults(let query, let result):
            guard case .searchEntry(let typed) = screen, Self.sent(typed) == query else {
                return []
            }
            switch result {
            case .success(let items) where items.isEmpty:
                notice = .init(language.pick("没有找到“\(query)”，请换个词", "Nothing found for “\(query)”"), kind: .problem)
            case .success(let items):
                notice = nil
                show(.searchResults(query: query, items))
            case .failure(let error): notice = problem(error)
            }
        case .guide(let serviceId, let result):
            guard screen == .loadingGuide(serviceId: serviceId) else { return [] }
            switch result {
            case .success(let guide):
                guides[guide.id] = guide
                learnAliases(guide)
                show(.guide(guide))
            case .failure(let error) where error.isTransient:
                // The daemon is down: the guide loaded before, or back to the list, with the 咨询台.
                if let cached = guides[serviceId] {
                    show(.guide(cached))
                    notice = .init(
                        language.pick(
                            "暂时无法连接服务器：显示的是之前加载的指南；取号请到咨询台",
                            "The server cannot be reached: this guide was loaded earlier; for a ticket, ask at the help desk"
                        ))
                } else {
                    show(guideOrigin)
                    notice = offline
                }
            case .failure(let error):
                show(guideOrigin)
                notice = problem(error)
            }
        case .caseFound(let caseId, let result):
            guard screen == .loadingCase(caseId) else { return [] }
            switch result {
            case .success(let found): show(.caseFound(found.caseInfo, guide: found.guide))
            case .failure(let error):
                show(.caseEntry(caseId))
                notice = error.isTransient ? offline : problem(error)
            }
        case .issueRetry(let key, let attempt, _):
            guard case .issuing(let pending) = screen, pending.key == key else { return [] }
            notice = .init(
                language.pick(
                    "暂时无法连接服务器，正在重试（第 \(attempt) 次）…也可到咨询台取号",
                    "Cannot reach the server; trying again (attempt \(attempt))… or ask at the help desk"),
                kind: .problem)
        case .issued(let key, let result):
            guard case .issuing(let pending) = screen, pending.key == key else { return [] }
            switch result {
            case .success(let ticket):
                // The daemon confirmed it: only now is there a ticket to show and print.
                let printing = language.pick("正在打印小票…", "Printing…")
                show(.ticket(ticket, guide: pending.guide, printNotice: printing))
                return [.print(ticket, guide: pending.guide)]
            case .failure(let error) where error.code == "service_not_in_hall":
                if let guide = pending.guide {
                    var elsewhere = guide
                    elsewhere.channels.hall = nil
                    show(.guide(elsewhere))
                } else {
                    show(.issueFailed(pending, message: problem(error).text))
                }
            case .failure(let error):
                show(.issueFailed(pending, message: error.isTransient ? offline.text : problem(error).text))
            }
        case .printed(let ticketId, let failure):
            guard case .ticket(let ticket, let guide, _) = screen, ticket.id == ticketId else { return [] }
            let text =
                failure == nil
                ? language.pick("小票已打印，请取走", "Your ticket has been printed")
                : language.pick("打印机暂不可用，请记下您的号码", "The printer is not available: please note your number")
            screen = .ticket(ticket, guide: guide, printNotice: failure == PrintProblem.noPrinter ? nil : text)
        case .checkedIn(let code, let result):
            return checkedIn(code, result)
        case .evaluated(let number, let result):
            guard case .evaluating(number, let rating) = screen else { return [] }
            switch result {
            case .success: show(.rated(rating: rating))
            case .failure(let error):
                show(.ratingLetter)
                notice = problem(error)
            }
        }
        return []
    }

    /// The initials of a guide's aliases join its name's, so that D, B finds 最低生活保障 by 低保.
    mutating func learnAliases(_ guide: ServiceGuide) {
        nameInitials[guide.id] = [PinyinInitials.of(guide.name)] + (guide.aliases ?? []).map(PinyinInitials.of)
    }

    /// The daemon is down: what the kiosk can still do (browse), and where a ticket comes from.
    var offline: ScreenChrome.Notice {
        .init(
            language.pick(
                "暂时无法连接服务器，仍可浏览事项；取号和咨询请到咨询台",
                "The server cannot be reached: you can still browse; for a ticket, please go to the help desk"),
            kind: .problem)
    }

    /// The daemon cannot be reached: said plainly, with the promise to keep trying.
    func unreachable(_ error: DaemonError, attempt: Int) -> ScreenChrome.Notice {
        .init(
            language.pick(
                "暂时无法连接服务器，正在重试（第 \(attempt) 次）…请稍候",
                "Cannot reach the server; trying again (attempt \(attempt))… please wait"), kind: .problem)
    }

    /// What a refusal means for the applicant, in their words.
    func problem(_ error: DaemonError) -> ScreenChrome.Notice {
        let text: String =
            switch error.code {
            case "case_not_found": language.pick("未找到此办件号，请核对后重新输入", "No case with this number; please check it")
            case "case_closed": language.pick("此办件已办结，无需再次取号", "This case is closed; no ticket is needed")
            case "case_cancelled": language.pick("此办件已撤销，请重新办理", "This case was cancelled; please start again")
            case "case_visit_open":
                language.pick("此办件已有正在排队的号码，请留意叫号", "This case already has a ticket in the queue")
            case "service_not_in_hall":
                language.pick(
                    "本大厅不受理此事项，请按指南到受理地点办理", "The hall does not take this service; see the guide for where to go")
            case "service_not_served":
                language.pick("此事项今天没有窗口办理，请咨询工作人员", "No window takes this service now; please ask staff")
            case "ticket_not_found": language.pick("未找到该号码（仅限今天的号码）", "No such ticket today")
            case "already_evaluated": language.pick("该号码已经评价过，感谢您", "This visit has already been rated, thank you")
            case "visit_not_ended": language.pick("该号码尚未办结，办结后再评价", "This visit has not ended yet")
            case "evaluation_code_invalid":
                language.pick(
                    "评价码不对，请核对小票上的号码和评价码", "The code does not match: check the number and code on your ticket")
            case "evaluation_code_locked":
                language.pick(
                    "评价码错误次数过多，请稍后再试，或用手机扫描小票上的二维码评价",
                    "Too many wrong codes: try later, or scan the QR code on your ticket")
            case "rate_limited": language.pick("操作太频繁，请稍后再试", "Too many requests; please wait a moment")
            case "unauthorized", "forbidden":
                language.pick("本机暂停服务，请联系工作人员（令牌无效）", "Out of service: please ask staff (invalid token)")
            default:
                error.isTransient
                    ? language.pick("暂时无法连接服务器，请稍后再试", "Cannot reach the server; please try again")
                    : language.pick("操作未成功，请咨询工作人员（\(error.code ?? "error")）", "That did not work; please ask staff")
            }
        return .init(text, kind: .problem)
    }
}

/// Why a receipt did not print.
public enum PrintProblem {
    /// No printer is configured: the screen alone shows the ticket, which is normal.
    public static let noPrinter = "no printer configured"
}

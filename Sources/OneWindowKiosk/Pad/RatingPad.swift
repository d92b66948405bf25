import Foundation

/// The rating pad (评价器) on a window's counter: when a visit at its window ends, it asks the
/// applicant for 1–5 and, after a 1 or 2, why (GB/T 39734's kinds of complaint), and rates
/// the visit with channel `pad`. It needs no receipt code: its token is bound to the window,
/// and the daemon takes its rating only within 10 minutes of the visit's end.
///
/// It learns that a visit ended from the public event stream (`completed` at its window).
public struct RatingPad: TerminalProgram {
    public struct EndedVisit: Sendable, Equatable {
        public var number: String
        public var serviceId: String?
        /// When it ended (or when the pad heard of it, if that is earlier); the pad stops asking
        /// 10 minutes later, as the daemon does.
        public var heardAt: Date

        public init(number: String, serviceId: String?, heardAt: Date) {
            self.number = number
            self.serviceId = serviceId
            self.heardAt = heardAt
        }
    }

    public enum Screen: Sendable, Equatable {
        case waiting
        case ask(EndedVisit)
        /// After a 1 or 2: the reasons chosen so far.
        case reasons(EndedVisit, rating: Int, chosen: [String])
        case sending(EndedVisit, rating: Int)
        case thanks(rating: Int, since: Date)
    }

    public let window: String
    public internal(set) var language: Language
    public internal(set) var screen = Screen.waiting
    public internal(set) var notice: ScreenChrome.Notice?
    public internal(set) var hall: HallInfo?
    public internal(set) var serviceNames: [String: String] = [:]
    public internal(set) var live = false
    /// How long the pad asks about a visit: the daemon's limit for a pad's rating.
    let askFor: TimeInterval = 600
    /// How long the thanks stay before the pad waits for the next visit.
    let thanksFor: TimeInterval = 8

    public init(window: String, language: Language = .zh) {
        self.window = window
        self.language = language
    }

    public mutating func start(now: Date) -> [PadEffect] { [.loadCatalogue, .subscribe] }

    public mutating func tick(now: Date) -> [PadEffect] {
        switch screen {
        case .ask(let visit), .reasons(let visit, _, _):
            if now.timeIntervalSince(visit.heardAt) >= askFor { screen = .waiting }
        case .thanks(_, let since):
            if now.timeIntervalSince(since) >= thanksFor { screen = .waiting }
        case .waiting, .sending: break
        }
        return []
    }

    public mutating func receive(_ message: PadMessage, now: Date) -> [PadEffect] {
        switch message {
        case .catalogue(let hall, let services):
            self.hall = hall
            serviceNames = Dictionary(services.map { ($0.id, $0.name) }) { first, _ in first }
            if notice?.kind == .problem { notice = nil }
        case .catalogueRetry(let attempt):
            notice = .init(
                language.pick("暂时无法连接服务器，正在重试（第 \(attempt) 次）…", "Cannot reach the server; retrying (\(attempt))…"),
                kind: .problem)
        case .connected: live = true
        case .lost: live = false
        case .ended(let number, let serviceId, let endedWindow, let at):
            // A visit replayed after a reconnection, too old to rate, is not asked about.
            let ended = min(at ?? now, now)
            guard endedWindow == window, now.timeIntervalSince(ended) < askFor else { return [] }
            // A later visit replaces one nobody rated.
            notice = nil
            screen = .ask(EndedVisit(number: number, serviceId: serviceId, heardAt: ended))
        case .evaluated(let number, let result):
            guard case .sending(let visit, let rating) = screen, visit.number == number else { return [] }
            switch result {
            case .success:
                notice = nil
                screen = .thanks(rating: rating, since: now)
            case .failure(let error) where error.isTransient:
                screen = .ask(visit)
                notice = .init(
                    language.pick("暂时无法提交，请再点一次", "Could not send: please tap again"), kind: .problem)
            case .failure(let error):
                screen = .waiting
                notice = refusal(error)
            }
        }
        return []
    }

    /// Why the daemon refused a rating, for the applicant.
    func refusal(_ error: DaemonError) -> ScreenChrome.Notice {
        let text =
            switch error.code {
            case "already_evaluated": language.pick("这次服务已经评价过，感谢您", "This visit has already been rated, thank you")
            case "evaluation_too_late":
                language.pick("已超过评价时间，可用手机扫描小票二维码评价", "Too late here: rate it with the QR code on your ticket")
            case "unauthorized", "forbidden", "wrong_window", "token_unbound":
                language.pick("评价器暂停服务，请联系工作人员（令牌无效）", "Out of service: please ask staff (invalid token)")
            default: language.pick("评价未成功，请咨询工作人员", "The rating did not go through; please ask staff")
            }
        return .init(text, kind: .problem)
    }
}

/// What the pad asks its runner to do.
public enum PadEffect: Sendable, Equatable {
    /// The hall (window names) and the catalogue (service names), retried until the daemon answers.
    case loadCatalogue
    /// Follow the public event stream for visits that end.
    case subscribe
    case evaluate(PadRating)
}

/// A pad's rating: no code, the window's token vouches for it.
public struct PadRating: Sendable, Equatable {
    public var number: String
    public var rating: Int
    public var reasons: [String]

    public init(number: String, rating: Int, reasons: [String] = []) {
        self.number = number
        self.rating = rating
        self.reasons = reasons
    }
}

public enum PadMessage: Sendable, Equatable {
    case catalogue(HallInfo, [ServiceSummary])
    case catalogueRetry(attempt: Int)
    case connected
    case lost
    /// A visit ended (`completed`) at a window, at the event's time when it has one.
    case ended(number: String, serviceId: String?, window: String, at: Date? = nil)
    case evaluated(number: String, Result<EvaluationInfo, DaemonError>)
}

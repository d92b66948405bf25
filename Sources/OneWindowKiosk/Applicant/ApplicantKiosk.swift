import Foundation

/// The hall kiosk's screens as a model: choose a service, read its materials checklist,
/// take a ticket; or return with a case number; or rate a visit (好差评).
///
/// A ticket appears only from the daemon's confirmed answer (`.issued(.success)`); until
/// then the screen says it is waiting, and every retry carries the same Idempotency-Key.
public struct ApplicantKiosk: TerminalProgram {
    public enum Audience: Sendable, Equatable {
        case individuals, organisations
    }

    public enum Screen: Sendable, Equatable {
        case start
        case categories(Audience)
        case services(Audience, category: String)
        case searchEntry(String)
        case searchResults(query: String, [ServiceSummary])
        case loadingGuide(serviceId: String)
        case guide(ServiceGuide)
        case priority(PendingIssue)
        case issuing(PendingIssue)
        case issueFailed(PendingIssue, message: String)
        case ticket(TicketInfo, guide: ServiceGuide?, printNotice: String?)
        case caseEntry(String)
        case loadingCase(String)
        case caseFound(CaseInfo, guide: ServiceGuide)
        case ratingLetter
        case ratingNumber(prefix: String, digits: String)
        /// The evaluation code printed on the receipt beside the number.
        case ratingCode(number: String, digits: String)
        case ratingChoice(number: String, code: String)
        /// After a 1 or 2: why (the rating's reasons so far).
        case ratingReasons(RatingRequest)
        case evaluating(number: String, rating: Int)
        case rated(rating: Int)
        /// 预约签到: the booking code typed or scanned so far.
        case bookingEntry(String)
        case checkingIn(String)
        /// Too early: come back at `time` (on `day` when it is not today).
        case checkInEarly(day: String?, time: String)
    }

    /// A ticket the applicant asked for and has not yet received. Its key stays the same for
    /// every retry, including one the applicant starts after a failure.
    public struct PendingIssue: Sendable, Equatable {
        public var request: IssueRequest
        public var key: String
        public var serviceName: String
        public var guide: ServiceGuide?
    }

    public struct Settings: Sendable, Equatable {
        public var language = Language.zh
        public var idleTimeout: Double = 60
        public var organisationCategories = KioskSettings().organisationCategories

        public init(language: Language = .zh, idleTimeout: Double = 60, organisationCategories: [String]? = nil) {
            self.language = language
            self.idleTimeout = idleTimeout
            if let organisationCategories { self.organisationCategories = organisationCategories }
        }
    }

    public let settings: Settings
    public internal(set) var screen = Screen.start
    public internal(set) var language: Language
    public internal(set) var hall: HallInfo?
    public internal(set) var catalogue: [ServiceSummary] = []
    public internal(set) var notice: ScreenChrome.Notice?
    /// The guides loaded so far: while the daemon is down, the kiosk still shows them.
    var guides: [String: ServiceGuide] = [:]
    /// Where the guide being loaded was chosen, to go back there if it cannot be loaded.
    var guideOrigin = Screen.start
    /// Each service's name as pinyin initials, computed once as the catalogue arrives.
    /// and then of its guide's aliases (低保 for 最低生活保障) as the guides arrive.
    var nameInitials: [String: [[Set<Character>]]] = [:]
    var choice = ChoiceInput()
    var page = 0
    /// The terminal's size as last drawn (`resize`): what a key on a paged screen acts on.
    var viewSize = (width: 80, height: 24)
    var lastInput = Date.distantPast
    /// Said above the ticket a check-in gave: in time, or late and so a walk-in ticket.
    var checkInNote: String?
    /// Makes Idempotency-Keys; tests give a predictable one.
    let makeKey: @Sendable () -> String

    public init(settings: Settings = Settings(), makeKey: @escaping @Sendable () -> String = { UUID().uuidString }) {
        self.settings = settings
        self.language = settings.language
        self.makeKey = makeKey
    }

    public mutating func resize(width: Int, height: Int) {
        viewSize = (width, height)
    }

    public mutating func start(now: Date) -> [ApplicantEffect] {
        lastInput = now
        return [.loadCatalogue]
    }

    /// Back to the start screen in the default language, dropping any request in flight.
    mutating func goHome() -> [ApplicantEffect] {
        let wasIssuing =
            switch screen {
            case .issuing, .checkingIn: true
            default: false
            }
        screen = .start
        checkInNote = nil
        language = settings.language
        notice = nil
        choice.reset()
        page = 0
        return wasIssuing ? [.cancelIssue] : []
    }

    public mutating func tick(now: Date) -> [ApplicantEffect] {
        guard let left = idleSecondsLeft(now), left <= 0 else { return [] }
        return goHome()
    }

    /// Seconds until an idle kiosk goes back to the start screen; nil where there is nothing to clear.
    func idleSecondsLeft(_ now: Date) -> Int? {
        guard screen != .start || language != settings.language else { return nil }
        return Int((settings.idleTimeout - now.timeIntervalSince(lastInput)).rounded(.up))
    }

    /// The warning before the idle reset, for its last 20 seconds (half the timeout if shorter):
    /// someone still reading is told, and a tap anywhere keeps the screen.
    func idleWarning(_ now: Date) -> String? {
        guard let left = idleSecondsLeft(now), left > 0, Double(left) <= min(20, settings.idleTimeout / 2) else {
            return nil
        }
        return language.pick("\(left) 秒后返回首页，点按继续", "Back to the start in \(left) s: tap to stay")
    }

    /// The services of one audience, in catalogue order: by the catalogue's 服务对象 (an item for
    /// both shows in both lists), or, from a daemon that does not say, by the configured
    /// organisation categories.
    func services(for audience: Audience) -> [ServiceSummary] {
        catalogue.filter { item in
            if let objects = item.serviceObject, !objects.isEmpty {
                return objects.contains(audience == .organisations ? "法人" : "自然人")
            }
            return settings.organisationCategories.contains(item.category) == (audience == .organisations)
        }
    }

    func categories(for audience: Audience) -> [String] {
        var seen: [String] = []
        for item in services(for: audience) where !seen.contains(item.category) { seen.append(item.category) }
        return seen
    }

    /// The queue letters of the catalogue, for typing a ticket number on the keypad.
    var queuePrefixes: [String] {
        Array(Set(catalogue.map(\.queuePrefix))).sorted()
    }
}

/// What the kiosk asks its runner to do.
public enum ApplicantEffect: Sendable, Equatable {
    /// The hall and the catalogue, retried until the daemon answers.
    case loadCatalogue
    case search(String)
    case loadGuide(serviceId: String)
    /// Every guide of the catalogue, in the background, so that they still show while the daemon is down.
    case prefetchGuides([String])
    /// The case and its service's guide.
    case lookUpCase(String)
    case issue(IssueRequest, key: String)
    case cancelIssue
    case print(TicketInfo, guide: ServiceGuide?)
    case evaluate(RatingRequest)
    /// 预约签到 with a booking code; cancelled with `cancelIssue`.
    case checkIn(code: String)
}

/// What came of an effect.
public enum ApplicantMessage: Sendable, Equatable {
    case catalogue(HallInfo, [ServiceSummary])
    case catalogueRetry(attempt: Int, DaemonError)
    /// The daemon refused for good (a revoked or wrong token): staff must act.
    case catalogueFailed(DaemonError)
    case searchResults(query: String, Result<[ServiceSummary], DaemonError>)
    case guide(serviceId: String, Result<ServiceGuide, DaemonError>)
    /// A guide fetched ahead (`prefetchGuides`), kept for when the daemon is down.
    case guideCached(ServiceGuide)
    case caseFound(String, Result<CaseFound, DaemonError>)
    case issueRetry(key: String, attempt: Int, DaemonError)
    case issued(key: String, Result<TicketInfo, DaemonError>)
    /// nil: printed; otherwise why not.
    case printed(ticketId: String, problem: String?)
    case evaluated(number: String, Result<EvaluationInfo, DaemonError>)
    case checkedIn(code: String, Result<CheckInInfo, DaemonError>)

    public struct CaseFound: Sendable, Equatable {
        public var caseInfo: CaseInfo
        public var guide: ServiceGuide

        public init(caseInfo: CaseInfo, guide: ServiceGuide) {
            self.caseInfo = caseInfo
            self.guide = guide
        }
    }
}

/// What a command gives back: the thing it changed, as it now stands.
public enum QueueOutcome: Sendable, Equatable {
    /// Issue, call, recall, no-show, transfer, complete, a renewed evaluation code.
    case ticket(Ticket)
    /// Call-next with nothing waiting for the window.
    case nothingWaiting
    case window(WindowState)
    case caseRecord(CaseRecord)
    case evaluation(Evaluation)
    /// The tickets a closing expired.
    case expired([Ticket])
    /// How many waiting tickets and open cases moved to renamed services.
    case moved(tickets: Int, cases: Int)
    /// A booking made or cancelled.
    case booking(Booking)
    /// A booking checked in: its ticket.
    case checkedIn(CheckInResult)
    /// Nothing to give back (a roll-over, a code not renewed): what it did is in the changes.
    case done
}

import OneWindowCore

extension QueueService {
    /// The ticket a kiosk's rating tries, by which its wrong codes are counted; nil for any
    /// other command. Checked and counted on the commit thread, under the queue's lock, one
    /// command at a time, so parallel guesses cannot slip past the count.
    func kioskRatingKey(_ command: QueueCommand, in queue: HallQueue) -> String? {
        guard case .evaluate(let rating) = command, case .kiosk = rating.rater else { return nil }
        let reference = rating.reference
        return (queue.tickets[reference] ?? queue.ticket(numbered: reference))?.id ?? reference.uppercased()
    }

    /// Counts a wrong code, or a number that is no ticket, against the ticket and the kiosk.
    func countWrongCode(_ outcome: Result<QueueOutcome, QueueError>, ticket: String, device: String) {
        switch outcome {
        case .failure(.evaluationCodeInvalid), .failure(.ticketNotFound):
            codeAttempts.recordFailure(ticket: ticket, device: device)
        default: break
        }
    }
}

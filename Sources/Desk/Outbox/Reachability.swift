import Clinic

/// The one rule for whether, and how, the desk reaches someone now: a patient by their contact route
/// (`Patient.contactRoute`: mail first, else SMS), narrowed by what the desk has learnt — a mailbox whose
/// mail bounced is not mailed again (until its owner writes again), a number that sent STOP is not texted
/// (until it sends START). Replies, notices, reminders, the outbox's claims and the opt-out notice all ask here.
struct Reachability {
    /// Mail addresses (lowercased) whose mail bounced.
    let bounced: Set<String>
    /// Numbers (E.164) that sent STOP.
    let optedOut: Set<String>

    init(_ state: DeskState) {
        bounced = state.undeliverable
        optedOut = state.smsOptedOut
    }

    enum Reach: Equatable {
        case mail(String)
        case sms(String)
        /// The patient's route is mail, to an address that bounced: no text instead (their address is how they chose to hear).
        case bounced
        /// The patient's route is SMS, to a number that opted out.
        case optedOut
        case noContact
    }

    func patient(_ patient: Patient) -> Reach {
        switch patient.contactRoute {
        case .mail(let address): canMail(address) ? .mail(address) : .bounced
        case .sms(let number): canText(number) ? .sms(number) : .optedOut
        case .none: .noContact
        }
    }

    func canMail(_ address: String) -> Bool { !bounced.contains(address.asciiLowercased) }

    func canText(_ number: String) -> Bool { !optedOut.contains(number) }

    /// Why an outbox message cannot go at all, if it cannot: every recipient's mail bounced before. It then
    /// fails without an attempt.
    func refusal(of message: OutboxMessage, now: Int64) -> OutboxUpdate? {
        guard message.recipients.allSatisfy({ !canMail($0) }) else { return nil }
        return OutboxUpdate(id: message.id, state: .failed, at: now, attempts: message.attempts,
                            error: "not sent: mail to this address bounced before")
    }

    /// An answer about to be queued: a text to a number that opted out is failed at once (carriers forbid
    /// texting it until it sends START); anything else is left as it is.
    func hold(_ message: inout OutboxMessage, now: Int64) {
        guard message.channel == .sms, let number = message.recipients.first, !canText(number) else { return }
        message.apply(OutboxUpdate(id: message.id, state: .failed, at: now, attempts: 0,
                                   error: "the number opted out of SMS (STOP); START opts it back in"))
    }
}

import Clinic
import Commands
import Foundation
import Mail

/// A message whose commands have been decided, waiting to be written up. Holds only values, so the reply
/// can be written on another thread while the next messages are decided.
struct DecidedMessage: Sendable {
    enum Line: Sendable {
        case outcome(Outcome)
        case problem(CommandProblem)
        case unrecognised
    }

    let mail: InboundMail
    let recipient: MailAddress
    let greeting: String
    let lines: [(text: String, line: Line)]
    let fromSubject: Bool
    let gaveUp: Bool
    /// Set when the message held more command lines than are read: the number read.
    let cutAt: Int?
    let anyCommand: Bool
    let events: [ClinicEvent]
    let decideNanos: UInt64

    /// The reply as it will be sent: the transcript rendered from the templates, as an RFC 5322 message.
    func reply(templates: ReplyTemplates, format: ClinicFormat, now: Int64) -> (OutboxMessage, text: String) {
        var transcript = TranscriptReply(fromSubject: fromSubject, gaveUp: gaveUp, cutAt: cutAt, anyCommand: anyCommand)
        for (text, line) in lines {
            let result: String
            switch line {
            case .outcome(let outcome):
                let (name, context) = outcome.template(format)
                result = templates.render(name, context)
            case .problem(let problem):
                result = problem.render(templates)
            case .unrecognised:
                result = templates.render("unrecognised", [:])
            }
            transcript.lines.append((text, result))
        }
        let text = transcript.render(templates, greeting: greeting, format: format, now: now)
        let outcomes = lines.compactMap { if case .outcome(let outcome) = $0.line { outcome } else { nil } }
        let invites = AppointmentInvites.attachments(for: outcomes, format: format, recipient: recipient, now: now)
        return (ReplyComposer(clinic: format.info).reply(to: mail, recipient: recipient, text: text, attachments: invites, now: now), text)
    }
}

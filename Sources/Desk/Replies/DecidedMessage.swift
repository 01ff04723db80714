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
    /// Notices to patients the commands caused (a day cancelled, a broadcast), sent in the same commit.
    var notices: [AddressedNotice] = []
    let decideNanos: UInt64

    /// The reply as it will be sent: the transcript rendered from the templates as text and as HTML, in one
    /// RFC 5322 message (multipart/alternative); and its text.
    func reply(templates: ReplyTemplates, format: ClinicFormat, now: Int64) -> (OutboxMessage, text: String) {
        let bodies = bodies(templates: templates, format: format, now: now)
        let outcomes = lines.compactMap { if case .outcome(let outcome) = $0.line { outcome } else { nil } }
        let invites = AppointmentInvites.attachments(for: outcomes, format: format, recipient: recipient, now: now)
            + outcomes.compactMap { outcome -> Attachment? in
                guard case .earningsReport(let report) = outcome else { return nil }
                return Attachment(filename: "earnings-\(report.doctorID)-\(report.month.iso).csv", contentType: "text/csv",
                                  data: Data(report.csv(format).utf8))
            }
        let message = ReplyComposer(clinic: format.info).reply(to: mail, recipient: recipient, text: bodies.text, html: bodies.html,
                                                               attachments: invites, now: now)
        return (message, bodies.text)
    }

    /// The notices to other people, as they will be sent.
    func noticeMessages(templates: ReplyTemplates, format: ClinicFormat, now: Int64) -> [OutboxMessage] {
        notices.map { $0.message(templates: templates, format: format, now: now) }
    }

    func bodies(templates: ReplyTemplates, format: ClinicFormat, now: Int64) -> ReplyBodies {
        var transcript = TranscriptReply(fromSubject: fromSubject, gaveUp: gaveUp, cutAt: cutAt, anyCommand: anyCommand)
        transcript.lines.reserveCapacity(lines.count)
        for (text, line) in lines {
            let result: ReplyBodies
            switch line {
            case .outcome(let outcome):
                let (name, fields) = outcome.template(format)
                result = templates.render(name, fields)
            case .problem(let problem):
                result = templates.render(.problem, problem.fields)
            case .unrecognised:
                result = templates.render(.unrecognised, [:])
            }
            transcript.lines.append((text, result))
        }
        return transcript.render(templates, greeting: greeting, format: format, now: now)
    }
}

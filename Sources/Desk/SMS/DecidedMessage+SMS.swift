import Clinic
import Foundation
import SMS

extension DecidedMessage {
    /// The most segments an SMS reply takes: two for one command (the rule), a little more when a text asked several.
    static func smsSegments(lines: Int) -> Int { min(max(2, lines * 2), 6) }

    /// The reply as an SMS: each command's short result (no echo, no greeting, no medical details: the SMS
    /// forms leave out reasons and specialties where the mail forms show them), fitted into a few segments.
    func smsReply(templates: ReplyTemplates, format: ClinicFormat, now: Int64) -> (OutboxMessage, text: String) {
        var results: [TemplateValue] = []
        for (_, line) in lines {
            let text: String
            switch line {
            case .outcome(let outcome):
                let (name, fields) = outcome.template(format)
                text = templates.sms(name, fields)
            case .problem(let problem):
                text = templates.sms(.problem, problem.fields(format))
            case .unrecognised:
                text = templates.sms(.unrecognised, [:])
            case .desk(let line):
                let (name, fields) = line.template(format)
                text = templates.render(name, fields).text
            }
            results.append(.fields([.result: .text(Self.oneLine(text))]))
        }
        let nothing = !anyCommand
        let fields: TemplateFields = [.lines: .list(results), .nothing: nothing ? .flag(true) : nil,
                                      .help: nothing ? .text(keywordHelp(templates: templates, format: format)) : nil]
        let text = SMSSegments.fit(templates.sms(SMSTemplateName.reply, fields), segments: Self.smsSegments(lines: lines.count))
        let message = OutboxMessage(id: mail.derivedID("reply"), channel: .sms, purpose: .reply, envelopeFrom: "",
                                    recipients: [recipient.address], data: text, createdAt: now)
        return (message, text)
    }

    func keywordHelp(templates: ReplyTemplates, format: ClinicFormat) -> String {
        templates.sms(.keywordHelp, [.clinic: .text(format.info.name), .phone: .text(format.info.phone), .email: .text(format.info.deskEmail)])
    }

    /// A mail form's lines on one line: indentation dropped, lines joined by a space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

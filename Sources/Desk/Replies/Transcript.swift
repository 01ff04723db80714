import Clinic
import Commands

/// One reply to one inbound message: every command echoed as "> line" with its result.
struct TranscriptReply {
    var lines: [(command: String, result: ReplyBodies)] = []
    var fromSubject = false
    var gaveUp = false
    var cutAt: Int?
    /// Whether any line was a command (carried out or not): when none was, the reply carries the help.
    var anyCommand = false

    var nothingUnderstood: Bool { !anyCommand }

    /// The whole reply, as text and as HTML: the same values, each line's result in the matching form.
    func render(_ templates: ReplyTemplates, greeting: String?, format: ClinicFormat, now: Int64) -> ReplyBodies {
        let help = nothingUnderstood ? templates.render(.help, Outcome.help.template(format).fields) : nil
        var fields = fields(\.text, help: help, greeting: greeting, format: format, now: now)
        var text = templates.text(.reply, fields)
        text.append("\n")
        fields[.lines] = lines(\.html)
        fields[.help] = help.map { .text($0.html) }
        var html = templates.html(.reply, fields)
        html.append("\n")
        return ReplyBodies(text: text, html: html)
    }

    private func lines(_ form: KeyPath<ReplyBodies, String>) -> TemplateValue {
        .list(lines.map { .fields([.command: .text($0.command), .result: .text($0.result[keyPath: form])]) })
    }

    /// The values of the `reply` template in one form (`\.text` or `\.html`).
    func fields(_ form: KeyPath<ReplyBodies, String>, help: ReplyBodies?, greeting: String?, format: ClinicFormat, now: Int64) -> TemplateFields {
        let info = format.info
        return [.greeting: greeting.map(TemplateValue.text), .fromSubject: .flag(fromSubject), .gaveUp: .flag(gaveUp),
                .lines: lines(form),
                .clinic: .text(info.name), .phone: .text(info.phone), .email: .text(info.deskEmail), .deskLink: .text(format.desk.bare),
                .zone: .text("\(format.zone.abbreviation(at: now)) (\(info.timeZone))"), .cutAt: cutAt.map(TemplateValue.number),
                .nothing: nothingUnderstood ? .flag(true) : nil, .help: help.map { .text($0[keyPath: form]) }]
    }
}

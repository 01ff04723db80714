import Clinic
import Commands

/// One reply to one inbound message: every command echoed as "> line" with its result.
struct TranscriptReply {
    var lines: [(command: String, result: String)] = []
    var fromSubject = false
    var gaveUp = false
    var cutAt: Int?
    /// Whether any line was a command (carried out or not): when none was, the reply carries the help.
    var anyCommand = false

    var nothingUnderstood: Bool { !anyCommand }

    func render(_ templates: ReplyTemplates, greeting: String, format: ClinicFormat, now: Int64) -> String {
        let info = format.info
        var context: [String: Any] = [
            "greeting": greeting, "fromSubject": fromSubject, "gaveUp": gaveUp,
            "lines": lines.map { ["command": $0.command, "result": $0.result] },
            "clinic": info.name, "phone": info.phone, "email": info.deskEmail,
            "zone": "\(format.zone.abbreviation(at: now)) (\(info.timeZone))",
        ]
        if let cutAt { context["cutAt"] = cutAt }
        if nothingUnderstood {
            context["nothing"] = true
            context["help"] = templates.render("help", Outcome.help.template(format).context)
        }
        return templates.render("reply", context) + "\n"
    }
}

extension CommandProblem {
    func render(_ templates: ReplyTemplates) -> String {
        templates.render("problem", ["understood": understood ?? "", "wrong": wrong, "form": form, "example": example,
                                     "choices": choices, "hasChoices": !choices.isEmpty])
    }
}

import Clinic
import SMS

extension Desk {
    /// The audit entry of a message decided or set aside; nil for a duplicate (its first handling has one).
    func auditEntry(_ step: Step, clinic: ClinicState?) -> AuditEntry? {
        let mail: InboundMessage, handled: String
        switch step {
        case .duplicate: return nil
        case .decided(let decided): return decided.audit
        case .silent(let m, _): (mail, handled) = (m, "not answered")
        case .bounced(let bounce): (mail, handled) = (bounce.mail, "bounce")
        case .keyword(let m, _): (mail, handled) = (m, "carrier keyword")
        case .tooMany(let tooMany): (mail, handled) = (tooMany.mail, "past allowance")
        }
        // The address as decide reads it: the number for SMS, the folded address for mail.
        let from = mail.message.from?.address ?? ""
        let address = mail.channel == .sms ? (E164(from)?.value ?? "") : from.asciiLowercased
        guard !address.isEmpty, let clinic else {
            return AuditEntry(key: mail.key, channel: mail.channel.rawValue, sender: "none", role: "unknown", verdict: "none", handled: handled)
        }
        return auditEntry(mail, address: address, clinic: clinic, verdict: "none", handled: handled)
    }

    /// An entry for a message from `address`, named as the clinic knows it.
    func auditEntry(_ mail: InboundMessage, address: String, clinic: ClinicState, verdict: String, handled: String,
                    commands: [AuditCommand] = []) -> AuditEntry {
        let (sender, role) = clinic.auditSender(address) { auditTags.auditTag(mail.channel, address) }
        return AuditEntry(key: mail.key, channel: mail.channel.rawValue, sender: sender, role: role, verdict: verdict,
                          handled: handled, commands: commands)
    }

    /// Each line's command and what it did. `commandAt` holds the intents of the lines that were commands.
    static func auditCommands(_ lines: [(text: String, line: DecidedMessage.Line)], commandAt: [Int: Intent],
                              staff: Bool) -> [AuditCommand] {
        lines.indices.map { i in
            let intent = commandAt[i]
            let command = intent?.auditCommand ?? "?"
            switch lines[i].line {
            case .outcome(let outcome):
                return AuditCommand(command: command, did: outcome.auditDid, target: intent?.auditTarget,
                                    patient: staff ? outcome.auditPatient : nil)
            case .problem: return AuditCommand(command: command, did: "not understood")
            case .unrecognised: return AuditCommand(command: command, did: "unrecognised")
            case .desk(let line): return AuditCommand(command: command, did: line.auditDid, target: intent?.auditTarget)
            }
        }
    }
}

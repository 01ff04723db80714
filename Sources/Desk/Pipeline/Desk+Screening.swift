import Clinic
import Foundation
import Mail
import SMS

/// What screening let through: the allowance mark the message was counted with, whether its sender is one of
/// the clinic's people, and who it may act for.
struct Admission {
    let mark: AllowanceMark
    let isStaff: Bool
    let provenance: Provenance
}

extension Desk {
    /// Stages 1 to 4 for one message not handled before: the envelope, screening, then its commands decided
    /// (`decideCommands`). Each screening step either lets the message on or ends its life with the step it
    /// gets — silence (automatic mail, loops, past the allowance), a bounce recorded, a carrier keyword
    /// answered, one "too many" answer, or a refusal of the whole message.
    func decide(_ mail: InboundMessage, state: inout DeskState, now: Int64) throws -> Step {
        guard let info = state.clinic?.info else { return .silent(mail, reason: "no clinic configured") }
        if let automatic = screenAutomatic(mail, deskEmail: info.deskEmail, state: state, now: now) { return automatic }
        let envelope: Envelope
        switch Envelope.read(mail) {
        case .sender(let sender): envelope = sender
        case .unusable(let reason): return .silent(mail, reason: reason)
        }
        if envelope.channel == .sms, let keyword = SMSKeyword(body: mail.message.text) {
            return .keyword(mail, answerKeyword(keyword, mail: mail, number: envelope.address, state: state, now: now))
        }
        // The desk's own people write from the desk's addresses (BROADCAST, EARNINGS <doctor>); what the desk
        // itself sends carries our X-Loop or Auto-Submitted and was set aside above.
        let isStaff = state.clinic!.role(of: envelope.address) != .patient
        let mark: AllowanceMark
        switch admit(envelope, isStaff: isStaff, state: &state, now: now) {
        case .left(let step): return step
        case .counted(let counted): mark = counted
        }
        if let size = mail.oversize {
            logger.info("refused: over the size limit", metadata: ["key": "\(mail.key.prefix(80))", "bytes": "\(size)"])
            return refusedWhole(envelope, "(a message of \(size) bytes)", .tooLarge(bytes: size, limit: trust.maxMessageBytes),
                                mark: mark, verdict: "none", clinic: state.clinic!)
        }
        let address = envelope.address
        let clinic = state.clinic!
        let provenance = Provenance.of(mail, trust: trust) { $0.equalsFoldingASCII(address) ? isStaff : clinic.role(of: $0) != .patient }
        if case .nobody(let authors) = provenance {
            // Answered at the first address named: the answer says only that nothing was done.
            let fromField = String((mail.message.header("From") ?? "").prefix(120))
            return refusedWhole(envelope, "From: " + fromField, .actsForNobody(authors: authors), mark: mark,
                                verdict: provenance.auditVerdict, clinic: clinic)
        }
        return try decideCommands(envelope, Admission(mark: mark, isStaff: isStaff, provenance: provenance), state: &state, now: now)
    }

    /// Automatic mail is not answered (a bounce is recorded against the message it bounces), nor is mail that
    /// carries our own X-Loop.
    func screenAutomatic(_ mail: InboundMessage, deskEmail: String, state: DeskState, now: Int64) -> Step? {
        let message = mail.message
        if let automatic = message.automatic {
            if let bounce = bounce(mail, state: state, now: now) { return .bounced(bounce) }
            return .silent(mail, reason: automatic.reason)
        }
        let loopID = deskEmail.asciiLowercased
        if message.xLoop.contains(where: { $0.asciiLowercased == loopID }) { return .silent(mail, reason: "our own X-Loop: a mail loop") }
        return nil
    }

    /// What the hourly allowance says of a message.
    enum AllowanceVerdict {
        /// Counted against the sender's hour, and read.
        case counted(AllowanceMark)
        /// Not read: past the allowance (silence, or its one "too many" answer).
        case left(Step)
    }

    /// Every message a person sends counts against their hour (a carrier's STOP or START never does).
    func admit(_ envelope: Envelope, isStaff: Bool, state: inout DeskState, now: Int64) -> AllowanceVerdict {
        let mail = envelope.mail
        let tag = senderTags.tag(mail.channel, envelope.address)
        let limit = trust.hourlyLimit(staff: isStaff)
        switch state.allowance.admission(tag, limit: limit, now: now) {
        case .ignored:
            return .left(.silent(mail, reason: Desk.pastAllowance))
        case .tooMany(let until):
            let mark = AllowanceMark(sender: tag, at: now, warned: true)
            state.allowance.count(mark)
            return .left(.tooMany(TooMany(mail: mail, recipient: envelope.answerTo, limit: limit, until: until, mark: mark)))
        case .welcome:
            let mark = AllowanceMark(sender: tag, at: now)
            state.allowance.count(mark)
            return .counted(mark)
        }
    }

    /// The answer to a message screening refuses whole: one line saying why, nothing carried out.
    func refusedWhole(_ envelope: Envelope, _ echo: String, _ why: DeskLine, mark: AllowanceMark, verdict: String,
                      clinic: ClinicState) -> Step {
        let mail = envelope.mail
        var decided = DecidedMessage(mail: mail, recipient: MailAddress(name: nil, address: envelope.from.address), greeting: nil,
                                     lines: [(echo, .desk(why))], fromSubject: false, gaveUp: false, cutAt: nil, anyCommand: true,
                                     events: [])
        decided.counted = mark
        decided.language = clinic.language(ofPatient: clinic.patient(address: envelope.address)?.id)
        decided.audit = auditEntry(mail, address: envelope.address, clinic: clinic, verdict: verdict, handled: "answered",
                                   commands: [AuditCommand(command: "message", did: why.auditDid)])
        return .decided(decided)
    }
}

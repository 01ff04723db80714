import Clinic
import Commands
import Foundation
import Mail

extension Desk {
    /// Stages 3 and 4 for a message the screening let through: its lines read as commands, each decided by the
    /// core against the live state (its events applied as it goes, so a later line sees what an earlier one
    /// did), lines that need a CONFIRM held, CONFIRM releasing them; the outcome of every line, and what it
    /// makes (notices, letters, event calls, texts, holds, erasures) gathered for the reply and the commit.
    func decideCommands(_ envelope: Envelope, _ admitted: Admission, state: inout DeskState, now: Int64) throws -> Step {
        let mail = envelope.mail, message = mail.message, address = envelope.address, from = envelope.from
        let isStaff = admitted.isStaff, provenance = admitted.provenance, mark = admitted.mark
        // No local copy of the clinic is kept while it changes below: a copy would make every change
        // duplicate the whole state (copy-on-write), and the cost per message would grow with the store.
        let info = state.clinic!.info
        let sender = Sender(address: address, channel: mail.channel, displayName: from.name)
        let commands = commandReader(for: state.clinic!).read(lines: ReplyText.authoredLines(message.text), subject: message.subject, now: now)
        var random = MessageRandom(randomness, for: mail)
        var events: [ClinicEvent] = []
        var lines: [(text: String, line: DecidedMessage.Line)] = []
        var notices: [AddressedNotice] = []
        var letters: [JoiningLetter] = []
        var calls: [OutboxMessage] = []
        var texts: [TextedNotice] = []
        var held: [HeldCommands] = [], released: [String] = []
        var erased: [ErasedPatient] = []
        var heldLines: [String] = [], heldAt: [Int] = []
        /// The command of each line that was one, by its index in `lines`, for the audit trail.
        var commandAt: [Int: Intent] = [:]
        var auditTrails: [String: [Data]] = [:]

        /// One line carried out against the live state, its answer appended to `lines`.
        func carryOut(_ text: String, _ reading: LineReading) throws {
            switch reading {
            case .command(var intent):
                var photo: Data? = nil
                if case .setPhoto = intent { (intent, photo) = PhotoExamination.intent(for: message.attachments) }
                let decision = state.clinic!.decide(intent, from: sender, now: now, random: &random)
                    .leavingOut(Reachability(state), clinic: state.clinic!)
                for case .patientErased(let id, _) in decision.events {
                    if let patient = state.clinic!.patients[id] { erased.append(ErasedPatient(patient)) }
                }
                if let photo { try keepPhoto(photo, for: decision.events) }
                if !eventEndpoints.isEmpty, !decision.events.isEmpty {
                    calls += EventCall.messages(for: decision.events, before: state.clinic!, endpoints: eventEndpoints,
                                                disabled: state.disabledEndpoints, cause: "\(mail.key) line \(lines.count)", now: now)
                }
                state.applyToClinic(decision.events)
                calls += StripeCall.messages(for: decision.events, after: state.clinic!, now: now)
                events += decision.events
                // Relayed messages are named by their line too: two CONTACT lines are two mails.
                let cause = decision.notices.contains(where: \.isRelay) ? "\(mail.key) line \(lines.count)" : mail.key
                notices += decision.notices.compactMap { state.clinic!.addressed($0, cause: cause) }
                if !decision.notices.isEmpty { texts += decision.notices.compactMap { state.clinic!.texted($0, cause: cause) } }
                letters += decision.joiningNotices.compactMap { JoiningLetter($0, clinic: info) }
                commandAt[lines.count] = intent
                if case .auditTrail(let id) = decision.outcome, auditTrails[id] == nil {
                    // Read now, under the batch's lock: the lines of this batch are not in it yet.
                    auditTrails[id] = try audit.lines(concerning: id)
                }
                lines.append((text, .outcome(try withShelvedHistory(decision.outcome))))
            case .problem(let problem):
                lines.append((text, .problem(problem)))
            case .unrecognised:
                lines.append((text, .unrecognised))
            }
        }

        /// CONFIRM <code>: the held lines of the address, read again as they were meant then, carried out now.
        func confirm(_ text: String, code: String) throws {
            let key = HeldCommands.key(address: address, code: code)
            if let hold = state.holds[key], hold.expiresAt >= now, hold.attemptsLeft > 0 {
                state.holds[key] = nil
                released.append(key)
                lines.append((text, .desk(.confirmed(writtenAt: hold.writtenAt))))
                let again = commandReader(for: state.clinic!).read(lines: hold.lines, subject: "", now: hold.writtenAt)
                for line in again.lines { try carryOut(line.text, line.reading) }
                return
            }
            let waiting = state.holds.values.filter { $0.address == address && $0.expiresAt >= now && $0.attemptsLeft > 0 }
            guard !waiting.isEmpty else {
                lines.append((text, .desk(.confirmRefused(.nothingPending))))
                return
            }
            var left = 0
            for var hold in waiting {
                hold.attemptsLeft -= 1
                if hold.attemptsLeft <= 0 {
                    state.holds[hold.key] = nil
                    released.append(hold.key)
                } else {
                    state.holds[hold.key] = hold
                    held.append(hold)
                    left = max(left, hold.attemptsLeft)
                }
            }
            lines.append((text, .desk(left > 0 ? .confirmRefused(.wrongCode(attemptsLeft: left)) : .confirmRefused(.noAttemptsLeft))))
        }

        // A message is one person's requests: past a few dozen lines it is a script or an attack, and each
        // further command would only lengthen the lock the batch holds.
        for line in commands.lines.prefix(Desk.commandsPerMessage) {
            if case .command(let intent) = line.reading {
                if case .confirm(let code) = intent {
                    commandAt[lines.count] = intent
                    try confirm(line.text, code: code)
                    continue
                }
                if ConfirmationRule.alwaysConfirms(intent)
                    || (!provenance.isAuthenticated && ConfirmationRule.needsConfirmation(intent, address: address, clinic: state.clinic!)) {
                    heldAt.append(lines.count)
                    heldLines.append(line.text)
                    commandAt[lines.count] = intent
                    lines.append((line.text, .desk(.held(code: nil, expiresAt: 0))))
                    continue
                }
            }
            try carryOut(line.text, line.reading)
        }
        if !heldLines.isEmpty {
            // Expired holds go with a hold made, at most once a minute (a look at every hold for each new
            // one would grow with the holds): what is kept stays about as small as the last half hour.
            if now - lastHoldPruneAt >= 60 {
                lastHoldPruneAt = now
                for (key, hold) in state.holds where hold.expiresAt < now {
                    state.holds[key] = nil
                    released.append(key)
                }
            }
            var code = ClinicState.sixDigits(&random)
            while state.holds[HeldCommands.key(address: address, code: code)] != nil { code = ClinicState.sixDigits(&random) }
            let hold = HeldCommands(address: address, code: code, lines: heldLines, writtenAt: now,
                                    expiresAt: now + HeldCommands.lifetimeSeconds, attemptsLeft: HeldCommands.attempts)
            state.holds[hold.key] = hold
            held.append(hold)
            for index in heldAt {
                lines[index].line = .desk(.held(code: index == heldAt.last ? code : nil, expiresAt: hold.expiresAt))
            }
        }
        let greeting = state.clinic!.patient(address: address)?.name ?? state.clinic!.doctor(address: address)?.name
            ?? from.name.flatMap { $0.isEmpty ? nil : $0 }
        logger.debug("decided", metadata: ["key": "\(mail.key.prefix(80))", "commands": "\(commands.lines.count)"])
        var decided = DecidedMessage(mail: mail, recipient: MailAddress(name: from.name, address: mail.channel == .sms ? address : from.address),
                                     greeting: greeting,
                                       lines: lines, fromSubject: commands.fromSubject,
                                       gaveUp: commands.gaveUp, cutAt: commands.lines.count > Desk.commandsPerMessage ? Desk.commandsPerMessage : nil,
                                       anyCommand: commands.hasCommand, events: events, notices: notices)
        decided.letters = letters
        decided.channel = mail.channel
        decided.calls = calls
        decided.texts = texts
        decided.held = held
        decided.released = released
        decided.counted = mark
        decided.audit = auditEntry(mail, address: address, clinic: state.clinic!, verdict: provenance.auditVerdict, handled: "answered",
                                   commands: Desk.auditCommands(lines, commandAt: commandAt, staff: isStaff))
        decided.auditTrails = auditTrails
        decided.showsPhotos = isStaff || state.clinic!.patient(address: address)?.verified == true
        decided.language = state.clinic!.language(ofPatient: state.clinic!.patient(address: address)?.id)
        if !erased.isEmpty {
            decided.erased = erased
            for patient in erased {
                let traces = patient.traces(in: state)
                decided.forgotOutbox += traces.outbox
                decided.released += traces.holds.filter { !decided.released.contains($0) }
                decided.deliverableAgain += traces.undeliverable
                decided.optedIn += traces.optedOut
            }
            decided.held.removeAll { hold in erased.contains { $0.addresses.contains(hold.address) } }
        }
        if lines.contains(where: { if case .outcome(.patientData) = $0.line { true } else { false } }),
           let patient = state.clinic!.patient(address: address) {
            decided.consents = PatientDataFile.Consents(smsOptedOut: patient.phone.map { state.smsOptedOut.contains($0) } ?? false,
                                                        mailUndeliverable: patient.email.map { state.undeliverable.contains($0.asciiLowercased) } ?? false)
        }
        return .decided(decided)
    }
}

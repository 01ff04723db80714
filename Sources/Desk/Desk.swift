import Clinic
import Commands
import Foundation
import Logging
import Mail
import SMS
import Store

/// One message in, one commit out: the only place where identity, commands, the clinic, the store and the
/// outbox meet. A batch of messages is committed together (one journal write, one fsync) and each message's
/// events and replies are in the same record, so a crash replays to the same result.
public final class Desk {
    /// The data folder's journal, or a database: the desk is the only one that talks to it.
    let store: any StateStore<DeskState>
    let templates: ReplyTemplates
    let logger: Logger
    let photos: PhotoFolder
    let dataFolder: URL
    /// Slots the database's constraint said another writer holds (see `ClinicState.heldElsewhere`).
    private var heldElsewhere: Set<HeldElsewhere> = []
    /// Answers to erased patients not yet delivered: once they are, the store is compacted again.
    var erasureAnswers: Set<String> = []
    private var reader: CommandReader?
    /// The last batch's reply format, whose doctor directory the next batch takes over when nothing changed.
    var lastFormat: ClinicFormat?
    private var readerDoctors: [Doctor] = []
    /// The most command lines one message may carry; the rest are not read, and the reply says so.
    public static let commandsPerMessage = 50
    /// Why a message past its sender's hourly allowance (and its one answer) is not read.
    public static let pastAllowance = "past the sender's hourly allowance"
    /// Whose word counts for who sent a message (the clinic's authserv-id), from `DATA/config.json`.
    public var trust: TrustSettings
    /// When expired holds were last looked for (not kept: the first hold after a start looks again).
    private var lastHoldPruneAt: Int64 = 0
    /// Where codes and references come from: the system's CSPRNG unless a demo or test says otherwise.
    public var randomness: DeskRandomness = .system
    /// The systems told of bookings, cancellations, moves and reminders (`webhooks` in DATA/config.json).
    public var eventEndpoints: [EventEndpoint]
    /// Set when fees are taken online (a Stripe key is configured): the clinic's payment policy applies,
    /// and replies carry pay links.
    public var payments: OnlinePayments?

    public struct NotInitialised: Error, CustomStringConvertible {
        public let description: String
    }

    /// Opens the desk on `store`, or on the data folder's own journal when it is nil. Templates, photos,
    /// `outgoing/` and the audit trail are always in the data folder.
    public init(dataFolder: URL, templates: ReplyTemplates, logger: Logger, store given: (any StateStore<DeskState>)? = nil) throws {
        let opened: any StateStore<DeskState>
        if let given {
            opened = given
        } else {
            try DataFolder.requireInitialised(dataFolder)
            opened = try DataFolder.openStore(dataFolder, logger: logger)
        }
        guard opened.state.clinic != nil else {
            throw NotInitialised(description: "\(given == nil ? dataFolder.path : "the database") holds no clinic; run `caredesk init` first")
        }
        if opened.state.bounceKey == nil {
            try opened.update { state -> ([DeskRecord], Void) in
                guard state.bounceKey == nil else { return ([], ()) }  // another process drew it first
                let record = DeskRecord.bounceKey(BounceSigner.drawKey())
                state.absorb(record, eventsApplied: false)
                return ([record], ())
            }
        }
        store = opened
        audit = try AuditTrail(dataFolder: dataFolder)
        senderTags = SenderTags(keyHex: opened.state.bounceKey ?? "")
        self.templates = templates
        self.logger = logger
        photos = PhotoFolder(dataFolder: dataFolder)
        self.dataFolder = dataFolder
        eventEndpoints = try DeliverySettings.load(dataFolder).webhooks
        trust = try TrustSettings.load(dataFolder)
    }

    public var state: DeskState { store.state }

    /// Names senders in the hourly allowance, with the store's key (drawn before the first message).
    private let senderTags: SenderTags
    /// The audit trail's pseudonyms are tags under the same key, with a label of their own.
    var auditTags: SenderTags { senderTags }
    /// `DATA/audit/audit.log`: a line per message handled, appended after each commit.
    let audit: AuditTrail

    /// Tags and checks bounce addresses with the store's key.
    public var bounceSigner: BounceSigner { BounceSigner(keyHex: store.state.bounceKey ?? "") }

    /// See `JSONStore.defersSync`: commits are written but their fsync is left to `takePendingSync()`.
    public var defersSync: Bool {
        get { store.defersSync }
        set { store.defersSync = newValue }
    }

    public func takePendingSync() -> DeskSync? {
        let journal = store.takePendingSync(), trail = audit.takePendingSync()
        return journal == nil && trail == nil ? nil : DeskSync(journal: journal, audit: trail)
    }

    /// Handles a batch of inbound messages in one commit. Returns one report per message, in order.
    /// Commands are decided one message after another against the live state; the replies are then written
    /// on both cores at once (they need only the decided outcomes and the clinic's directory); then the
    /// batch is committed with one write and one fsync.
    public func handle(_ batch: [InboundMail], now: Int64, delivered: [String] = []) throws -> [HandlingReport] {
        var refusals = 0
        while true {
            do {
                return try handleOnce(batch, now: now, delivered: delivered)
            } catch let taken as IntervalsTaken where refusals < 3 {
                // The database's own constraint found slots another writer holds that the state did not show:
                // decide the batch again with them booked, so the patient hears "taken" with other times.
                refusals += 1
                heldElsewhere.formUnion(taken.intervals.map { HeldElsewhere(doctorID: $0.owner, start: $0.start, end: $0.end) })
                logger.warning("the database refused a slot another writer holds; deciding the batch again",
                               metadata: ["slots": "\(taken.intervals.count)"])
            }
        }
    }

    private func handleOnce(_ batch: [InboundMail], now: Int64, delivered: [String]) throws -> [HandlingReport] {
        var audited: [AuditEntry] = []
        var erasedInBatch: [ErasedPatient] = []
        let reports = try store.update { state -> ([DeskRecord], [HandlingReport]) in
            if !delivered.isEmpty { state.absorb(.delivered(delivered), eventsApplied: false) }
            if state.clinic != nil, state.clinic!.onlinePayments != (payments != nil) { state.clinic!.onlinePayments = payments != nil }
            if state.clinic != nil, state.clinic!.heldElsewhere.count != heldElsewhere.count {
                state.clinic!.heldElsewhere = heldElsewhere.sorted { ($0.doctorID, $0.start) < ($1.doctorID, $1.start) }
            }
            var steps: [Step] = []
            steps.reserveCapacity(batch.count)
            var seenInBatch = Set<String>()
            for mail in batch {
                if state.hasHandled(mail.key) || !seenInBatch.insert(mail.key).inserted {
                    steps.append(.duplicate(mail))
                } else {
                    steps.append(try decide(mail, state: &state, now: now))
                }
            }
            let replies = state.clinic.map { writeReplies(steps, format: format($0), now: now) }
                ?? Array(repeating: nil, count: steps.count)

            var records: [DeskRecord] = delivered.isEmpty ? [] : [.delivered(delivered)]
            var reports: [HandlingReport] = []
            reports.reserveCapacity(batch.count)
            for (i, step) in steps.enumerated() {
                if let entry = auditEntry(step, clinic: state.clinic) { audited.append(entry) }
                switch step {
                case .duplicate(let mail):
                    reports.append(HandlingReport(key: mail.key, result: .duplicate, sender: mail.message.from?.address,
                                                  subject: mail.message.subject, replyText: nil))
                case .silent(let mail, let reason):
                    logger.info("not answered", metadata: ["key": "\(mail.key.prefix(80))", "reason": "\(reason)"])
                    let record = DeskRecord.message(HandledMessage(key: mail.key, events: [], replies: [], silentBecause: reason))
                    state.absorb(record, eventsApplied: true)
                    records.append(record)
                    reports.append(HandlingReport(key: mail.key, result: .silent(reason: reason), sender: mail.message.from?.address,
                                                  subject: mail.message.subject, replyText: nil))
                case .bounced(let bounce):
                    logger.info("bounce", metadata: ["key": "\(bounce.mail.key.prefix(80))", "outbox": "\(bounce.outboxID)"])
                    let record = DeskRecord.message(HandledMessage(key: bounce.mail.key, events: [], replies: [bounce.notice],
                                                                   silentBecause: bounce.reason, undeliverable: bounce.addresses,
                                                                   bounced: [bounce.outboxID]))
                    state.absorb(record, eventsApplied: true)
                    records.append(record)
                    reports.append(HandlingReport(key: bounce.mail.key, result: .silent(reason: bounce.reason),
                                                  sender: bounce.mail.message.from?.address, subject: bounce.mail.message.subject, replyText: nil))
                case .keyword(let mail, let answer):
                    let record = DeskRecord.message(answer.record)
                    state.absorb(record, eventsApplied: true)
                    records.append(record)
                    let result: HandlingReport.Result = answer.record.silentBecause.map { .silent(reason: $0) }
                        ?? .answered(replyID: answer.record.replies.first?.id ?? "")
                    var report = HandlingReport(key: mail.key, result: result, sender: mail.message.from?.address, subject: mail.message.subject,
                                                replyText: answer.replyText)
                    if answer.replyText == nil { report.noticeIDs = answer.record.replies.map(\.id) }
                    reports.append(report)
                case .tooMany(let tooMany):
                    let reply = tooManyReply(tooMany, clinic: state.clinic!, reach: Reachability(state), now: now)
                    let record = DeskRecord.message(HandledMessage(key: tooMany.mail.key, events: [], replies: [reply], counted: tooMany.mark))
                    state.absorb(record, eventsApplied: true)
                    records.append(record)
                    reports.append(HandlingReport(key: tooMany.mail.key, result: .answered(replyID: reply.id), sender: tooMany.recipient,
                                                  subject: tooMany.mail.message.subject, replyText: reply.channel == .sms ? reply.data : nil))
                case .decided(let decided):
                    guard let (written, text, notices) = replies[i] else { continue }
                    var reply = written
                    let reach = Reachability(state)
                    reach.hold(&reply, now: now)
                    // Someone whose mail bounced before writes again: their mailbox works, answer them.
                    let address = decided.recipient.address.asciiLowercased
                    var again = reach.canMail(address) ? [] : [address]
                    if !decided.erased.isEmpty {
                        again += decided.deliverableAgain.filter { !again.contains($0) }
                        if decided.erased.contains(where: { $0.addresses.contains(address) }) {
                            reply.forgetsRecipient = true
                            erasureAnswers.insert(reply.id)
                        }
                        erasedInBatch += decided.erased
                    }
                    var handled = HandledMessage(key: decided.mail.key, events: decided.events,
                                                 replies: [reply] + notices + decided.calls,
                                                 deliverableAgain: again.isEmpty ? nil : again,
                                                 smsOptedIn: decided.optedIn.isEmpty ? nil : decided.optedIn,
                                                 held: decided.held.isEmpty ? nil : decided.held,
                                                 released: decided.released.isEmpty ? nil : decided.released,
                                                 counted: decided.counted)
                    if !decided.forgotOutbox.isEmpty { handled.forgotOutbox = decided.forgotOutbox }
                    let record = DeskRecord.message(handled)
                    state.absorb(record, eventsApplied: true)
                    records.append(record)
                    reports.append(HandlingReport(key: decided.mail.key, result: .answered(replyID: reply.id),
                                                  sender: decided.recipient.address, subject: decided.mail.message.subject, replyText: text,
                                                  noticeIDs: notices.map(\.id)))
                }
            }
            return (records, reports)
        }
        // After the commit, never before: see AuditTrail. The messages are handled whatever becomes of their
        // lines; a trail that cannot be written is told loudly, and the desk goes on answering.
        do {
            try audit.append(audited, at: now, deferSync: store.defersSync)
        } catch {
            logger.error("audit trail not written", metadata: ["lines": "\(audited.count)", "error": "\(error)"])
        }
        if !erasedInBatch.isEmpty {
            try eraseFiles(of: erasedInBatch)
            // Committed already: a shelf that cannot be scrubbed now stays owed, and retention scrubs it later.
            do { try scrubShelves() } catch { logger.error("history shelf not scrubbed yet", metadata: ["error": "\(error)"]) }
        }
        try store.compactIfDue()
        return reports
    }

    enum Step: Sendable {
        case duplicate(InboundMail)
        case silent(InboundMail, reason: String)
        case bounced(Bounce)
        case keyword(InboundMail, KeywordAnswer)
        case tooMany(TooMany)
        case decided(DecidedMessage)
    }

    /// A decided message written up: its reply, the reply's text, its notices to others.
    typealias WrittenReply = (OutboxMessage, String, [OutboxMessage])

    /// Writes the replies of the decided steps, on two threads taking turns; the result at each index is nil for other steps.
    private func writeReplies(_ steps: [Step], format: ClinicFormat, now: Int64) -> [WrittenReply?] {
        let templates = self.templates, photos = self.photos
        let results = ResultsByIndex<WrittenReply>(count: steps.count)
        // Each index is taken by exactly one thread: no two threads touch the same element.
        NextIndex.forEach(steps.count, workers: steps.count >= 16 ? 2 : 1) { i in
            guard case .decided(let decided) = steps[i] else { return }
            let (reply, text) = decided.reply(templates: templates, format: format, photos: photos, now: now)
            let notices = decided.noticeMessages(templates: templates, format: format, now: now)
            results[i] = (reply, text, notices)
        }
        return results.all
    }

    /// Records that outbox messages reached their destination (when no batch of mail carries the news).
    public func markDelivered(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try store.update { state -> ([DeskRecord], Void) in
            state.absorb(.delivered(ids), eventsApplied: false)
            return ([.delivered(ids)], ())
        }
        try compactAfterErasureAnswers()
    }

    private func commandReader(for clinic: ClinicState) -> CommandReader {
        if let reader, readerDoctors == clinic.doctors { return reader }
        let made = CommandReader(doctors: clinic.doctors, zone: clinic.zone, dayFirst: clinic.info.dayFirst)
        reader = made
        readerDoctors = clinic.doctors
        return made
    }

    /// Decides one message's commands against the live state, applying their events as it goes so that a
    /// later line (or message) sees what an earlier one did.
    private func decide(_ mail: InboundMail, state: inout DeskState, now: Int64) throws -> Step {
        let message = mail.message
        // No local copy of the clinic is kept while it changes below: a copy would make every change
        // duplicate the whole state (copy-on-write), and the cost per message would grow with the store.
        guard let info = state.clinic?.info else { return .silent(mail, reason: "no clinic configured") }
        if let automatic = message.automatic {
            if let bounce = bounce(mail, state: state, now: now) { return .bounced(bounce) }
            return .silent(mail, reason: automatic.reason)
        }
        let loopID = info.deskEmail.asciiLowercased
        if message.xLoop.contains(where: { $0.asciiLowercased == loopID }) { return .silent(mail, reason: "our own X-Loop: a mail loop") }
        guard let from = message.from else { return .silent(mail, reason: "no usable sender address") }
        let address: String
        if mail.channel == .sms {
            guard let number = E164(from.address) else { return .silent(mail, reason: "no usable sender number") }
            address = number.value
            if let keyword = SMSKeyword(body: message.text) {
                return .keyword(mail, answerKeyword(keyword, mail: mail, number: address, state: state, now: now))
            }
        } else {
            guard from.address.utf8.contains(UInt8(ascii: "@")) else { return .silent(mail, reason: "no usable sender address") }
            address = from.address.asciiLowercased
        }
        // The desk's own people write from the desk's addresses (BROADCAST, EARNINGS <doctor>); what the desk
        // itself sends carries our X-Loop or Auto-Submitted and was set aside above.

        // Every message a person sends counts against their hour (a carrier's STOP or START never does).
        let tag = senderTags.tag(mail.channel, address)
        let isStaff = state.clinic!.role(of: address) != .patient
        let limit = trust.hourlyLimit(staff: isStaff)
        let mark: AllowanceMark
        switch state.allowance.admission(tag, limit: limit, now: now) {
        case .ignored:
            return .silent(mail, reason: Desk.pastAllowance)
        case .tooMany(let until):
            mark = AllowanceMark(sender: tag, at: now, warned: true)
            state.allowance.count(mark)
            return .tooMany(TooMany(mail: mail, recipient: mail.channel == .sms ? address : from.address,
                                    limit: limit, until: until, mark: mark))
        case .welcome:
            mark = AllowanceMark(sender: tag, at: now)
            state.allowance.count(mark)
        }

        /// The answer to a message the envelope stage refuses whole: one line saying why, nothing carried out.
        func refused(_ echo: String, _ why: DeskLine, to recipient: String, verdict: String) -> Step {
            var decided = DecidedMessage(mail: mail, recipient: MailAddress(name: nil, address: recipient), greeting: "there",
                                         lines: [(echo, .desk(why))], fromSubject: false, gaveUp: false, cutAt: nil, anyCommand: true,
                                         events: [])
            decided.counted = mark
            decided.audit = auditEntry(mail, address: address, clinic: state.clinic!, verdict: verdict, handled: "answered",
                                       commands: [AuditCommand(command: "message", did: why.auditDid)])
            return .decided(decided)
        }
        if let size = mail.oversize {
            logger.info("refused: over the size limit", metadata: ["key": "\(mail.key.prefix(80))", "bytes": "\(size)"])
            return refused("(a message of \(size) bytes)", .tooLarge(bytes: size, limit: trust.maxMessageBytes), to: from.address, verdict: "none")
        }
        let provenance = Provenance.of(mail, trust: trust) { $0.equalsFoldingASCII(address) ? isStaff : state.clinic!.role(of: $0) != .patient }
        if case .nobody(let authors) = provenance {
            // Answered at the first address named: the answer says only that nothing was done.
            let fromField = String((message.header("From") ?? "").prefix(120))
            return refused("From: " + fromField, .actsForNobody(authors: authors), to: from.address, verdict: provenance.auditVerdict)
        }

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
            ?? from.name.flatMap { $0.isEmpty ? nil : $0 } ?? "there"
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

extension AutomaticKind {
    var reason: String {
        switch self {
        case .autoSubmitted(let value): "Auto-Submitted: \(value.prefix(40))"
        case .bounce: "a bounce or mail from a mailer daemon"
        case .list: "list or bulk mail"
        case .deliveryReport: "a delivery-status report"
        }
    }
}

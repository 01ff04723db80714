import Clinic
import Commands
import Foundation
import Logging
import Mail
import Store

/// One message in, one commit out: the only place where identity, commands, the clinic, the store and the
/// outbox meet. A batch of messages is committed together (one journal write, one fsync) and each message's
/// events and replies are in the same record, so a crash replays to the same result.
public final class Desk {
    let store: JSONStore<DeskState>
    let templates: ReplyTemplates
    let logger: Logger
    private var reader: CommandReader?
    private var readerDoctors: [Doctor] = []
    /// When not nil, `handle` appends each message's handling time (decide + reply), for the bench.
    public var handlingNanos: [UInt64]?

    public struct NotInitialised: Error, CustomStringConvertible {
        public let description: String
    }

    public init(dataFolder: URL, templates: ReplyTemplates, logger: Logger) throws {
        store = try JSONStore<DeskState>(directory: dataFolder)
        self.templates = templates
        self.logger = logger
        guard store.state.clinic != nil else {
            throw NotInitialised(description: "\(dataFolder.path) holds no clinic; run `caredesk init --data \(dataFolder.path)` first")
        }
    }

    public var state: DeskState { store.state }

    /// Handles a batch of inbound messages in one commit. Returns one report per message, in order.
    public func handle(_ batch: [InboundMail], now: Int64, delivered: [String] = []) throws -> [HandlingReport] {
        let reports = try store.update { state -> ([DeskRecord], [HandlingReport]) in
            var records: [DeskRecord] = delivered.isEmpty ? [] : [.delivered(delivered)]
            if !delivered.isEmpty { state.absorb(.delivered(delivered), eventsApplied: false) }
            var reports: [HandlingReport] = []
            reports.reserveCapacity(batch.count)
            var seenInBatch = Set<String>()
            for mail in batch {
                if state.handled.contains(mail.key) || !seenInBatch.insert(mail.key).inserted {
                    reports.append(HandlingReport(key: mail.key, result: .duplicate, sender: mail.message.from?.address,
                                                  subject: mail.message.subject, replyText: nil))
                    if handlingNanos != nil { handlingNanos!.append(0) }
                    continue
                }
                let start = handlingNanos == nil ? 0 : DispatchTime.now().uptimeNanoseconds
                let (record, report) = handleOne(mail, state: &state, now: now)
                if handlingNanos != nil { handlingNanos!.append(DispatchTime.now().uptimeNanoseconds - start) }
                state.absorb(record, eventsApplied: true)
                records.append(record)
                reports.append(report)
            }
            return (records, reports)
        }
        try store.compactIfDue()
        return reports
    }

    /// Records that outbox messages reached their destination (when no batch of mail carries the news).
    public func markDelivered(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try store.update { state -> ([DeskRecord], Void) in
            state.absorb(.delivered(ids), eventsApplied: false)
            return ([.delivered(ids)], ())
        }
    }

    private func commandReader(for clinic: ClinicState) -> CommandReader {
        if let reader, readerDoctors == clinic.doctors { return reader }
        let made = CommandReader(doctors: clinic.doctors, zone: clinic.zone, dayFirst: clinic.info.dayFirst)
        reader = made
        readerDoctors = clinic.doctors
        return made
    }

    private func handleOne(_ mail: InboundMail, state: inout DeskState, now: Int64) -> (DeskRecord, HandlingReport) {
        let message = mail.message
        func silent(_ reason: String) -> (DeskRecord, HandlingReport) {
            logger.info("not answered", metadata: ["key": "\(mail.key.prefix(80))", "reason": "\(reason)"])
            return (.message(HandledMessage(key: mail.key, events: [], replies: [], silentBecause: reason)),
                    HandlingReport(key: mail.key, result: .silent(reason: reason), sender: message.from?.address,
                                   subject: message.subject, replyText: nil))
        }
        guard let clinic = state.clinic else { return silent("no clinic configured") }
        if let automatic = message.automatic { return silent(automatic.reason) }
        let loopID = clinic.info.deskEmail.lowercased()
        if message.xLoop.contains(where: { $0.lowercased() == loopID }) { return silent("our own X-Loop: a mail loop") }
        guard let from = message.from, from.address.contains("@") else { return silent("no usable sender address") }
        let address = from.address.lowercased()
        if address == loopID || clinic.info.deskAddresses.contains(where: { $0.lowercased() == address }) {
            return silent("sent from the clinic's own address")
        }

        let sender = Sender(address: address, channel: .email, displayName: from.name)
        let commands = commandReader(for: clinic).read(lines: ReplyText.authoredLines(message.text), subject: message.subject, now: now)
        var random = SeededGenerator(seed: mail.seed)
        var events: [ClinicEvent] = []
        var transcript = TranscriptReply(fromSubject: commands.fromSubject, gaveUp: commands.gaveUp, anyCommand: commands.hasCommand)
        for line in commands.lines {
            let result: String
            switch line.reading {
            case .command(let intent):
                let decision = state.clinic!.decide(intent, from: sender, now: now, random: &random)
                state.applyToClinic(decision.events)
                events += decision.events
                let (name, context) = decision.outcome.template(ClinicFormat(state: state.clinic!))
                result = templates.render(name, context)
            case .problem(let problem):
                result = problem.render(templates)
            case .unrecognised:
                result = templates.render("unrecognised", [:])
            }
            transcript.lines.append((line.text, result))
        }

        let after = state.clinic!
        let greeting = after.patient(address: address)?.name ?? from.name.flatMap { $0.isEmpty ? nil : $0 } ?? "there"
        let text = transcript.render(templates, greeting: greeting, format: ClinicFormat(state: after), now: now)
        let reply = ReplyComposer(clinic: after.info).reply(to: mail, recipient: MailAddress(name: from.name, address: from.address),
                                                            text: text, now: now)
        let record = DeskRecord.message(HandledMessage(key: mail.key, events: events, replies: [reply]))
        logger.debug("answered", metadata: ["key": "\(mail.key.prefix(80))", "commands": "\(commands.lines.count)"])
        return (record, HandlingReport(key: mail.key, result: .answered(replyID: reply.id), sender: from.address,
                                       subject: message.subject, replyText: text))
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

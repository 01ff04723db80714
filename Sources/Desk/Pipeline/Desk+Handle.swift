import Clinic
import Foundation
import Mail
import Store

/// A message's life at the desk, in the order it happens — each stage in a file of its own:
///
/// 1. the envelope (`Envelope.swift`): who wrote, on which channel, from which address or number;
/// 2. screening (`Desk+Screening.swift`): automatic mail and bounces, our own loops, carrier keywords (STOP,
///    START, HELP), the sender's hourly allowance, the size limit, and who the message may act for
///    (`Provenance`: the authentication verdict);
/// 3. commands (`Desk+Commands.swift`): the command reader turns the text into lines; lines that need a
///    CONFIRM are held; CONFIRM releases them;
/// 4. the decision in the core: `ClinicState.decide` per line, its events applied at once so the next line
///    (and message) sees them, its notices addressed (`Reachability`);
/// 5. replies and notices (`writeReplies`, `DecidedMessage.reply`): text and HTML from the templates, on two
///    threads for a big batch;
/// 6. one commit (`Step+Record.swift`; `handleOnce` below): every message's events, replies and notices in one record
///    each, the batch in one journal write; then the audit trail, erased patients' files, compaction.
///
/// `caredesk ingest`, `serve`'s watcher and its webhooks all come in through `handle`.
extension Desk {
    /// Handles a batch of inbound messages in one commit. Returns one report per message, in order.
    /// Commands are decided one message after another against the live state; the replies are then written
    /// on both cores at once (they need only the decided outcomes and the clinic's directory); then the
    /// batch is committed with one write and one fsync.
    public func handle(_ batch: [InboundMessage], now: Int64, delivered: [String] = []) throws -> [HandlingReport] {
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

    private func handleOnce(_ batch: [InboundMessage], now: Int64, delivered: [String]) throws -> [HandlingReport] {
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
                guard let (record, report) = recorded(step, written: replies[i], state: &state, now: now, erased: &erasedInBatch) else { continue }
                if let record { records.append(record) }
                reports.append(report)
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
        case duplicate(InboundMessage)
        case silent(InboundMessage, reason: String)
        case bounced(Bounce)
        case keyword(InboundMessage, KeywordAnswer)
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
}

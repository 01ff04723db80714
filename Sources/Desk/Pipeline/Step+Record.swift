import Clinic
import Foundation
import Mail

extension Desk {
    /// Stage 6 for one message: the record its commit holds (absorbed into the live state at once, so the next
    /// message of the batch sees it) and the report its caller hears; nil for a decided message whose reply
    /// was not written (no clinic). A duplicate has no record. Erased patients are gathered into `erased`, for
    /// their files to go once the batch is committed.
    func recorded(_ step: Step, written: WrittenReply?, state: inout DeskState, now: Int64,
                  erased: inout [ErasedPatient]) -> (DeskRecord?, HandlingReport)? {
        /// Absorbs `handled` and returns its record.
        func absorbed(_ handled: HandledMessage) -> DeskRecord {
            let record = DeskRecord.message(handled)
            state.absorb(record, eventsApplied: true)
            return record
        }
        switch step {
        case .duplicate(let mail):
            return (nil, HandlingReport(key: mail.key, result: .duplicate, sender: mail.message.from?.address,
                                        subject: mail.message.subject, replyText: nil))
        case .silent(let mail, let reason):
            logger.info("not answered", metadata: ["key": "\(mail.key.prefix(80))", "reason": "\(reason)"])
            let record = absorbed(HandledMessage(key: mail.key, events: [], replies: [], silentBecause: reason))
            return (record, HandlingReport(key: mail.key, result: .silent(reason: reason), sender: mail.message.from?.address,
                                           subject: mail.message.subject, replyText: nil))
        case .bounced(let bounce):
            logger.info("bounce", metadata: ["key": "\(bounce.mail.key.prefix(80))", "outbox": "\(bounce.outboxID)"])
            let record = absorbed(HandledMessage(key: bounce.mail.key, events: [], replies: [bounce.notice], silentBecause: bounce.reason,
                                                 undeliverable: bounce.addresses, bounced: [bounce.outboxID]))
            return (record, HandlingReport(key: bounce.mail.key, result: .silent(reason: bounce.reason),
                                           sender: bounce.mail.message.from?.address, subject: bounce.mail.message.subject, replyText: nil))
        case .keyword(let mail, let answer):
            let record = absorbed(answer.record)
            let result: HandlingReport.Result = answer.record.silentBecause.map { .silent(reason: $0) }
                ?? .answered(replyID: answer.record.replies.first?.id ?? "")
            var report = HandlingReport(key: mail.key, result: result, sender: mail.message.from?.address, subject: mail.message.subject,
                                        replyText: answer.replyText)
            if answer.replyText == nil { report.noticeIDs = answer.record.replies.map(\.id) }
            return (record, report)
        case .tooMany(let tooMany):
            let reply = tooManyReply(tooMany, clinic: state.clinic!, reach: Reachability(state), now: now)
            let record = absorbed(HandledMessage(key: tooMany.mail.key, events: [], replies: [reply], counted: tooMany.mark))
            return (record, HandlingReport(key: tooMany.mail.key, result: .answered(replyID: reply.id), sender: tooMany.recipient,
                                           subject: tooMany.mail.message.subject, replyText: reply.channel == .sms ? reply.data : nil))
        case .decided(let decided):
            guard let (written, text, notices) = written else { return nil }
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
                erased += decided.erased
            }
            var handled = HandledMessage(key: decided.mail.key, events: decided.events,
                                         replies: [reply] + notices + decided.calls,
                                         deliverableAgain: again.isEmpty ? nil : again,
                                         smsOptedIn: decided.optedIn.isEmpty ? nil : decided.optedIn,
                                         held: decided.held.isEmpty ? nil : decided.held,
                                         released: decided.released.isEmpty ? nil : decided.released,
                                         counted: decided.counted)
            if !decided.forgotOutbox.isEmpty { handled.forgotOutbox = decided.forgotOutbox }
            return (absorbed(handled), HandlingReport(key: decided.mail.key, result: .answered(replyID: reply.id),
                                                      sender: decided.recipient.address, subject: decided.mail.message.subject,
                                                      replyText: text, noticeIDs: notices.map(\.id)))
        }
    }
}

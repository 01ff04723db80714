import Clinic
import Foundation
import Mail

/// A delivery-status report (RFC 3464) sent back to one of our bounce addresses (`bounces+<id>@domain`,
/// see `NoticeComposer`): the notice it names failed, the address it failed for gets no more mail until it
/// writes in again, and the desk is told. The report itself is never answered.
struct Bounce: Sendable {
    let mail: InboundMessage
    let outboxID: String
    let addresses: [String]
    let notice: OutboxMessage
    let reason: String
}

extension Desk {
    /// The bounce a message reports, if it is a delivery-status report to one of our bounce addresses about a
    /// message still in the outbox, with at least one recipient that failed for good.
    func bounce(_ mail: InboundMessage, state: DeskState, now: Int64) -> Bounce? {
        guard let clinic = state.clinic, let report = DeliveryReport.read(mail.message),
              let envelope = report.envelopeRecipient?.asciiLowercased,
              let id = BounceSigner(keyHex: state.bounceKey ?? "").verifiedID(envelope),
              let original = state.outbox[id] else { return nil }
        let sentTo = Set(original.recipients.map { $0.asciiLowercased })
        let failed = report.recipients.filter { $0.action.lowercased() == "failed" }
        let addresses = failed.map { $0.finalRecipient.asciiLowercased }.filter(sentTo.contains)
        guard !failed.isEmpty else { return nil }
        let lost = addresses.isEmpty ? original.recipients.map { $0.asciiLowercased } : addresses
        let detail = failed.first.map { [$0.status, $0.diagnostic].compactMap { $0 }.joined(separator: " ") } ?? ""
        let format = ClinicFormat(clinic)
        let bodies = templates.render(.bounceNotice, [
            .addresses: .text(lost.joined(separator: ", ")), .status: .text(detail), .queued: .text(format.when(original.createdAt)),
            .kind: .text(original.purpose == .reply ? "a reply" : "a notice"), .clinic: .text(clinic.info.name),
        ])
        let notice = NoticeComposer(clinic: clinic.info).notice(
            id: NoticeComposer.id("bounce \(mail.key)"), to: MailAddress(name: clinic.info.name + " desk", address: clinic.info.deskEmail),
            subject: "Undeliverable: \(lost.joined(separator: ", "))", text: bodies.text, html: bodies.html, now: now)
        return Bounce(mail: mail, outboxID: id, addresses: lost, notice: notice,
                      reason: "a delivery-status report: \(lost.count) address(es) marked undeliverable")
    }
}

import Clinic
import Foundation
import Mail

extension Desk {
    /// Endpoints that answered 410 Gone: journaled as disabled, their other pending calls failed, and the desk
    /// told by mail once per endpoint. Called inside the commit that records the 410.
    func disable(_ urls: Set<String>, state: inout DeskState, now: Int64) -> [DeskRecord] {
        guard !urls.isEmpty, let clinic = state.clinic else { return [] }
        var records: [DeskRecord] = [.endpointsDisabled(urls.sorted())]
        state.absorb(records[0], eventsApplied: false)
        let waiting = state.outbox.pending.filter { $0.channel == .webhook && urls.contains($0.recipients.first ?? "") }
            .map { OutboxUpdate(id: $0.id, state: .failed, at: now, attempts: $0.attempts, error: "the endpoint answered 410 Gone before") }
        if !waiting.isEmpty {
            records.append(.outboxUpdates(waiting))
            state.absorb(.outboxUpdates(waiting), eventsApplied: false)
        }
        let composer = NoticeComposer(clinic: clinic.info)
        var notices: [OutboxMessage] = []
        for url in urls.sorted() {
            let bodies = templates.render(.endpointDisabled, [.address: .text(url), .clinic: .text(clinic.info.name),
                                                              .phone: .text(clinic.info.phone), .count: waiting.isEmpty ? nil : .number(waiting.count)])
            notices.append(composer.notice(id: NoticeComposer.id("endpoint disabled \(url) \(now)"),
                                           to: MailAddress(name: "\(clinic.info.name) front desk", address: clinic.info.deskEmail),
                                           subject: "A webhook endpoint was switched off: \(url)", text: bodies.text, html: bodies.html, now: now))
        }
        let told = DeskRecord.notices(Notices(messages: notices))
        state.absorb(told, eventsApplied: false)
        records.append(told)
        return records
    }
}

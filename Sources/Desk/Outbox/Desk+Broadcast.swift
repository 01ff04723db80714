import Clinic
import Foundation
import Mail

extension Desk {
    /// What a desk command run from the CLI did: the summary to print, and whether it had run before.
    public struct DeskCommandResult: Sendable {
        public let summary: String
        public let notices: Int
        public let alreadyDone: Bool
    }

    /// BROADCAST CANCEL from the desk's scripts: the same decision as the desk's mail command, its events and
    /// its notices in one commit, keyed by the command and `now` so a rerun of the same call does nothing twice.
    /// `doctorID` nil: every doctor.
    public func broadcastCancel(doctorID: String?, day: LocalDate, reason: String?, now: Int64) throws -> DeskCommandResult {
        let templates = self.templates, eventEndpoints = self.eventEndpoints
        let key = "cli broadcast cancel \(doctorID ?? "ALL") \(day) \(now)"
        return try store.update { state -> ([DeskRecord], DeskCommandResult) in
            guard var clinic = state.clinic else { throw NotInitialised(description: "no clinic configured") }
            if state.hasHandled(key) {
                return ([], DeskCommandResult(summary: "already done: this command ran at this instant before.", notices: 0, alreadyDone: true))
            }
            var random = SeededGenerator(seed: 0)
            let sender = Sender(address: clinic.info.deskEmail.asciiLowercased, channel: .email)
            let decision = clinic.decide(.broadcastCancel(doctorID: doctorID, day: day, reason: reason), from: sender, now: now, random: &random)
                .leavingOut(Reachability(state), clinic: clinic)
            let calls = EventCall.messages(for: decision.events, before: clinic, endpoints: eventEndpoints, disabled: state.disabledEndpoints,
                                           cause: key, now: now)
            clinic.apply(decision.events)
            let format = format(clinic)
            let messages = decision.notices.compactMap { clinic.addressed($0, cause: key) }
                .map { $0.message(templates: templates, format: format, now: now) }
                + decision.notices.compactMap { clinic.texted($0, cause: key) }.map { $0.message(templates: templates, format: format, now: now) }
            let (name, fields) = decision.outcome.template(format)
            let summary = templates.render(name, fields).text
            let stripe = StripeCall.messages(for: decision.events, after: clinic, now: now)
            let record = DeskRecord.message(HandledMessage(key: key, events: decision.events, replies: messages + calls + stripe))
            state.absorb(record, eventsApplied: false)
            return ([record], DeskCommandResult(summary: summary, notices: messages.count, alreadyDone: false))
        }
    }
}

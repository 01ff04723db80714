import Clinic
import Foundation
import Mail

extension Desk {
    /// The clinic's format for replies and notices, with the pay links when fees are taken online.
    func format(_ clinic: ClinicState) -> ClinicFormat {
        var format = ClinicFormat(clinic, reusing: lastFormat)
        format.payments = payments
        lastFormat = format
        return format
    }

    /// Records what Stripe or the clock reported, each report once (by its key: a Stripe event id, an outbox
    /// answer, a hold's end), in one commit: the clinic's events, the patients' notices (receipt, a declined
    /// card, a released hold), the desk's alert for a payment that does not match, and the Stripe calls and
    /// event webhooks they cause. Returns the keys that had been recorded before.
    @discardableResult
    public func reportPayments(_ reports: [(key: String, report: PaymentReport)], now: Int64) throws -> Set<String> {
        guard !reports.isEmpty else { return [] }
        let known = try store.update { state -> ([DeskRecord], Set<String>) in
            let known = Set(reports.map(\.key).filter { state.hasHandled($0) })
            return (applyPaymentReports(reports, state: &state, now: now), known)
        }
        // Stripe's events are inbound messages too: each recorded one leaves its line in the audit trail.
        let clinic = store.state.clinic
        let lines = reports.filter { !known.contains($0.key) && $0.key.hasPrefix("stripe event ") }.map { key, report in
            let ref = report.ref
            return AuditEntry(key: key, channel: "stripe", sender: "stripe", role: "stripe", verdict: "signed", handled: "recorded",
                              commands: [AuditCommand(command: report.auditCommand, did: "recorded", target: ref,
                                                      patient: clinic?.appointment(ref: ref)?.patientID)])
        }
        do {
            try audit.append(lines, at: now)
        } catch {
            logger.error("audit trail not written", metadata: ["lines": "\(lines.count)", "error": "\(error)"])
        }
        return known
    }

    /// The records of `reports` not handled before, absorbed into `state`. A hold released frees its slot for
    /// the waitlist.
    func applyPaymentReports(_ reports: [(key: String, report: PaymentReport)], state: inout DeskState, now: Int64) -> [DeskRecord] {
        applyClockDecisions(reports.map { key, report in
            (key: key, decide: { clinic, random in clinic.offeringFreedSlots(clinic.decide(report, now: now), now: now, random: &random) })
        }, state: &state, now: now)
    }

    /// The records of what Stripe or the clock decided (each once, by its key), absorbed into `state`: the
    /// clinic's events, the patients' notices, the desk's alert for a payment that does not match, and the
    /// Stripe calls and event webhooks they cause.
    func applyClockDecisions(_ reports: [(key: String, decide: (ClinicState, inout MessageRandom) -> Decision)], state: inout DeskState,
                             now: Int64) -> [DeskRecord] {
        guard state.clinic != nil else { return [] }
        var records: [DeskRecord] = []
        var seen = Set<String>()
        for (key, decide) in reports where !state.hasHandled(key) && seen.insert(key).inserted {
            var random = MessageRandom(randomness, key: key)
            let decision = decide(state.clinic!, &random)
                .leavingOut(Reachability(state), clinic: state.clinic!)
            let calls = EventCall.messages(for: decision.events, before: state.clinic!, endpoints: eventEndpoints,
                                           disabled: state.disabledEndpoints, cause: key, now: now)
            state.applyToClinic(decision.events)
            let clinic = state.clinic!
            let format = format(clinic)
            var messages = decision.notices.compactMap { clinic.addressed($0, cause: key) }.map { $0.message(templates: templates, format: format, now: now) }
            messages += decision.notices.compactMap { clinic.texted($0, cause: key) }.map { $0.message(templates: templates, format: format, now: now) }
            if case .paymentReport(.mismatch(let appointment, _, _, _)) = decision.outcome {
                let (name, fields) = decision.outcome.template(format)
                let bodies = templates.render(name, fields)
                messages.append(NoticeComposer(clinic: clinic.info).notice(
                    id: NoticeComposer.id("payment mismatch \(key)"), to: MailAddress(name: clinic.info.name + " desk", address: clinic.info.deskEmail),
                    subject: "Check the payment for \(appointment.ref): it does not match", text: bodies.text, html: bodies.html, now: now))
            }
            messages += StripeCall.messages(for: decision.events, after: clinic, now: now) + calls
            let record = DeskRecord.message(HandledMessage(key: key, events: decision.events, replies: messages))
            state.absorb(record, eventsApplied: true)
            records.append(record)
        }
        return records
    }

    /// The holds whose time is up by `instant`, with the PaymentIntent to ask Stripe about before letting
    /// them go (a webhook may have been lost).
    public func holdsEnding(by instant: Int64) -> [(ref: String, intentID: String?)] {
        guard let clinic = store.state.clinic else { return [] }
        return clinic.holdsEnding(by: instant).map { ($0.ref, $0.due.intentID) }
    }

    /// Releases the holds whose time is up at `now`, but those `waiting` for Stripe's word: the slot is free
    /// again and the patient is told. Ask Stripe first (`holdsEnding`), so a payment whose webhook never came
    /// is not lost. Returns how many.
    @discardableResult
    public func endHolds(now: Int64, except waiting: Set<String> = []) throws -> Int {
        let ending = holdsEnding(by: now).filter { !waiting.contains($0.ref) }
        guard !ending.isEmpty else { return 0 }
        let before = store.state.clinic?.dues.count ?? 0
        try reportPayments(ending.map { (key: "hold ended \($0.ref) \(now)", report: .holdEnded(ref: $0.ref)) }, now: now)
        return before - (store.state.clinic?.dues.count ?? 0)
    }
}

extension PaymentReport {
    /// The report's kind, as the audit trail names it.
    var auditCommand: String {
        switch self {
        case .succeeded: "payment succeeded"
        case .failed: "payment failed"
        case .intentCreated: "payment intent created"
        case .refunded: "refunded"
        case .holdEnded: "hold ended"
        }
    }
}

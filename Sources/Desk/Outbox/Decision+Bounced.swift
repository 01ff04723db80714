import Clinic

extension Decision {
    /// The decision without the notices no one would receive — to a patient whose mail bounced, or by SMS to a
    /// number that opted out (the outbox would only fail them) — and with its summary counting those patients
    /// as not told, so the desk knows to call them.
    func leavingOut(_ reach: Reachability, clinic: ClinicState) -> Decision {
        guard !notices.isEmpty, !reach.bounced.isEmpty || !reach.optedOut.isEmpty else { return self }
        var kept: [PatientNotice] = []
        var droppedMail: [PatientNotice] = [], droppedTexts: [PatientNotice] = []
        for notice in notices {
            // A relayed message goes to a doctor or the desk, not to the patient: never left out here.
            guard !notice.isRelay, let patient = clinic.patients[notice.patientID] else {
                kept.append(notice)
                continue
            }
            switch reach.patient(patient) {
            case .bounced: droppedMail.append(notice)
            case .optedOut: droppedTexts.append(notice)
            case .mail, .sms, .noContact: kept.append(notice)
            }
        }
        guard !droppedMail.isEmpty || !droppedTexts.isEmpty else { return self }
        var decision = self
        decision.notices = kept
        func name(_ notice: PatientNotice) -> String { clinic.patients[notice.patientID]?.name ?? notice.patientID }
        switch outcome {
        case .dayCancelled(var summary):
            for notice in droppedMail {
                if let i = summary.notified.firstIndex(of: name(notice)) { summary.notified.remove(at: i) }
                summary.unreachable.append(name(notice))
            }
            for notice in droppedTexts {
                if let i = summary.texted.firstIndex(of: name(notice)) { summary.texted.remove(at: i) }
                summary.unreachable.append(name(notice))
            }
            decision.outcome = .dayCancelled(summary)
        case .broadcastSent(let day, let notified, let texted, let unreachable):
            decision.outcome = .broadcastSent(day: day, notified: notified - droppedMail.count, texted: texted - droppedTexts.count,
                                              unreachable: unreachable + droppedMail.count + droppedTexts.count)
        default:
            break
        }
        return decision
    }
}

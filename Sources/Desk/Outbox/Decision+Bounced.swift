import Clinic

extension Decision {
    /// The decision without the notices to patients whose mail bounced (the outbox would only fail them), and
    /// with its summary counting those patients as not reachable by mail, so the desk knows to call them.
    func leavingOut(bounced: Set<String>, clinic: ClinicState) -> Decision {
        guard !bounced.isEmpty, !notices.isEmpty else { return self }
        var kept: [PatientNotice] = [], dropped: [PatientNotice] = []
        for notice in notices {
            // A relayed message goes to a doctor or the desk, not to the patient: never left out here.
            let email = clinic.patients[notice.patientID]?.email?.lowercased()
            if !notice.isRelay, let email, bounced.contains(email) { dropped.append(notice) } else { kept.append(notice) }
        }
        guard !dropped.isEmpty else { return self }
        var decision = self
        decision.notices = kept
        switch outcome {
        case .dayCancelled(var summary):
            for notice in dropped {
                let name = clinic.patients[notice.patientID]?.name ?? notice.patientID
                if let i = summary.notified.firstIndex(of: name) { summary.notified.remove(at: i) }
                summary.unreachable.append(name)
            }
            decision.outcome = .dayCancelled(summary)
        case .broadcastSent(let day, let notified, let unreachable):
            decision.outcome = .broadcastSent(day: day, notified: notified - dropped.count, unreachable: unreachable + dropped.count)
        default:
            break
        }
        return decision
    }
}

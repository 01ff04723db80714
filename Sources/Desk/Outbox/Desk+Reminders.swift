import Clinic
import Foundation
import Mail
import SMS

extension Desk {
    /// Queues the reminders due at `now`: for each confirmed appointment still ahead, the reminder with the
    /// fewest minutes before its start whose time has come, unless one that close was already sent. After
    /// downtime this sends one reminder per appointment, the most recent due, never a stale flood; a
    /// cancelled or past appointment gets none; a rescheduled one is reminded afresh. Returns how many.
    @discardableResult
    public func queueReminders(now: Int64, minutesBefore: [Int]) throws -> Int {
        let offsets = minutesBefore.filter { $0 > 0 }
        guard let widest = offsets.max() else { return 0 }
        let templates = self.templates, eventEndpoints = self.eventEndpoints
        return try store.update { state -> ([DeskRecord], Int) in
            guard let clinic = state.clinic else { return ([], 0) }
            let format = ClinicFormat(clinic)
            let composer = NoticeComposer(clinic: clinic.info)
            let reach = Reachability(state)
            var messages: [OutboxMessage] = []
            var marks: [String: Int] = [:]
            let firstDay = clinic.zone.local(now).date, lastDay = clinic.zone.local(now + Int64(widest) * 60).date
            for doctor in clinic.doctors {
                var day = firstDay
                while day <= lastDay {
                    defer { day = day.adding(days: 1) }
                    for appointment in clinic.appointments(doctorID: doctor.id, on: day) where appointment.isActive && appointment.start > now {
                        guard let due = offsets.filter({ appointment.start - Int64($0) * 60 <= now }).min() else { continue }
                        let key = Desk.reminderKey(appointment)
                        if let sent = state.reminded[key], sent <= due { continue }
                        marks[key] = due
                        guard let patient = clinic.patients[appointment.patientID] else { continue }
                        let (templates, format) = templates.speaking(clinic.language(ofPatient: patient.id), format)
                        let fields: TemplateFields = [
                            .name: .text(patient.name), .ref: .text(appointment.ref), .doctor: .text(doctor.name),
                            .specialty: .text(doctor.specialty), .when: .text(format.span(appointment.start, appointment.end)),
                            .clinic: .text(clinic.info.name), .address: .text(clinic.info.address), .phone: .text(clinic.info.phone),
                            .zone: .text(format.zone.abbreviation(at: appointment.start)),
                        ]
                        let id = NoticeComposer.id("reminder \(key) \(due)")
                        messages += EventCall.messages(.reminderSent, appointment: appointment, extra: ["minutesBefore": "\(due)"],
                                                       endpoints: eventEndpoints, disabled: state.disabledEndpoints, cause: id, now: now)
                        let email: String
                        switch reach.patient(patient) {
                        case .mail(let address):
                            email = address
                        case .sms(let phone):
                            messages.append(OutboxMessage(id: id, channel: .sms, purpose: .notice, envelopeFrom: "", recipients: [phone],
                                                          data: SMSSegments.fit(templates.sms(.reminder, fields), segments: 2), createdAt: now))
                            continue
                        case .bounced, .optedOut, .noContact:
                            continue
                        }
                        let bodies = templates.render(.reminder, fields)
                        messages.append(composer.notice(
                            id: id, to: MailAddress(name: patient.name, address: email),
                            subject: SubjectLine.reminder(doctor: doctor.name, when: format.when(appointment.start)).line(format.language),
                            text: bodies.text, html: bodies.html, now: now))
                    }
                }
            }
            guard !marks.isEmpty else { return ([], 0) }
            let record = DeskRecord.notices(Notices(messages: messages, reminders: marks))
            state.absorb(record, eventsApplied: false)
            return ([record], messages.count(where: { $0.channel != .webhook }))
        }
    }

    /// Reminders are kept per appointment and version, so a rescheduled appointment is reminded again.
    static func reminderKey(_ appointment: Appointment) -> String { "\(appointment.ref).\(appointment.sequence)" }

    /// Queues the desk's summary of messages that failed for good since the last one, at most once a day.
    @discardableResult
    public func queueFailureSummary(now: Int64) throws -> Int {
        let templates = self.templates
        return try store.update { state -> ([DeskRecord], Int) in
            guard let clinic = state.clinic, now - state.lastFailureSummaryAt >= 86_400 else { return ([], 0) }
            let since = state.lastFailureSummaryAt
            let failed = state.outbox.values.filter { $0.state == .failed && ($0.finishedAt ?? 0) > since }
                .sorted { ($0.finishedAt ?? 0, $0.id) < ($1.finishedAt ?? 0, $1.id) }
            guard !failed.isEmpty else { return ([], 0) }
            let format = ClinicFormat(clinic)
            let rows: [TemplateValue] = failed.map {
                .fields([.to: .text($0.recipients.joined(separator: ", ")), .queued: .text(format.when($0.createdAt)),
                         .attempts: .number($0.attempts), .why: .text($0.lastError ?? "unknown"),
                         .kind: .text($0.purpose == .reply ? "reply" : "notice")])
            }
            let bodies = templates.render(.failureSummary, [.count: .number(failed.count), .failures: .list(rows),
                                                            .clinic: .text(clinic.info.name)])
            let composer = NoticeComposer(clinic: clinic.info)
            let message = composer.notice(id: NoticeComposer.id("failure summary \(now)"),
                                          to: MailAddress(name: clinic.info.name + " desk", address: clinic.info.deskEmail),
                                          subject: "Undelivered mail: \(failed.count) message\(failed.count == 1 ? "" : "s")",
                                          text: bodies.text, html: bodies.html, now: now)
            let record = DeskRecord.notices(Notices(messages: [message], failureSummaryAt: now))
            state.absorb(record, eventsApplied: false)
            return ([record], failed.count)
        }
    }
}

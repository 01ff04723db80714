import Clinic
import Foundation
import Mail

extension Desk {
    /// As a month ends, without being asked: on the first tick of a new month (in the clinic's zone), each
    /// doctor who recorded anything in the month just ended gets their EARNINGS report for it (unless they
    /// wrote REPORTS OFF), and the desk the hospital's REPORT, each with its CSV. Exactly once: the month
    /// is journaled with the messages, so a second tick, a restart or two processes send nothing more.
    /// After downtime only the month just ended is reported, never a backlog. Returns how many were queued.
    @discardableResult
    public func queueMonthReports(now: Int64) throws -> Int {
        let templates = self.templates
        return try store.update { state -> ([DeskRecord], Int) in
            guard let clinic = state.clinic else { return ([], 0) }
            let ended = YearMonth(clinic.zone.local(now).date).previous
            if let last = state.lastMonthReported, last >= ended.iso { return ([], 0) }
            let format = ClinicFormat(clinic)
            let composer = NoticeComposer(clinic: clinic.info)
            var messages: [OutboxMessage] = []
            func letter(_ outcome: Outcome, to recipient: MailAddress, name: String, subject: String, csv: (String, String), doctor: Bool) -> OutboxMessage {
                let (template, fields) = outcome.template(format)
                let report = templates.render(template, fields)
                var letterFields: TemplateFields = [.name: .text(name), .month: .text(ended.description), .doctor: .flag(doctor),
                                                    .clinic: .text(clinic.info.name)]
                letterFields[.report] = .text(report.text)
                let text = templates.text(.monthEndReport, letterFields)
                letterFields[.report] = .text(report.html)
                let html = templates.html(.monthEndReport, letterFields)
                return composer.notice(id: NoticeComposer.id("month report \(ended.iso) \(recipient.address)"), to: recipient, subject: subject,
                                       text: text, html: html,
                                       attachments: [Attachment(filename: csv.0, contentType: "text/csv", data: Data(csv.1.utf8))], now: now)
            }
            for doctor in clinic.doctors where doctor.monthReports != false && !doctor.email.isEmpty {
                let report = clinic.earnings(of: doctor.id, in: ended)
                guard !report.days.isEmpty || report.consultationsCompleted > 0,
                      Reachability(state).canMail(doctor.email) else { continue }
                messages.append(letter(.earningsReport(report), to: MailAddress(name: doctor.name, address: doctor.email), name: doctor.name,
                                       subject: "Your earnings for \(ended.description)",
                                       csv: ("earnings-\(doctor.id)-\(ended.iso).csv", report.csv(format)), doctor: true))
            }
            let hospital = clinic.hospitalMonth(ended)
            let total = hospital.total
            if total.appointments > 0 || total.earnings.minorUnits > 0 {
                messages.append(letter(.monthReport(hospital), to: MailAddress(name: clinic.info.name + " desk", address: clinic.info.deskEmail),
                                       name: clinic.info.name + " front desk", subject: "\(clinic.info.name): the report for \(ended.description)",
                                       csv: ("report-\(ended.iso).csv", hospital.csv(format)), doctor: false))
            }
            let record = DeskRecord.notices(Notices(messages: messages, monthReported: ended.iso))
            state.absorb(record, eventsApplied: false)
            return ([record], messages.count)
        }
    }
}

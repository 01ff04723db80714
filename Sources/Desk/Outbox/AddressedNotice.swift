import Clinic
import Mail

/// A patient notice a command caused, with the address it goes to, ready to be written while the batch is
/// decided further. Its id comes from the inbound message and the patient, so a replay names the same message.
struct AddressedNotice: Sendable {
    let notice: PatientNotice
    let recipient: MailAddress
    /// The inbound message that caused it.
    let cause: String
    /// A relayed message: the patient who wrote it (their name only) and where an answer goes.
    var writer: String? = nil
    var replyTo: MailAddress? = nil
    /// The reader's language: the patient's, or the clinic's for a relayed message.
    var language: Language = .en

    func message(templates: ReplyTemplates, format: ClinicFormat, now: Int64) -> OutboxMessage {
        let (templates, format) = templates.speaking(language, format)
        var (name, fields, subject) = notice.template(format, patientName: recipient.name ?? "there")
        if let writer {
            fields[.patient] = .text(writer)
            subject = "Message from \(writer), a patient"
        }
        let bodies = templates.render(name, fields)
        let id = NoticeComposer.id("patient notice \(cause) \(notice.patientID)")
        // A slot held for its payment goes into the patient's calendar with the receipt.
        var attachments: [Attachment] = []
        if case .receipt(let appointment, _) = notice.kind {
            attachments.append(AppointmentInvites.invite(appointment, .request, format: format, recipient: recipient, now: now).attachment)
        }
        return NoticeComposer(clinic: format.info).notice(id: id, to: recipient, replyTo: replyTo, subject: subject,
                                                          text: bodies.text, html: bodies.html, attachments: attachments, now: now)
    }
}

extension PatientNotice {
    /// A patient's own message to a doctor or the desk.
    var isRelay: Bool {
        if case .relay = kind { return true }
        return false
    }

    /// The template, its values and the subject line of the notice.
    func template(_ format: ClinicFormat, patientName: String) -> (name: TemplateName, fields: TemplateFields, subject: String) {
        let info = format.info
        var fields: TemplateFields = [.name: .text(patientName), .clinic: .text(info.name), .phone: .text(info.phone)]
        let name: TemplateName
        let subject: String
        switch kind {
        case .cancellation(let appointments, let reason, let sameDoctor, let otherDoctor, let refunds):
            name = .cancellationNotice
            let first = appointments.first
            let doctorName = first.map { format.doctorName($0.doctorID) } ?? ""
            fields[.cancelled] = .list(appointments.map { a in
                .fields([.doctor: .text(format.doctorName(a.doctorID)), .when: .text(format.span(a.start, a.end)), .ref: .text(a.ref),
                         .refund: refunds[a.ref].flatMap { $0.minorUnits > 0 ? .text(format.money($0)) : nil }])
            })
            fields[.several] = .flag(appointments.count > 1)
            fields[.reason] = reason.map(TemplateValue.text)
            fields[.doctor] = .text(doctorName)
            fields[.sameDoctor] = sameDoctor.isEmpty ? nil : .fields([.alternatives: .list(sameDoctor.map { .fields(format.fields(of: $0)) })])
            fields[.otherDoctor] = otherDoctor.isEmpty ? nil : .fields([.alternatives: .list(otherDoctor.map { .fields(format.fields(of: $0)) })])
            fields[.otherName] = otherDoctor.first.map { .text(format.doctorName($0.doctorID)) }
            subject = SubjectLine.cancelled(doctor: doctorName, when: first.map { format.when($0.start) } ?? "").line(format.language)
        case .message(let day, let text):
            name = .broadcastNotice
            fields[.day] = .text(format.day(day))
            fields[.message] = .text(text)
            subject = SubjectLine.aboutDay(format.day(day)).line(format.language)
        case .relay(_, let text):
            name = .contactNotice
            fields[.message] = .text(text)
            subject = "Message from a patient"
        case .receipt(let appointment, let payment):
            name = .receiptNotice
            fields.merge(format.fields(of: appointment)) { $1 }
            fields[.amount] = .text(format.money(payment.amount))
            subject = SubjectLine.receipt(amount: format.money(payment.amount), ref: appointment.ref).line(format.language)
        case .paymentFailed(let appointment, let due):
            name = .paymentFailedNotice
            fields.merge(format.fields(of: appointment)) { $1 }
            fields.merge(format.payFields(appointment, due)) { $1 }
            subject = SubjectLine.paymentFailed(ref: appointment.ref).line(format.language)
        case .holdReleased(let appointment):
            name = .holdReleasedNotice
            fields.merge(format.fields(of: appointment)) { $1 }
            fields[.surname] = format.doctor(id: appointment.doctorID).map { .text($0.surname) }
            subject = SubjectLine.released(doctor: format.doctorName(appointment.doctorID), when: format.when(appointment.start)).line(format.language)
        case .paidTwice(let appointment, let amount):
            name = .lateRefundNotice
            fields.merge(format.fields(of: appointment)) { $1 }
            fields[.amount] = .text(format.money(amount))
            fields[.twice] = .flag(true)
            subject = SubjectLine.refund(amount: format.money(amount), ref: appointment.ref, paidTwice: true).line(format.language)
        case .slotOffered(let offer):
            name = .slotOfferNotice
            fields.merge(format.offerFields(offer)) { $1 }
            subject = SubjectLine.slotOffered(doctor: format.doctorName(offer.doctorID), when: format.when(offer.start), code: offer.code).line(format.language)
        case .lateRefund(let appointment, let amount):
            name = .lateRefundNotice
            fields.merge(format.fields(of: appointment)) { $1 }
            fields[.amount] = .text(format.money(amount))
            fields[.surname] = format.doctor(id: appointment.doctorID).map { .text($0.surname) }
            subject = SubjectLine.refund(amount: format.money(amount), ref: appointment.ref, paidTwice: false).line(format.language)
        }
        return (name, fields, subject)
    }
}

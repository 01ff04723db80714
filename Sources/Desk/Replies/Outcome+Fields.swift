import Clinic
import Commands

/// The template and the values each outcome is written with, shared by its text and HTML forms. Values are
/// plain text, numbers, flags and lists; the wording lives in Templates/. A value that does not apply (no
/// reason given, no free slot to suggest) is left out, so `{{#name}}` sections see it as false.
extension Outcome {
    func template(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .help:
            return (.help, [.commands: .list(Help.commands.map { .fields([.command: .text($0.command), .example: .text($0.example),
                                                                          .meaning: .text(HelpWords.meaning($0, format.language))]) }),
                            .notes: .list(HelpWords.notes(dayFirst: format.info.dayFirst, format.language).map(TemplateValue.text))])
        case .info(let info, let doctors):
            return (.info, [.name: .text(info.name), .address: .text(info.address), .phone: .text(info.phone),
                            .email: .text(info.deskEmail), .deskLink: .text(format.desk.bare),
                            .doctors: .number(doctors), .zone: .text(info.timeZone)])
        case .doctorList(let doctors, let specialty):
            return (.doctors, [.specialty: specialty.map(TemplateValue.text), .noneToShow: .flag(doctors.isEmpty),
                               .doctors: .list(doctors.map { .fields(format.fields(of: $0)) })])
        case .doctorDetail(let doctor):
            var fields = format.fields(of: doctor)
            fields[.photoID] = doctor.photo.map { _ in .text(format.photoContentID(doctor.id)) }
            return (.doctor, fields)
        case .slots(let doctor, let days, let asked):
            let example = days.lazy.flatMap(\.slots).first { !$0.isBooked }
            return (.slots, [.doctor: .text(doctor.name), .days: .list(days.map { .fields(format.fields(of: $0)) }),
                             .noneToShow: .flag(days.isEmpty), .example: example.map { .text(format.bookCommand($0)) },
                             .part: asked.part.map { .text($0.spoken(format.language)) }, .noTimeGiven: .flag(asked.forBooking)])
        case .registered(let name, let code, let expiresAt):
            return (.registered, [.name: .text(name), .code: .text(code), .expires: .text(format.time(expiresAt)),
                                  .verifyLink: .text(format.desk.subject("VERIFY \(code)"))])
        case .alreadyRegistered(let name):
            return (.alreadyRegistered, [.name: .text(name)])
        case .registerTooOften(let retryAt):
            return (.registerTooOften, [.until: .text(format.when(retryAt))])
        case .verified(let name):
            return (.verified, [.name: .text(name)])
        case .verifyRefused(let refusal):
            return (.verifyRefused, refusal.fields)
        case .needsRegistration(let pending):
            return (.needsRegistration, [.pending: .flag(pending)])
        case .booked(let appointment):
            return (.booked, format.fields(of: appointment))
        case .bookRefused(let refusal, let alternatives):
            return (.bookRefused, [.why: .text(refusal.explanation(format)), .hasAlternatives: .flag(!alternatives.isEmpty),
                                   .alternatives: .list(alternatives.map { .fields(format.fields(of: $0)) })])
        case .cancelled(let appointment, let refund):
            var fields = format.fields(of: appointment)
            if let refund {
                fields[refund.minorUnits > 0 ? .refund : .refundNone] = .text(format.money(refund))
            }
            return (.cancelled, fields)
        case .bookedWithPayment, .payLink, .payRefused, .paymentReport:
            return paymentTemplate(format)
        case .patientData, .patientErased, .patientUnknown:
            return privacyTemplate(format)
        case .cancelChoice(let list):
            return (.cancelChoice, [.appointments: .list(list.map { .fields(format.fields(of: $0)) })])
        case .cancelRefused(let refusal):
            return (.cancelRefused, [.why: .text(refusal.explanation(format))])
        case .rescheduled(let appointment, let old):
            var fields = format.fields(of: appointment)
            fields[.from] = .text(format.span(old.start, old.end))
            return (.rescheduled, fields)
        case .rescheduleRefused(let refusal, let alternatives):
            return (.rescheduleRefused, [.why: .text(refusal.explanation(format)), .hasAlternatives: .flag(!alternatives.isEmpty),
                                         .alternatives: .list(alternatives.map { .fields(format.fields(of: $0)) })])
        case .appointmentList(let list, let fees):
            return (.appointments, [.appointments: .list(list.map { appointment in
                var fields = format.fields(of: appointment)
                fields.merge(format.feeFields(fees[appointment.ref])) { $1 }
                fields[.status] = appointment.isActive ? nil : .text(appointment.status.spoken(format.language))
                return .fields(fields)
            }), .noneToShow: .flag(list.isEmpty)])
        case .staffHelp(let role):
            let commands = Help.commands + Help.doctorCommands + (role == .desk ? Help.deskCommands : [])
            return (.help, [.commands: .list(commands.map { .fields([.command: .text($0.command), .example: .text($0.example),
                                                                     .meaning: .text($0.meaning)]) }),
                            .notes: .list((Help.notes(dayFirst: format.info.dayFirst) + Help.doctorNotes(dayFirst: format.info.dayFirst))
                                .map(TemplateValue.text))])
        default:
            return staffTemplate(format)
        }
    }
}

extension VerifyRefusal {
    var fields: TemplateFields {
        switch self {
        case .nothingPending: [.nothingPending: .flag(true)]
        case .alreadyVerified: [.alreadyVerified: .flag(true)]
        case .expired: [.expired: .flag(true)]
        case .noAttemptsLeft: [.noAttemptsLeft: .flag(true)]
        case .wrongCode(let left): [.wrongCode: .flag(true), .attemptsLeft: .number(left)]
        }
    }
}


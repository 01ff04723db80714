import Clinic

/// WAIT, WAITING, WAIT OFF and YES: their templates and values, and the offer a freed slot makes.
extension Outcome {
    func waitlistTemplate(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .waitAdded(let entry, let doctor, let ahead, let replaced):
            var fields = format.fields(of: entry)
            fields[.ahead] = ahead > 0 ? .number(ahead) : nil
            fields[.replaced] = .flag(replaced)
            fields[.holdMinutes] = .number(format.info.waitlistHoldMinutes)
            fields[.surname] = .text(doctor.surname)
            return (.waitAdded, fields)
        case .waitNotNeeded(let doctor, let free):
            return (.waitNotNeeded, [.doctor: .text(doctor.name), .slots: .list(free.map { .fields(format.fields(of: $0)) }),
                                     .example: free.first.map { .text(format.bookCommand($0)) }])
        case .waitList(let waits, let offers):
            return (.waitList, [.waits: .list(waits.map { .fields(format.fields(of: $0)) }),
                                .offers: .list(offers.map { .fields(format.offerFields($0)) }),
                                .noneToShow: .flag(waits.isEmpty && offers.isEmpty)])
        case .waitEnded(let ended):
            return (.waitEnded, [.waits: .list(ended.map { .fields(format.fields(of: $0)) }), .noneToShow: .flag(ended.isEmpty)])
        case .waitRefused(let refusal):
            var fields: TemplateFields = [.why: .text(refusal.explanation(format))]
            if case .whichOffer(let offers) = refusal { fields[.offers] = .list(offers.map { .fields(format.offerFields($0)) }) }
            return (.waitRefused, fields)
        default:
            return profileTemplate(format)
        }
    }
}

extension ClinicFormat {
    /// A wait as a reply names it: the doctor, the days, the times.
    func fields(of entry: WaitEntry) -> TemplateFields {
        let days = entry.from == entry.to ? day(entry.from) : "\(day(entry.from)) to \(day(entry.to))"
        return [.doctor: .text(doctorName(entry.doctorID)), .days: .text(days),
                .window: entry.window.map { .text("\(clock($0.start))–\(clock($0.end))") }]
    }

    /// A slot offered from the waitlist: what, until when, and the YES that takes it.
    func offerFields(_ offer: SlotOffer) -> TemplateFields {
        let yes = "YES \(offer.code)"
        return [.doctor: .text(doctorName(offer.doctorID)), .specialty: doctor(id: offer.doctorID).map { .text($0.specialty) },
                .when: .text(span(offer.start, offer.end)), .ref: .text(offer.code), .until: .text(time(offer.until)),
                .yes: .text(yes), .yesLink: .text(desk.subject(yes)),
                .holdMinutes: .number(Int((offer.until - offer.at + 59) / 60))]
    }
}


import Clinic

/// The values of the doctors' and the desk's replies: earnings, the day's schedule, outcomes, refusals.
extension Outcome {
    func staffTemplate(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .notAllowed(let command, let allowed):
            return (.notAllowed, [.command: .text(command), .allowed: .text(allowed.spoken(format.language))])
        case .earningRecorded(let day, let dayTotal, let monthToDate, let replaced):
            return (.earningRecorded, [.day: .text(format.day(day)), .dayTotal: .text(format.money(dayTotal)),
                                       .monthToDate: .text(format.money(monthToDate)), .month: .text(YearMonth(day).description),
                                       .replaced: .flag(replaced)])
        case .earningRefused(let refusal):
            return (.earningRefused, [.why: .text(refusal.explanation(format))])
        case .earningsReport(let report):
            var fields = report.fields(format)
            fields[.attached] = .flag(true)
            return (.earningsReport, fields)
        case .earningsNone(let month, let future):
            return (.earningsNone, [.month: .text(month.description), .future: .flag(future)])
        case .schedule(let day, let entries):
            return (.schedule, [.day: .text(format.day(day)), .noneToShow: .flag(entries.isEmpty),
                                .appointments: .list(entries.map { entry in
                                    let a = entry.appointment
                                    return .fields([.time: .text(format.clock(format.zone.local(a.start).time)), .name: .text(entry.patientName),
                                                    .reason: a.reason.map(TemplateValue.text), .ref: .text(a.ref),
                                                    .status: a.status == .confirmed ? nil : .text(a.status.spoken(format.language)),
                                                    .paid: .flag(entry.paid)])
                                })])
        case .appointmentMarked(let a):
            return (.appointmentMarked, [.ref: .text(a.ref), .when: .text(format.span(a.start, a.end)),
                                         .status: .text(a.status.spoken(format.language))])
        case .markRefused(let refusal):
            return (.markRefused, [.why: .text(refusal.explanation(format))])
        case .paymentRecorded(let a, let payment):
            var fields = format.fields(of: a)
            fields[.amount] = .text(format.money(payment.amount))
            fields[.method] = .text(payment.method == .cash ? "cash" : "card")
            return (.paymentRecorded, fields)
        case .paymentRefused(let refusal):
            return (.paymentRefused, [.why: .text(refusal.explanation(format))])
        case .dayCancelled(let summary):
            return (.dayCancelled, summary.fields(format))
        case .broadcastSent(let day, let notified, let texted, let unreachable):
            return (.broadcastSent, [.day: .text(format.day(day)), .count: .number(notified), .unreachable: unreachable > 0 ? .number(unreachable) : nil,
                                     .texted: texted > 0 ? .number(texted) : nil,
                                     .noneToShow: .flag(notified == 0 && texted == 0 && unreachable == 0)])
        case .hoursSet(let hours, let stranded):
            var fields = format.strandedFields(stranded)
            fields[.hours] = .text(hours.summary(dayNames: format.weekdayName))
            return (.hoursSet, fields)
        case .leaveAdded(let from, let to, let stranded):
            var fields = format.strandedFields(stranded)
            fields[.from] = .text(format.day(from))
            fields[.to] = from == to ? nil : .text(format.day(to))
            return (.leaveAdded, fields)
        case .leaveRefused(let from, let to):
            let why = to < from ? "\(format.day(to)) comes before \(format.day(from))."
                : "one LEAVE covers at most \(ClinicState.longestLeaveDays) days; send one per stretch."
            return (.leaveRefused, [.why: .text(why)])
        case .doctorDeactivated(let doctor):
            return (.doctorOff, [.doctor: .text(doctor.name)])
        case .doctorOffRefused(let doctor, let remaining):
            var fields = format.strandedFields(remaining, cancelling: "BROADCAST CANCEL \(doctor.name)")
            fields[.doctor] = .text(doctor.name)
            return (.doctorOffRefused, fields)
        case .waitAdded, .waitNotNeeded, .waitList, .waitEnded, .waitRefused:
            return waitlistTemplate(format)
        default:
            return profileTemplate(format)
        }
    }
}

extension MonthlyEarnings {
    func fields(_ format: ClinicFormat) -> TemplateFields {
        let best = max(bestDay.minorUnits, 1)
        let days: [TemplateValue] = days.map { day in
            let notes = day.entries.compactMap(\.note).filter { !$0.isEmpty }.joined(separator: "; ")
            var fields: TemplateFields = [.day: .text(format.day(day.day)), .total: .text(format.money(day.total)),
                                          .notes: notes.isEmpty ? nil : .text(notes),
                                          .bar: .number(Int(day.total.minorUnits * 100 / best))]
            fields.merge(format.feeFields(day.fees)) { own, _ in own }
            return .fields(fields)
        }
        let change = changePercent.map { "\($0 >= 0 ? "+" : "")\($0)%" }
        var feeFields = format.feeFields(fees)
        feeFields[.collected] = .text(format.money(collected))
        return [.doctor: .text(format.doctorName(doctorID)), .month: .text(month.description), .days: .list(days),
                .total: .text(format.money(total)), .daysWorked: .number(daysWorked), .average: .text(format.money(averagePerDay)),
                .completed: .number(consultationsCompleted), .previous: .text(format.money(previousTotal)),
                .previousMonth: .text(month.previous.description), .change: change.map(TemplateValue.text),
                .fees: fees.isEmpty ? nil : .fields(feeFields)]
    }

    /// The report as CSV (RFC 4180): one row per entry, then the total. The fees of a day (paid online, in
    /// cash, refunded) stand on its first row, empty where there were none; a day with fees and no entry has
    /// a row of its own with no amount, so each column adds up to the total row's.
    func csv(_ format: ClinicFormat) -> String {
        func amount(_ money: Money) -> String { money.minorUnits == 0 ? "" : "\(money)" }
        var lines = ["date,amount,note,online,cash,refunded"]
        for day in days {
            let fees = "\(amount(day.online)),\(amount(day.cash)),\(amount(day.refunded))"
            if day.entries.isEmpty { lines.append("\(day.day),,,\(fees)") }
            for (i, entry) in day.entries.enumerated() {
                lines.append("\(day.day),\(entry.amount),\(CSVField.text(entry.note ?? "")),\(i == 0 ? fees : ",,")")
            }
        }
        lines.append("total,\(total),\(CSVField.text("\(daysWorked) days worked; \(consultationsCompleted) consultations completed")),"
            + "\(paidOnline),\(paidCash),\(refunded)")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension ClinicFormat {
    /// The fees paid online, in cash and refunded, each left out where there was none.
    func feeFields(_ fees: FeesTaken) -> TemplateFields {
        func shown(_ money: Money) -> TemplateValue? { money.minorUnits == 0 ? nil : .text(self.money(money)) }
        return [.online: shown(fees.online), .cash: shown(fees.cash), .refunded: shown(fees.refunded)]
    }
}

extension EarningRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch self {
        case .futureDay(let day): "\(format.day(day)) has not come yet; earnings are recorded for today or a past day."
        case .tooLarge: "that amount is larger than any single day's earnings could be; check the digits."
        case .monthClosed(let month): "the books of \(month) are closed; earnings are recorded for the months still open."
        }
    }
}

extension MarkRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch self {
        case .unknownRef(let ref): "there is no appointment \(ref)."
        case .notYours(let ref): "appointment \(ref) is not one of yours."
        case .notStarted(let a): "appointment \(a.ref) is at \(format.span(a.start, a.end)), still ahead."
        case .notActive(let a): "appointment \(a.ref) is \(a.status.spoken(.en))."
        }
    }
}

extension PaymentRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch self {
        case .unknownRef(let ref): "there is no appointment \(ref)."
        case .alreadyPaid(let a, let paid):
            "appointment \(a.ref) was already paid, \(format.money(paid.amount)) \(paid.method == .cash ? "in cash" : "by card") on \(format.when(paid.at))."
        case .notActive(let a): "appointment \(a.ref) is \(a.status.spoken(.en)): there is nothing to pay."
        case .noFee(let a): "\(format.doctor(id: a.doctorID)?.name ?? a.doctorID) charges no fee, so \(a.ref) has nothing to pay."
        }
    }
}

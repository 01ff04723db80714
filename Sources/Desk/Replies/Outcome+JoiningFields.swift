import Clinic

/// The values of REGISTER DOCTOR, APPROVE, REJECT, REPORT and AUDIT replies.
extension Outcome {
    func joiningTemplate(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .doctorRequested(let request):
            return (.doctorRequested, request.fields(format))
        case .doctorRequestRefused(let refusal):
            return (.doctorRequestRefused, [.why: .text(refusal.explanation(format))])
        case .doctorRequestDecided(let request, let doctor):
            var fields = request.fields(format)
            fields[.approved] = .flag(doctor != nil)
            fields[.id] = doctor.map { .text($0.id) }
            return (.doctorRequestDecided, fields)
        case .requestDecisionRefused(let refusal):
            var fields: TemplateFields = [.why: .text(refusal.explanation(format))]
            if case .unknown(_, let waiting) = refusal, !waiting.isEmpty {
                fields[.waiting] = .list(waiting.map { .fields($0.fields(format)) })
            }
            return (.requestDecisionRefused, fields)
        case .monthReport(let report):
            var fields = report.fields(format)
            fields[.attached] = .flag(true)
            return (.monthReport, fields)
        case .monthReportAhead(let month):
            return (.monthReportAhead, [.month: .text(month.description)])
        case .auditTrail(let id):
            // The desk adds how many lines it found (`DecidedMessage.auditTrails`).
            return (.auditTrail, [.patient: .text(id), .count: .number(0)])
        default:
            return photoTemplate()
        }
    }
}

extension DoctorRequest {
    func fields(_ format: ClinicFormat) -> TemplateFields {
        [.request: .text(id), .name: .text(name), .specialty: .text(specialty), .address: .text(address),
         .when: .text(format.when(at)), .reason: reason.map(TemplateValue.text)]
    }
}

extension HospitalMonth {
    func fields(_ format: ClinicFormat) -> TemplateFields {
        func shown(_ money: Money) -> TemplateValue? { money.minorUnits == 0 ? nil : .text(format.money(money)) }
        func line(_ d: DoctorMonth) -> TemplateFields {
            let fees = !d.fees.isEmpty || d.outstanding.minorUnits > 0
            return [.appointments: .number(d.appointments), .completed: .number(d.completed), .noShows: .number(d.noShows),
                    .confirmed: .number(d.confirmed), .cancelledByPatients: .number(d.cancelledByPatients),
                    .cancelledByDoctor: .number(d.cancelledByDoctor), .cancelledByDesk: .number(d.cancelledByDesk),
                    .earnings: .text(format.money(d.earnings)), .fees: fees ? .flag(true) : nil, .collected: .text(format.money(d.collected)),
                    .refunded: shown(d.refunded), .outstanding: shown(d.outstanding)]
        }
        let total = total
        return [.month: .text(month.description),
                .doctors: .list(doctors.map { d in
                    var fields = line(d)
                    fields[.doctor] = .text(format.doctorName(d.doctorID))
                    return .fields(fields)
                }),
                .totals: .fields(line(total)),
                .feeColumns: total.fees.isEmpty && total.outstanding.minorUnits == 0 ? nil : .flag(true)]
    }

    /// The report as CSV (RFC 4180): one row per doctor, then the totals.
    func csv(_ format: ClinicFormat) -> String {
        func row(_ name: String, _ d: DoctorMonth) -> String {
            [CSVField.text(name), "\(d.appointments)", "\(d.completed)", "\(d.noShows)", "\(d.confirmed)", "\(d.cancelledByPatients)",
             "\(d.cancelledByDoctor)", "\(d.cancelledByDesk)", "\(d.earnings)", "\(d.collected)", "\(d.refunded)", "\(d.outstanding)"]
                .joined(separator: ",")
        }
        var lines = ["doctor,appointments,completed,no_shows,confirmed,cancelled_by_patient,cancelled_by_doctor,cancelled_by_desk,earnings,"
            + "collected,refunded,outstanding"]
        lines += doctors.map { row(format.doctorName($0.doctorID), $0) }
        lines.append(row("total", total))
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension DoctorRequestRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch self {
        case .alreadyDoctor(let name): "this address is already \(name)'s."
        case .deskAddress: "this is the front desk's address; a doctor writes from their own."
        case .patientAddress: "this address is a registered patient's; write from the address you will use as a doctor."
        case .alreadyWaiting(let request): "your request \(request.id) of \(format.when(request.at)) is still with the front desk."
        case .tooManyWaiting: "the front desk has too many requests to answer just now; please call \(format.info.phone)."
        }
    }
}

extension RequestDecisionRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch self {
        case .unknown(let id, let waiting):
            waiting.isEmpty ? "there is no request \(id), and none is waiting." : "there is no request \(id)."
        case .alreadyDecided(let request):
            "\(request.id) (\(request.name)) was \(request.status.rawValue) on \(format.when(request.decidedAt ?? request.at))."
        case .addressTaken(let request):
            "\(request.address) has become a doctor's or a registered patient's address since \(request.id) was asked; REJECT \(request.id) and ask them to write again."
        }
    }
}

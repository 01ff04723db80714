import Clinic

/// The values of the replies about paying online: a booking with its fee to pay, PAY, and what Stripe reported.
extension Outcome {
    func paymentTemplate(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .bookedWithPayment(let appointment, let due):
            var fields = format.fields(of: appointment)
            fields[.payment] = .fields(format.payFields(appointment, due))
            return (.booked, fields)
        case .payLink(let appointment, let due):
            var fields = format.fields(of: appointment)
            fields[.payment] = .fields(format.payFields(appointment, due))
            return (.payLink, fields)
        case .payRefused(let refusal):
            var fields: TemplateFields = [.why: .text(refusal.explanation(format))]
            if case .whichOne(let list) = refusal, list.count > 1 {
                fields[.appointments] = .list(list.map { .fields(format.fields(of: $0)) })
            }
            return (.payRefused, fields)
        case .paymentReport(let result):
            return (.paymentMismatch, format.reportFields(result))
        default:
            return (.problem, [:])
        }
    }
}

extension ClinicFormat {
    /// The amount, the hold and the link of a fee to pay online.
    func payFields(_ appointment: Appointment, _ due: PaymentDue) -> TemplateFields {
        [.amount: .text(money(due.amount)), .held: .flag(due.isHold), .until: due.holdUntil.map { .text(when($0)) },
         .payLink: payments.map { .text($0.link(appointment, due)) }, .ref: .text(appointment.ref),
         .failure: due.lastFailure.map(TemplateValue.text)]
    }

    /// A payment report for the desk (only a mismatch is ever sent).
    func reportFields(_ result: PaymentReportResult) -> TemplateFields {
        switch result {
        case .mismatch(let a, let expected, let got, let currency):
            var fields = self.fields(of: a)
            fields[.expected] = .text(money(expected))
            fields[.amount] = .text(got.description)
            fields[.currency] = .text(currency)
            return fields
        case .paid(let a, _), .failed(let a, _), .released(let a), .refunded(let a, _):
            return self.fields(of: a)
        case .quiet:
            return [:]
        }
    }

    /// Where a fee stands, for APPOINTMENTS.
    func feeFields(_ fee: FeeState?) -> TemplateFields {
        switch fee {
        case .paid: [.paid: .flag(true)]
        case .unpaid(let until): [.unpaid: .fields([.until: until.map { .text(when($0)) }])]
        case .refunded(let amount, let pending): [.refunded: .fields([.amount: .text(money(amount)), .pending: .flag(pending)])]
        case nil: [:]
        }
    }
}


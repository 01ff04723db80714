import Clinic
import Foundation

/// What `GET /pay/<token>` shows: the appointment's summary and the card form, or why there is nothing to
/// pay. Only what paying needs: the clinic, the doctor, the time with its zone, the fee; never the patient's
/// name, reason or contact. Reading it changes nothing (mail scanners open links).
public struct PayPage: Sendable, Equatable {
    /// 200 for a page about an appointment, 404 for a link that names none, 410 for one that expired.
    public var status: Int
    public var html: String
}

extension Desk {
    /// The page for the appointment `ref` a valid link named, at `now`.
    public func payPage(ref: String, now: Int64, publishableKey: String?, script: String) -> PayPage {
        guard let clinic = store.state.clinic, let appointment = clinic.appointment(ref: ref) else {
            return refusedPage("This payment link names no appointment.", status: 404)
        }
        // In the patient's language: the page is theirs, opened from their mail.
        let (templates, format) = templates.speaking(clinic.language(ofPatient: appointment.patientID), format(clinic))
        var fields = pageFields(format)
        fields.merge(format.fields(of: appointment)) { $1 }
        fields[.reason] = nil
        fields[.cancelLink] = nil
        if let payment = clinic.payments[ref] {
            fields[.amount] = .text(format.money(payment.amount))
            fields[.paid] = .flag(true)
        } else if !appointment.isActive || appointment.end <= now {
            fields[.closed] = .flag(true)
            fields[.status] = .text(appointment.isActive ? PageWords.over(format.language) : appointment.status.spoken(format.language))
        } else if let due = clinic.dues[ref] {
            fields[.amount] = .text(format.money(due.amount))
            fields[.until] = due.holdUntil.map { .text(format.when($0)) }
            if let secret = due.clientSecret, let key = publishableKey, !secret.isEmpty {
                fields[.payable] = .flag(true)
                fields[.publishableKey] = .text(key)
                fields[.clientSecret] = .text(secret)
                fields[.script] = .text(script)
            } else {
                fields[.preparing] = .flag(true)
            }
        } else {
            fields[.closed] = .flag(true)
            fields[.status] = .text(PageWords.notPaidOnline(format.language))
        }
        return PayPage(status: 200, html: templates.page(.pay, fields))
    }

    /// A page that says why a link does not work, and how else to pay.
    public func refusedPage(_ why: String, status: Int) -> PayPage {
        var fields = store.state.clinic.map { pageFields(ClinicFormat($0)) } ?? [:]
        fields[.refused] = .flag(true)
        fields[.why] = .text(why)
        return PayPage(status: status, html: templates.page(.pay, fields))
    }

    private func pageFields(_ format: ClinicFormat) -> TemplateFields {
        [.clinic: .text(format.info.name), .phone: .text(format.info.phone), .email: .text(format.info.deskEmail)]
    }
}

/// The pay page's words that come from code, in the patient's language.
enum PageWords {
    /// An appointment whose time has passed ("This appointment is over").
    static func over(_ language: Language) -> String {
        switch language {
        case .en: "over"
        case .ta: "முடிந்துவிட்டது"
        case .hi: "बीत चुका है"
        }
    }

    static func notPaidOnline(_ language: Language) -> String {
        switch language {
        case .en: "not paid online"
        case .ta: "ஆன்லைனில் செலுத்தப்படுவதில்லை"
        case .hi: "ऑनलाइन भुगतान के लिए नहीं है"
        }
    }
}

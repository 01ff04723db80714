import Clinic
import Foundation
import Mail

/// The calendar invites a reply carries (iMIP, RFC 6047): a booking or a reschedule sends METHOD:REQUEST, a
/// cancellation METHOD:CANCEL, all with the appointment's stable UID and its SEQUENCE (raised by every
/// reschedule and by the cancellation), so calendar programs add, move and remove one and the same event.
enum AppointmentInvites {
    static func attachments(for outcomes: [Outcome], format: ClinicFormat, recipient: MailAddress, now: Int64) -> [Attachment] {
        outcomes.compactMap { outcome in
            switch outcome {
            case .booked(let appointment), .rescheduled(let appointment, _):
                invite(appointment, .request, format: format, recipient: recipient, now: now).attachment
            case .bookedWithPayment(let appointment, let due):
                // A held slot goes into calendars once it is paid (the receipt), not while it may still be released.
                due.isHold ? nil : invite(appointment, .request, format: format, recipient: recipient, now: now).attachment
            case .cancelled(let appointment, _):
                invite(appointment, .cancel, format: format, recipient: recipient, now: now).attachment
            default:
                nil
            }
        }
    }

    static func invite(_ appointment: Appointment, _ method: CalendarInvite.Method, format: ClinicFormat, recipient: MailAddress,
                       now: Int64) -> CalendarInvite {
        let info = format.info
        let domain = info.deskEmail.split(separator: "@").last.map(String.init) ?? "caredesk.invalid"
        let doctor = format.doctor(id: appointment.doctorID)
        return CalendarInvite(
            method: method, uid: "\(appointment.ref)@\(domain)", sequence: appointment.sequence,
            stamp: Date(timeIntervalSince1970: Double(now)),
            start: Date(timeIntervalSince1970: Double(appointment.start)), end: Date(timeIntervalSince1970: Double(appointment.end)),
            timeZone: format.zone.timeZone,
            summary: "\(doctor?.name ?? appointment.doctorID)\(doctor.map { " (\($0.specialty))" } ?? "") at \(info.name)",
            location: [info.name, info.address].filter { !$0.isEmpty }.joined(separator: ", "),
            description: "Reference \(appointment.ref). To cancel, write CANCEL \(appointment.ref) to \(info.deskEmail).",
            organizer: (name: info.name, email: info.deskEmail),
            attendee: (name: recipient.name, email: recipient.address),
            alarmMinutesBefore: method == .request ? 60 : nil)
    }
}

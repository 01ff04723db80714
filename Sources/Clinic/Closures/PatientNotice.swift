/// A message the clinic owes a patient because of someone else's command (a doctor cancelling a day, the
/// desk's broadcast). The core decides who is told and what; the desk writes and sends it in the same commit,
/// by mail, or by SMS to a patient who has only a phone number.
public struct PatientNotice: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The patient's appointments that were cancelled, the reason, and free slots to book instead.
        /// `refunds`: what goes back to the card of those that were paid online, by reference.
        case cancellation(appointments: [Appointment], reason: String?, sameDoctor: [Slot], otherDoctor: [Slot], refunds: [String: Money] = [:])
        /// The desk's message about a day the patient has an appointment on.
        case message(day: LocalDate, text: String)
        /// CONTACT: the patient's own message, relayed to a doctor or the desk (the patient is the sender, not the reader).
        case relay(to: ContactRecipient, message: String)
        /// Paid online: the receipt.
        case receipt(Appointment, AppointmentPayment)
        /// A card was declined: why, and the link to try again.
        case paymentFailed(Appointment, PaymentDue)
        /// A held slot was not paid in time and is free again.
        case holdReleased(Appointment)
        /// Paid after the appointment was cancelled: all of it goes back.
        case lateRefund(Appointment, Money)
        /// A freed slot offered from the waitlist: YES <code> takes it until the hold ends.
        case slotOffered(SlotOffer)
        /// Paid a second time (another card, another attempt): the second payment goes back.
        case paidTwice(Appointment, Money)
    }

    public var patientID: String
    public var kind: Kind

    public init(patientID: String, kind: Kind) {
        self.patientID = patientID
        self.kind = kind
    }
}

/// What a day's cancellation did, for the reply to whoever asked for it.
public struct DayCancellation: Sendable, Equatable {
    public var day: LocalDate
    /// The doctors whose day it was (one, or every doctor for the desk's ALL).
    public var doctorIDs: [String]
    public var cancelled: [Appointment]
    /// Patients told by mail, by name, once each.
    public var notified: [String]
    /// Patients with no email address but a phone number: told by SMS.
    public var texted: [String]
    /// Patients with neither: not told at all (the desk calls them).
    public var unreachable: [String]

    public init(day: LocalDate, doctorIDs: [String], cancelled: [Appointment], notified: [String], texted: [String] = [], unreachable: [String]) {
        self.day = day
        self.doctorIDs = doctorIDs
        self.cancelled = cancelled
        self.notified = notified
        self.texted = texted
        self.unreachable = unreachable
    }
}

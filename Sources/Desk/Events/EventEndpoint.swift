/// Another system that hears of the clinic's events by webhook (Standard Webhooks): its URL, the secret the
/// requests are signed with (`whsec_…`), and the event types it wants (all when none are named).
public struct EventEndpoint: Sendable, Codable, Equatable {
    public var url: String
    public var secret: String
    public var events: [String]?

    public init(url: String, secret: String, events: [String]? = nil) {
        self.url = url
        self.secret = secret
        self.events = events
    }

    public func wants(_ type: EventType) -> Bool { events.map { $0.contains(type.rawValue) } ?? true }
}

/// The events other systems may hear of.
public enum EventType: String, Sendable, CaseIterable {
    case appointmentBooked = "appointment.booked"
    case appointmentCancelled = "appointment.cancelled"
    case appointmentRescheduled = "appointment.rescheduled"
    case reminderSent = "reminder.sent"
    /// A fee paid (PAID <ref> CASH at the desk; by card later), with its amount and how.
    case appointmentPaid = "appointment.paid"
    /// Money given back for a cancelled appointment paid online (Stripe confirmed the refund).
    case appointmentRefunded = "appointment.refunded"
}

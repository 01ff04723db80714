import Clinic

/// Hands outbox messages to their destination: an SMTP server, the local Maildir, later an SMS gateway.
/// A delivery pass gives each worker its own courier, so a courier may keep a connection open between
/// messages; it is used by one thread at a time.
public protocol Courier: AnyObject, Sendable {
    func hand(_ message: OutboxMessage) -> CourierResult
}

/// How a courier's attempt ended.
public enum CourierResult: Sendable, Equatable {
    case sent
    /// Stripe did what was asked and answered with something the clinic records.
    case answered(PaymentReport)
    /// The destination refused this message for now (4xx): try it again later.
    case deferred(String)
    /// The destination refused it for good (5xx).
    case refused(String)
    /// The destination could not be reached at all (refused connection, timeout): stop the pass, try later.
    case unreachable(String)
    /// An event webhook endpoint answered 410 Gone: fail the message and tell the endpoint nothing more.
    case gone(String)

    var attempt: AttemptOutcome {
        switch self {
        case .sent: .sent
        case .answered(let report): .answered(report)
        case .deferred(let reason), .unreachable(let reason): .temporary(reason)
        case .refused(let reason): .permanent(reason)
        case .gone(let reason): .gone(reason)
        }
    }
}

/// What became of one SMS handed to `TwilioMessages.send`.
///
/// Reasons carry HTTP statuses, the gateway's error code and message, and
/// libcurl's error text, never the message body.
public enum SMSOutcome: Sendable, Equatable {
    /// Accepted (2xx); the gateway's message SID ("SM…") when it gave one.
    case sent(sid: String?)
    /// Try again later: 429, 5xx, and unexpected statuses.
    case deferred(String)
    /// Do not retry: every other 4xx (bad number, opted-out recipient, bad credentials).
    case refused(String)
    /// No HTTP answer: connection refused, DNS, TLS, timeout. Retry later.
    case unreachable(String)
}

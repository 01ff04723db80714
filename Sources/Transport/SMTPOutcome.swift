/// What became of one message handed to `SMTPSender.send`.
///
/// Reasons carry reply codes, server reply lines and libcurl's error text,
/// never message content.
public enum SMTPOutcome: Sendable, Equatable {
    /// Accepted by the relay; the text is its final reply line when known
    /// (e.g. "250 2.0.0 Ok: queued as 4Xyz").
    case sent(String)
    /// Try again later: 4xx replies, and every network, DNS, timeout or TLS failure.
    case temporary(code: Int?, reason: String)
    /// Do not retry: 5xx replies, and envelopes refused before any network use.
    case permanent(code: Int?, reason: String)
}

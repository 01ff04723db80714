/// Why a Stripe call did not give what was asked: whether to try again later, and Stripe's own words.
public struct StripeFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status, nil when no answer came.
    public var status: Int?
    public var error: StripeErrorBody?
    /// What went wrong on the way (no connection, a timeout), or an answer that could not be read.
    public var transport: String?

    /// No answer, a rate limit, an idempotency conflict in flight or a server error: the same call (with
    /// the same Idempotency-Key) may be made again. Any other 4xx is final (a declined card is 402).
    public var isRetryable: Bool {
        guard let status else { return true }
        return status == 409 || status == 429 || status >= 500
    }

    public var description: String {
        if let transport { return "Stripe unreachable: \(transport)" }
        let words = [error?.code, error?.declineCode, error?.message].compactMap { $0 }.joined(separator: ": ")
        return "Stripe answered \(status.map(String.init) ?? "?")" + (words.isEmpty ? "" : " (\(words))")
    }
}

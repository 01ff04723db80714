import Foundation

/// Sends SMS through a Twilio-compatible Messages API: a form-encoded
/// POST of From, To and Body with basic auth (account SID : auth token).
///
/// Like `HTTPPoster`, which it wraps: one per worker thread, not Sendable,
/// `send` blocks.
public final class TwilioMessages {
    public let configuration: TwilioConfiguration
    private let poster: HTTPPoster

    public init(configuration: TwilioConfiguration, poster: HTTPPoster) {
        self.configuration = configuration
        self.poster = poster
    }

    /// With a poster of its own, using the configuration's timeouts.
    public convenience init(configuration: TwilioConfiguration) throws(CurlError) {
        let poster = try HTTPPoster(
            connectTimeout: configuration.connectTimeout, transferTimeout: configuration.transferTimeout)
        self.init(configuration: configuration, poster: poster)
    }

    /// Sends `body` to `to` (an E.164 number, checked by the gateway).
    public func send(to: String, body: String) -> SMSOutcome {
        let form = FormEncoding.encode([("From", configuration.from), ("To", to), ("Body", body)])
        let result = poster.post(
            url: configuration.messagesURL,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Data(form.utf8),
            basicAuth: HTTPCredentials(username: configuration.accountSID, password: configuration.authToken))
        switch result {
        case .success(let response):
            return Self.outcome(of: response)
        case .failure(let error):
            return .unreachable(error.description)
        }
    }

    /// 2xx sent; 429 and 5xx deferred; other 4xx refused; anything else
    /// (1xx, 3xx: a redirecting proxy or a wrong base URL) deferred, so it
    /// goes once the operator fixes it.
    static func outcome(of response: HTTPResult) -> SMSOutcome {
        let reply = TwilioReply(response.body)
        switch response.status {
        case 200...299:
            return .sent(sid: reply.sid)
        case 429, 500...599:
            return .deferred(reply.reason(status: response.status))
        case 400...499:
            return .refused(reply.reason(status: response.status))
        default:
            return .deferred(reply.reason(status: response.status) + " (unexpected status)")
        }
    }
}

import Foundation

/// Where and as whom `TwilioMessages` sends SMS: a Twilio-compatible
/// Messages API, validated up front.
public struct TwilioConfiguration: Sendable, Equatable {
    /// `https://api.twilio.com` or another gateway speaking the same API; no
    /// trailing slash. Plain `http://` only to a loopback host (a test gateway),
    /// since the auth token travels in every request.
    public let baseURL: String
    /// The account SID ("AC…"): letters and digits, it is part of the URL path.
    public let accountSID: String
    public let authToken: String
    /// The sender: an E.164 number, a short code or a messaging service's sender ID.
    public let from: String
    /// Seconds to establish TCP (and TLS) with the gateway.
    public let connectTimeout: Double
    /// Seconds for one whole request, connection included.
    public let transferTimeout: Double

    public static let defaultBaseURL = "https://api.twilio.com"

    public init(
        baseURL: String = TwilioConfiguration.defaultBaseURL, accountSID: String, authToken: String, from: String,
        connectTimeout: Double = 10, transferTimeout: Double = 30
    ) throws(TwilioConfigurationError) {
        var base = baseURL
        while base.hasSuffix("/") {
            base.removeLast()
        }
        self.baseURL = base
        self.accountSID = accountSID
        self.authToken = authToken
        self.from = from
        self.connectTimeout = connectTimeout
        self.transferTimeout = transferTimeout
        try validate()
    }

    /// Where a message to send is POSTed.
    public var messagesURL: String {
        "\(baseURL)/2010-04-01/Accounts/\(accountSID)/Messages.json"
    }

    private func validate() throws(TwilioConfigurationError) {
        guard let parts = URLComponents(string: baseURL), let scheme = parts.scheme?.lowercased(),
              let host = parts.host, !host.isEmpty, parts.user == nil, parts.password == nil,
              parts.query == nil, parts.fragment == nil else {
            throw TwilioConfigurationError("base URL '\(baseURL)' must look like https://host[:port][/path]")
        }
        guard scheme == "https" || (scheme == "http" && Self.isLoopback(host)) else {
            throw TwilioConfigurationError("base URL must be https:// (http:// only to a loopback test gateway)")
        }
        guard !accountSID.isEmpty, accountSID.utf8.allSatisfy(Self.isAlphanumeric) else {
            throw TwilioConfigurationError("the account SID must be letters and digits")
        }
        guard !authToken.isEmpty else { throw TwilioConfigurationError("the auth token is empty") }
        guard !from.isEmpty, !from.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            throw TwilioConfigurationError("the sender (From) must be non-empty and printable")
        }
        for (name, seconds) in [("connectTimeout", connectTimeout), ("transferTimeout", transferTimeout)]
        where !(seconds.isFinite && seconds > 0) {
            throw TwilioConfigurationError("\(name) must be a positive number of seconds")
        }
    }

    private static func isLoopback(_ host: String) -> Bool {
        ["localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

extension TwilioConfiguration: CustomStringConvertible {
    /// Never shows the auth token.
    public var description: String {
        "Twilio \(baseURL) account=\(accountSID) from=\(from) token=<redacted>"
    }
}

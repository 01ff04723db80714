extension TwilioConfiguration {
    /// The environment variables `fromEnvironment` reads.
    public enum Environment {
        public static let baseURL = "CAREDESK_TWILIO_BASE_URL"
        public static let accountSID = "CAREDESK_TWILIO_ACCOUNT_SID"
        public static let authToken = "CAREDESK_TWILIO_AUTH_TOKEN"
        public static let from = "CAREDESK_TWILIO_FROM"
    }

    /// The configuration from the environment: nil when the account SID, the
    /// auth token or the sender is absent or empty (SMS is not configured);
    /// throws when what is given is unusable. The base URL defaults to
    /// `https://api.twilio.com`.
    public static func fromEnvironment(
        _ environment: [String: String], connectTimeout: Double = 10, transferTimeout: Double = 30
    ) throws(TwilioConfigurationError) -> TwilioConfiguration? {
        guard let accountSID = environment[Environment.accountSID].nonEmpty,
              let authToken = environment[Environment.authToken].nonEmpty,
              let from = environment[Environment.from].nonEmpty else {
            return nil
        }
        return try TwilioConfiguration(
            baseURL: environment[Environment.baseURL].nonEmpty ?? defaultBaseURL,
            accountSID: accountSID, authToken: authToken, from: from,
            connectTimeout: connectTimeout, transferTimeout: transferTimeout)
    }
}

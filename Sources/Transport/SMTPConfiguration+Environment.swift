extension SMTPConfiguration {
    /// The environment variables `fromEnvironment` reads.
    public enum Environment {
        public static let url = "CAREDESK_SMTP_URL"
        public static let user = "CAREDESK_SMTP_USER"
        public static let password = "CAREDESK_SMTP_PASSWORD"
    }

    /// The configuration from the environment and the configuration file.
    ///
    /// `CAREDESK_SMTP_URL` wins over `fileURL` (the file's value); credentials
    /// come only from `CAREDESK_SMTP_USER` / `CAREDESK_SMTP_PASSWORD`. Empty
    /// values count as absent. Returns nil when no URL is given at all (mail
    /// delivery is not configured); throws when what is given is unusable.
    public static func fromEnvironment(
        _ environment: [String: String],
        fileURL: String?,
        requireTLS: Bool = true,
        caFile: String? = nil,
        connectTimeout: Double = 10,
        transferTimeout: Double = 60,
        heloName: String? = nil
    ) throws(SMTPConfigurationError) -> SMTPConfiguration? {
        guard let url = environment[Environment.url].nonEmpty ?? fileURL.nonEmpty else {
            return nil
        }
        return try SMTPConfiguration(
            url: url,
            requireTLS: requireTLS,
            username: environment[Environment.user],
            password: environment[Environment.password],
            caFile: caFile,
            connectTimeout: connectTimeout,
            transferTimeout: transferTimeout,
            heloName: heloName)
    }
}

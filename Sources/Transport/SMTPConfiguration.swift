import Foundation

/// Where and how `SMTPSender` delivers: one relay, validated up front.
public struct SMTPConfiguration: Sendable, Equatable {
    /// `smtp://host[:port]` (plain, optionally STARTTLS) or `smtps://host[:port]`
    /// (TLS from the first byte). No path, query, or credentials in the URL.
    public let url: String
    /// STARTTLS is mandatory on `smtp://` (libcurl `CURLUSESSL_ALL`): a server
    /// that does not offer it gets nothing, not even MAIL FROM. When false, no
    /// STARTTLS is attempted at all (never "try TLS, fall back to clear").
    public let requireTLS: Bool
    public let username: String?
    public let password: String?
    /// PEM bundle of trusted CAs (CURLOPT_CAINFO); nil uses the system store.
    public let caFile: String?
    /// Seconds to establish TCP (and TLS) with the relay.
    public let connectTimeout: Double
    /// Seconds for one whole message, connection included.
    public let transferTimeout: Double
    /// Name sent in EHLO; nil lets libcurl choose.
    public let heloName: String?

    public init(
        url: String,
        requireTLS: Bool = true,
        username: String? = nil,
        password: String? = nil,
        caFile: String? = nil,
        connectTimeout: Double = 10,
        transferTimeout: Double = 60,
        heloName: String? = nil
    ) throws(SMTPConfigurationError) {
        let server = try SMTPServerURL(url)
        self.url = url
        self.requireTLS = requireTLS
        self.username = username.nonEmpty
        self.password = password.nonEmpty
        self.caFile = caFile.nonEmpty
        self.connectTimeout = connectTimeout
        self.transferTimeout = transferTimeout
        self.heloName = heloName.nonEmpty
        try validate(implicitTLS: server.implicitTLS)
    }

    private func validate(implicitTLS: Bool) throws(SMTPConfigurationError) {
        if (username == nil) != (password == nil) {
            throw SMTPConfigurationError("give both a user name and a password, or neither")
        }
        if username != nil && !implicitTLS && !requireTLS {
            throw SMTPConfigurationError("credentials would travel in clear: use smtps:// or requireTLS")
        }
        for (name, seconds) in [("connectTimeout", connectTimeout), ("transferTimeout", transferTimeout)]
        where !(seconds.isFinite && seconds > 0) {
            throw SMTPConfigurationError("\(name) must be a positive number of seconds")
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw SMTPConfigurationError("CA file '\(caFile)' is not readable")
        }
        if let heloName, !SMTPServerURL.isHELOName(heloName) {
            throw SMTPConfigurationError("heloName must be a host name or an address literal")
        }
    }

    /// The URL handed to libcurl: libcurl takes the EHLO name from the URL path.
    var curlURL: String {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        return heloName.map { "\(base)/\($0)" } ?? base
    }
}

extension SMTPConfiguration: CustomStringConvertible {
    /// Never shows the password.
    public var description: String {
        let user = username.map { " user=\($0) password=<redacted>" } ?? ""
        return "SMTP \(url) requireTLS=\(requireTLS)\(user)"
    }
}

extension Optional where Wrapped == String {
    /// nil for an absent or empty string.
    var nonEmpty: String? {
        switch self {
        case .some(let value) where !value.isEmpty: value
        default: nil
        }
    }
}

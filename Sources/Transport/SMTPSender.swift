import CCurlShims
import Foundation

/// Sends messages to one SMTP relay over one kept connection.
///
/// One sender per worker thread: it owns one libcurl easy handle, reused for
/// every message so consecutive sends share a connection (and one EHLO,
/// STARTTLS and AUTH). It is deliberately not Sendable; create it on the
/// thread that uses it, or hand it over whole. `send` blocks.
public final class SMTPSender {
    public let configuration: SMTPConfiguration
    private let handle: EasyHandle

    public init(configuration: SMTPConfiguration) throws(CurlError) {
        self.configuration = configuration
        handle = try EasyHandle()
        try configure()
    }

    private func configure() throws(CurlError) {
        let configuration = configuration
        try handle.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        try handle.set(CURLOPT_URL, configuration.curlURL)
        try handle.set(CURLOPT_UPLOAD, 1)
        let useTLS = configuration.requireTLS ? CURLUSESSL_ALL : CURLUSESSL_NONE
        try handle.set(CURLOPT_USE_SSL, Int(useTLS.rawValue))
        try handle.set(CURLOPT_CAINFO, configuration.caFile)
        try handle.set(CURLOPT_USERNAME, configuration.username)
        try handle.set(CURLOPT_PASSWORD, configuration.password)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout * 1000))
        try handle.set(CURLOPT_TIMEOUT_MS, Int(configuration.transferTimeout * 1000))
        try handle.discardBody()
        try handle.collectHeaders(limit: 8192)
    }

    /// Sends `message` from `envelopeFrom` ("" for the null reverse-path
    /// `MAIL FROM:<>`, as bounces use) to every address in `recipients`.
    ///
    /// `message` should already use CRLF line ends; see `SMTPBody` for what
    /// is corrected otherwise. All recipients must be accepted or nothing is
    /// sent (a single refused RCPT fails the whole message).
    public func send(envelopeFrom: String, recipients: [String], message: Data) -> SMTPOutcome {
        if let refusal = EnvelopeAddress.refusal(from: envelopeFrom, to: recipients) {
            return refusal
        }
        return message.withUnsafeBytes { original in
            if let corrected = SMTPBody.normalised(original) {
                return corrected.withUnsafeBytes { transfer(from: envelopeFrom, to: recipients, body: $0) }
            }
            return transfer(from: envelopeFrom, to: recipients, body: original)
        }
    }

    private func transfer(from sender: String, to recipients: [String], body: UnsafeRawBufferPointer) -> SMTPOutcome {
        var upload = ccurl_upload(
            bytes: body.baseAddress?.assumingMemoryBound(to: UInt8.self), length: body.count, offset: 0)
        do throws(CurlError) {
            // libcurl strips one pair of angle brackets and sends "<>" for an empty address.
            try handle.set(CURLOPT_MAIL_FROM, sender.isEmpty ? "<>" : sender)
            try handle.set(CURLOPT_INFILESIZE_LARGE, offset: body.count)
            let code = try withUnsafeMutablePointer(to: &upload) { upload throws(CurlError) in
                try handle.setUpload(upload)
                defer { try? handle.setUpload(nil) }
                return try handle.withList(CURLOPT_MAIL_RCPT, recipients) { handle.perform() }
            }
            let replyCode = handle.responseCode
            let replyLine = handle.withHeaderBytes { SMTPReplies.lastLine(withCode: replyCode, in: $0) }
            return SMTPOutcome.classify(
                code: code, replyCode: replyCode, replyLine: replyLine, failureText: handle.failureText(code))
        } catch {
            return .temporary(code: nil, reason: error.description)
        }
    }

    /// How many connections the latest `send` had to open (0 when it reused one).
    public var connectionsOpenedByLastSend: Int { handle.newConnections }
}

import CCurlShims

extension SMTPOutcome {
    /// Classifies a finished libcurl SMTP transfer.
    ///
    /// - `replyCode`: CURLINFO_RESPONSE_CODE, the last SMTP reply code seen.
    /// - `replyLine`: the last server reply line with that code, if any.
    /// - `failureText`: libcurl's text for `code`.
    static func classify(code: CURLcode, replyCode: Int, replyLine: String?, failureText: String) -> SMTPOutcome {
        if code == CURLE_OK {
            return .sent(replyLine ?? "")
        }
        switch replyCode {
        case 400..<500:
            return .temporary(code: replyCode, reason: replyLine ?? "\(replyCode) (\(failureText))")
        case 500..<600:
            return .permanent(code: replyCode, reason: replyLine ?? "\(replyCode) (\(failureText))")
        default:
            return .temporary(code: nil, reason: "\(CurlFailure(code).label): \(failureText)")
        }
    }
}

extension CurlFailure {
    var label: String {
        switch self {
        case .resolve: "name resolution failed"
        case .connect: "could not connect"
        case .timeout: "timed out"
        case .tls: "TLS failed"
        case .sendReceive: "connection failed"
        case .tooLarge: "response too large"
        case .other: "transfer failed"
        }
    }
}

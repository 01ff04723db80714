import Crypto
import Foundation

/// Signing and verifying per the Standard Webhooks spec: the
/// `webhook-signature` header holds `v1,<base64 HMAC-SHA256>` over
/// `"<webhook-id>.<webhook-timestamp>.<body>"`, keyed with the secret's bytes.
public struct StandardWebhookSignature: Sendable {
    private let secret: Data

    /// `secret` is `whsec_<base64>`, or the base64 alone.
    public init(secret: String) throws(StandardWebhookError) {
        let encoded = secret.hasPrefix(Self.secretPrefix) ? String(secret.dropFirst(Self.secretPrefix.count)) : secret
        guard let bytes = Data(base64Encoded: encoded), !bytes.isEmpty else {
            throw StandardWebhookError(.badSecret)
        }
        self.secret = bytes
    }

    static let secretPrefix = "whsec_"

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// The `webhook-signature` header value for a message: `v1,<base64>`.
    /// `timestamp` is in seconds since 1970.
    public func sign(id: String, timestamp: Int, body: Data) -> String {
        let text = Self.signedText(id: id, timestamp: String(timestamp), body: body)
        let code = HMAC<SHA256>.authenticationCode(for: text, using: key)
        return "v1," + Data(code).base64EncodedString()
    }

    /// Checks the three headers (nil when absent) against `body`: the
    /// timestamp must be decimal seconds within `tolerance` of `now` either
    /// way, and one of the space-separated `v1,` signatures must match
    /// (compared in constant time; other versions are ignored).
    public func verify(
        id: String?, timestamp: String?, signatureHeader: String?, body: Data,
        now: Date, tolerance: TimeInterval = 300
    ) throws(StandardWebhookError) {
        guard let id, !id.isEmpty else { throw StandardWebhookError(.missingHeader("webhook-id")) }
        guard let timestamp, !timestamp.isEmpty else { throw StandardWebhookError(.missingHeader("webhook-timestamp")) }
        guard let signatureHeader, !signatureHeader.isEmpty else {
            throw StandardWebhookError(.missingHeader("webhook-signature"))
        }
        guard timestamp.utf8.count <= 15, timestamp.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let seconds = Int(timestamp) else {
            throw StandardWebhookError(.badTimestamp)
        }
        let sent = TimeInterval(seconds)
        let current = now.timeIntervalSince1970
        if sent < current - tolerance { throw StandardWebhookError(.timestampTooOld) }
        if sent > current + tolerance { throw StandardWebhookError(.timestampTooNew) }

        let text = Self.signedText(id: id, timestamp: timestamp, body: body)
        // Split on the bytes, not on Characters: a space followed by a combining mark is one Character, which
        // would glue two entries together.
        for entry in signatureHeader.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true).map(Substring.init) {
            let parts = entry.utf8.split(separator: UInt8(ascii: ","), maxSplits: 1, omittingEmptySubsequences: false).map(Substring.init)
            guard parts.count == 2, parts[0] == "v1", let given = Data(base64Encoded: String(parts[1])) else {
                continue
            }
            if HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: text, using: key) {
                return
            }
        }
        throw StandardWebhookError(.noMatchingSignature)
    }

    static func signedText(id: String, timestamp: String, body: Data) -> Data {
        var text = Data("\(id).\(timestamp).".utf8)
        text.append(body)
        return text
    }
}

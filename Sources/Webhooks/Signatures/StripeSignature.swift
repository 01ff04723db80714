import Crypto
import Foundation

/// Stripe's webhook signature (docs.stripe.com/webhooks, "verify manually"): the `Stripe-Signature` header
/// is `t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]`; each `v1` is the hex HMAC-SHA256 of `"<t>.<raw body>"`,
/// keyed with the endpoint's signing secret (`whsec_…`) as it is written. Any one `v1` may match (Stripe
/// sends several while a secret is being rolled); other schemes are ignored. The timestamp must lie within
/// the tolerance (300 s), so a captured event cannot be replayed later.
public struct StripeSignature: Sendable {
    private let secret: Data

    public init(secret: String) throws(StripeSignatureError) {
        guard !secret.isEmpty else { throw StripeSignatureError(.badSecret) }
        self.secret = Data(secret.utf8)
    }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// The header value Stripe would send for `body` at `timestamp`.
    public func sign(timestamp: Int, body: Data) -> String {
        "t=\(timestamp),v1=" + Self.hex(HMAC<SHA256>.authenticationCode(for: Self.signedText(String(timestamp), body), using: key))
    }

    /// Checks the header (nil when absent) against the raw body at `now`.
    public func verify(header: String?, body: Data, now: Date, tolerance: TimeInterval = 300) throws(StripeSignatureError) {
        guard let header, !header.isEmpty else { throw StripeSignatureError(.missingHeader) }
        var timestamp: Substring?
        var signatures: [Data] = []
        // Split on the bytes, not on Characters: a "," followed by a combining mark is one Character, which
        // would glue two items together.
        for item in header.utf8.split(separator: UInt8(ascii: ",")).map(Substring.init) {
            let pair = item.utf8.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false).map(Substring.init)
            guard pair.count == 2 else { continue }
            let name = pair[0].trimmingCharacters(in: .whitespaces)
            if name == "t", timestamp == nil { timestamp = pair[1] }
            if name == "v1", let bytes = Self.bytes(fromHex: pair[1]) { signatures.append(bytes) }
        }
        guard let timestamp, timestamp.utf8.count <= 15, timestamp.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let seconds = Int(timestamp) else { throw StripeSignatureError(.badTimestamp) }
        let current = now.timeIntervalSince1970
        if TimeInterval(seconds) < current - tolerance { throw StripeSignatureError(.timestampTooOld) }
        if TimeInterval(seconds) > current + tolerance { throw StripeSignatureError(.timestampTooNew) }
        guard !signatures.isEmpty else { throw StripeSignatureError(.noSignature) }
        let text = Self.signedText(String(timestamp), body)
        for given in signatures where HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: text, using: key) {
            return
        }
        throw StripeSignatureError(.noMatchingSignature)
    }

    static func signedText(_ timestamp: String, _ body: Data) -> Data {
        var text = Data("\(timestamp).".utf8)
        text.append(body)
        return text
    }

    static func hex(_ code: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in code {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower- or upper-case hex of whole bytes; nil for anything else.
    static func bytes(fromHex text: Substring) -> Data? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count % 2 == 0, utf8.count <= 256 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            case 0x41...0x46: c - 0x41 + 10
            default: nil
            }
        }
        var out = Data(capacity: utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let high = value(utf8[i]), let low = value(utf8[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }
}

import Crypto
import Foundation

/// Mints pay-link tokens where the desk writes its replies, which is synchronous (one commit per batch,
/// no awaiting inside it): a compact JWS (RFC 7515) with the JWT header `{"alg":"HS256","typ":"JWT"}` and
/// the claims `sub` (the appointment's reference) and `exp` (RFC 7519 section 4.1), HMAC-SHA256 under the
/// link secret. `PayLinks` (jwt-kit) checks them; the tests hold the two to each other. The same reference,
/// expiry and secret always give the same token, so a replayed reply names the same link.
public struct PayLinkSigner: Sendable {
    private let key: SymmetricKey

    /// `secret`: at least 32 bytes, as for `PayLinks`.
    public init(secret: String) throws(PayLinkError) {
        guard secret.utf8.count >= 32 else { throw PayLinkError.weakSecret }
        key = SymmetricKey(data: Data(secret.utf8))
    }

    private static let header = base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    public func token(ref: String, expiresAt: Int64) -> String {
        // A reference is letters and digits: nothing in it needs escaping in JSON.
        let claims = #"{"sub":"\#(ref.filter { $0.isLetter || $0.isNumber })","exp":\#(expiresAt)}"#
        let input = Self.header + "." + Self.base64URL(Data(claims.utf8))
        let signature = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: key)
        return input + "." + Self.base64URL(Data(signature))
    }

    static func base64URL(_ data: Data) -> String {
        var text = data.base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}

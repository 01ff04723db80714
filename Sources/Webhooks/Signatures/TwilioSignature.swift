import Crypto
import Foundation

/// Twilio's request signature (`X-Twilio-Signature`): base64 of
/// HMAC-SHA1 keyed with the account's auth token over the full URL Twilio
/// called, followed by every POST parameter as name then value, sorted by
/// name (and, for a repeated name, by value).
///
/// The URL must be the public one Twilio was given, query included, not
/// the one the server saw behind a proxy.
public enum TwilioSignature {
    /// The signature Twilio sends for this request.
    public static func expected(
        url: String, parameters: [(name: String, value: String)], authToken: String
    ) -> String {
        Data(code(url: url, parameters: parameters, authToken: authToken)).base64EncodedString()
    }

    /// Whether `signature` (the header's value, nil when absent) is Twilio's
    /// for this request. Compares in constant time; an empty token or an
    /// absent, empty or non-base64 signature is never valid.
    public static func isValid(
        signature: String?, url: String, parameters: [(name: String, value: String)], authToken: String
    ) -> Bool {
        guard !authToken.isEmpty, let signature, let given = Data(base64Encoded: signature), !given.isEmpty else {
            return false
        }
        return HMAC<Insecure.SHA1>.isValidAuthenticationCode(
            given, authenticating: signedText(url: url, parameters: parameters), using: key(authToken))
    }

    static func signedText(url: String, parameters: [(name: String, value: String)]) -> Data {
        let sorted = parameters.sorted { left, right in
            if left.name != right.name {
                return left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
            }
            return left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
        }
        var text = Data(url.utf8)
        for parameter in sorted {
            text.append(contentsOf: parameter.name.utf8)
            text.append(contentsOf: parameter.value.utf8)
        }
        return text
    }

    private static func code(
        url: String, parameters: [(name: String, value: String)], authToken: String
    ) -> HashedAuthenticationCode<Insecure.SHA1> {
        HMAC<Insecure.SHA1>.authenticationCode(for: signedText(url: url, parameters: parameters), using: key(authToken))
    }

    private static func key(_ authToken: String) -> SymmetricKey {
        SymmetricKey(data: Data(authToken.utf8))
    }
}

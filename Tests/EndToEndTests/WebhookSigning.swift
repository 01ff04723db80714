import Crypto
import Foundation

/// Signs webhook requests as their senders do, written here from the senders' documentation and not shared
/// with the code that checks them.
enum WebhookSigning {
    /// Twilio: base64 HMAC-SHA1 of the full URL followed by each POST parameter's name and value, sorted by name.
    static func twilio(url: String, parameters: [(String, String)], token: String) -> String {
        let text = url + parameters.sorted { $0.0 < $1.0 }.map { $0.0 + $0.1 }.joined()
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(token.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// Standard Webhooks: `v1,` and base64 HMAC-SHA256 of "id.timestamp.body" keyed with the secret's bytes.
    static func standard(id: String, timestamp: Int64, body: Data, secret: String) -> String {
        let key = Data(base64Encoded: String(secret.dropFirst("whsec_".count)))!
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).".utf8) + body, using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// application/x-www-form-urlencoded, as Twilio posts it.
    static func form(_ parameters: [(String, String)]) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return Data(parameters.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&").utf8)
    }
}

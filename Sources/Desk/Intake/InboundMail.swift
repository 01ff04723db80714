import Crypto
import Foundation
import Mail

/// An inbound message as read from a spool, parsed, with the key that makes handling it idempotent.
public struct InboundMail: Sendable {
    public let raw: Data
    public let message: MailMessage
    /// "<message-id>" when the message has a usable one; otherwise "sha256:<hex of the content>".
    public let key: String

    public init(raw: Data) {
        self.raw = raw
        message = MailMessage.parse(raw)
        if let id = message.messageID, !id.isEmpty, id.utf8.count <= 250, !id.contains(where: { $0.isWhitespace }) {
            key = "<\(id)>"
        } else {
            key = "sha256:" + InboundMail.hex(SHA256.hash(data: raw))
        }
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A stable 64-bit seed and a stable id, both derived from the key, so a replay decides and names alike.
    var seed: UInt64 {
        SHA256.hash(data: Data(key.utf8)).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    func derivedID(_ purpose: String) -> String {
        String(InboundMail.hex(SHA256.hash(data: Data((key + "\n" + purpose).utf8))).prefix(32))
    }
}

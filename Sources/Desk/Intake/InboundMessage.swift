import Clinic
import Crypto
import Foundation
import Mail

/// An inbound message as read from a spool, parsed, with the key that makes handling it idempotent; or a
/// text message a webhook brought (an SMS, the generic JSON feed), held in the same shape.
public struct InboundMessage: Sendable {
    public let raw: Data
    public private(set) var message: MailMessage
    /// "<message-id>" when the message has a usable one; otherwise "sha256:<hex of the content>". For a
    /// webhook's message, "<source>:<the id its source gave it>" (e.g. "sms:SM…", the Twilio MessageSid).
    public private(set) var key: String
    /// How it came and how it is answered: mail, or SMS (the sender is then an E.164 number).
    public let channel: Sender.Channel
    /// Brought by the signed JSON webhook: the system that signed it vouches for its `from`.
    public var signedWebhook = false
    /// The message's size when it was over the desk's limit: only its header was read, and it is refused.
    public private(set) var oversize: Int?

    /// A text message from a webhook: `from` an E.164 number (SMS) or an email address, `id` the id its
    /// source gave it, which makes handling it again a no-op.
    public init(text: String, from: String, subject: String? = nil, channel: Sender.Channel, source: String, id: String) {
        var message = MailMessage()
        message.from = MailAddress(name: nil, address: from)
        message.text = text
        message.subject = subject ?? ""
        self.message = message
        raw = Data(text.utf8)
        key = "\(source):\(id)"
        self.channel = channel
    }

    /// A message read with a limit: an oversized one is known by its header alone (no command in it is read).
    public init(_ read: BoundedRead) {
        guard let size = read.oversize else {
            self.init(raw: read.data)
            return
        }
        self.init(raw: read.data)
        oversize = size
        message.text = ""
        message.attachments = []
        if message.messageID == nil || key.hasPrefix("sha256:") {
            key = "sha256:" + InboundMessage.hex(SHA256.hash(data: read.data + Data("\n\(size)".utf8)))
        }
    }

    public init(raw: Data) {
        self.raw = raw
        channel = .email
        message = MailMessage.parse(raw)
        if let id = message.messageID, !id.isEmpty, id.utf8.count <= 250, !InboundMessage.holdsWhitespace(id) {
            key = "<\(id)>"
        } else {
            key = "sha256:" + InboundMessage.hex(SHA256.hash(data: raw))
        }
    }

    /// Whether `text` holds whitespace (Unicode's sense); plain ASCII, the usual case, is checked byte by byte.
    static func holdsWhitespace(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
        }
        return text.contains(where: \.isWhitespace)
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

    /// A stable 64-bit seed and a stable id, both derived from the key: the id names what the message
    /// causes (alike in a replay); the seed is used only for predictable randomness (demo and tests).
    var seed: UInt64 { Self.seed(of: key) }

    static func seed(of key: String) -> UInt64 {
        SHA256.hash(data: Data(key.utf8)).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    func derivedID(_ purpose: String) -> String {
        String(InboundMessage.hex(SHA256.hash(data: Data((key + "\n" + purpose).utf8))).prefix(32))
    }
}

import Clinic
import Crypto
import Foundation

/// A sender's name in the hourly allowance: an HMAC of the channel and the folded address under the store's
/// key, so the store counts messages without keeping who sent them (an erased patient's address is not
/// left behind in the counts), and nobody can make two senders share a count.
struct SenderTags {
    private let key: SymmetricKey

    init(keyHex: String) {
        key = SymmetricKey(data: BounceSigner.bytes(fromHex: keyHex))
    }

    func tag(_ channel: Sender.Channel, _ address: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("allowance \(channel.rawValue) \(address)".utf8), using: key)
        return String(InboundMail.hex(code).prefix(16))
    }
}

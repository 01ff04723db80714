import Clinic
import Crypto
import Foundation

/// A sender's name in the hourly allowance: an HMAC of the channel and the folded address under the store's
/// key, so the store counts messages without keeping who sent them (an erased patient's address is not
/// left behind in the counts), and nobody can make two senders share a count.
/// The tags of recent senders are remembered in memory (never in the store): most mail comes from people
/// who wrote before, and an HMAC per message was a tenth of deciding one.
final class SenderTags {
    private let key: SymmetricKey
    private var known: [String: String] = [:]
    /// Past this many senders the memory starts again.
    static let remembered = 100_000

    init(keyHex: String) {
        key = SymmetricKey(data: BounceSigner.bytes(fromHex: keyHex))
    }

    func tag(_ channel: Sender.Channel, _ address: String) -> String {
        let name = channel == .email ? address : "\(channel.rawValue) \(address)"
        if let tag = known[name] { return tag }
        let code = HMAC<SHA256>.authenticationCode(for: Data("allowance \(channel.rawValue) \(address)".utf8), using: key)
        let tag = String(InboundMessage.hex(code).prefix(16))
        if known.count >= Self.remembered { known.removeAll(keepingCapacity: true) }
        known[name] = tag
        return tag
    }

    /// A sender's name in the audit trail, for an address the clinic does not hold: an HMAC under a label of
    /// its own (so it is not the allowance's tag), keeping the trail whole when an address is erased.
    func auditTag(_ channel: Sender.Channel, _ address: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("audit \(channel.rawValue) \(address)".utf8), using: key)
        return "h:" + String(InboundMessage.hex(code).prefix(16))
    }
}

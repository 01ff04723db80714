import Clinic
import Crypto
import Foundation

/// The bounce address of a notice carries an HMAC of the notice's id (`bounces+<id>.<tag>@domain`), so a
/// delivery-status report counts only when it comes back to an address the desk really sent from: a forged
/// report cannot mark someone's address undeliverable. The key is drawn once from the system's CSPRNG and
/// kept in the store. The outbox keeps the plain `bounces+<id>@domain`; the tag is added on the way out.
public struct BounceSigner: Sendable {
    private let key: [UInt8]

    public init(keyHex: String) {
        key = BounceSigner.bytes(fromHex: keyHex)
    }

    /// A fresh key, as hex.
    static func drawKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return InboundMessage.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// `bounces+<id>@domain` with its tag; any other envelope sender as it is.
    public func sign(_ envelope: String) -> String {
        guard envelope.hasPrefix("bounces+"), let at = envelope.lastIndex(of: "@") else { return envelope }
        let id = String(envelope[envelope.index(envelope.startIndex, offsetBy: "bounces+".count)..<at])
        return "bounces+\(id).\(tag(id))" + envelope[at...]
    }

    /// The notice id a bounce address names, if its tag is the desk's; nil for anything else.
    func verifiedID(_ address: String) -> String? {
        guard address.hasPrefix("bounces+"), let at = address.lastIndex(of: "@") else { return nil }
        let local = address[address.index(address.startIndex, offsetBy: "bounces+".count)..<at]
        guard let dot = local.lastIndex(of: ".") else { return nil }
        let id = String(local[..<dot])
        return ConstantTime.equal(String(local[local.index(after: dot)...]), tag(id)) ? id : nil
    }

    private func tag(_ id: String) -> String {
        String(InboundMessage.hex(HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: SymmetricKey(data: key))).prefix(16))
    }

    static func bytes(fromHex hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            func value(_ c: UInt8) -> UInt8 { c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10 }
            out.append(value(high) << 4 | value(low))
        }
        return out
    }
}

import Crypto
import Foundation

/// One line of the audit trail as written: an inbound message's entry, when it was handled, and the hash that
/// chains it to the line before. `hash` is SHA-256 over the line's canonical JSON (sorted keys, `hash` left
/// out, `prev` in), so changing, removing or reordering a line breaks the chain from there on.
public struct AuditRecord: Sendable, Equatable, Codable {
    /// When the desk handled the message (seconds since 1970, UTC).
    public var at: Int64
    public var key: String
    public var channel: String
    public var sender: String
    public var role: String
    public var verdict: String
    public var handled: String
    public var commands: [AuditCommand]
    /// The previous line's hash, hex; empty on the first line.
    public var prev: String
    public var hash: String?

    init(_ entry: AuditEntry, at: Int64, prev: String) {
        self.at = at
        key = entry.key
        channel = entry.channel
        sender = entry.sender
        role = entry.role
        verdict = entry.verdict
        handled = entry.handled
        commands = entry.commands
        self.prev = prev
        hash = nil
        hash = computedHash()
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// SHA-256 of the canonical form: the record without its hash.
    public func computedHash() -> String {
        var bare = self
        bare.hash = nil
        let canonical = (try? Self.encoder().encode(bare)) ?? Data()
        return InboundMail.hex(SHA256.hash(data: canonical))
    }

    /// The line as written to the file, without its newline.
    func line() throws -> Data { try Self.encoder().encode(self) }

    /// Whether `sender` or anything a command acted on is this patient.
    public func concerns(patient id: String) -> Bool {
        sender == id || commands.contains { $0.patient == id || $0.target == id }
    }
}

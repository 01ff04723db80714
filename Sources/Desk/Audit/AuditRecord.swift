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

    /// SHA-256 of the canonical form: the record without its hash.
    public func computedHash() -> String {
        InboundMessage.hex(SHA256.hash(data: canonical(withHash: false)))
    }

    /// The line as written to the file, without its newline.
    func line() throws -> Data { Data(canonical(withHash: true)) }

    /// The record as JSON with its keys in order and nothing optional that is nil, written by hand: what
    /// `JSONEncoder` with sorted keys writes, at a fraction of its cost (one line per message handled).
    func canonical(withHash: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + commands.count * 64)
        func key(_ name: String, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            Self.string(name, into: &out)
            out.append(UInt8(ascii: ":"))
        }
        out.append(UInt8(ascii: "{"))
        key("at", first: true)
        out.append(contentsOf: Array(String(at).utf8))
        key("channel"); Self.string(channel, into: &out)
        key("commands")
        out.append(UInt8(ascii: "["))
        for (i, command) in commands.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            key("command", first: true); Self.string(command.command, into: &out)
            key("did"); Self.string(command.did, into: &out)
            if let patient = command.patient { key("patient"); Self.string(patient, into: &out) }
            if let target = command.target { key("target"); Self.string(target, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        key("handled"); Self.string(handled, into: &out)
        if withHash, let hash { key("hash"); Self.string(hash, into: &out) }
        key("key"); Self.string(self.key, into: &out)
        key("prev"); Self.string(prev, into: &out)
        key("role"); Self.string(role, into: &out)
        key("sender"); Self.string(sender, into: &out)
        key("verdict"); Self.string(verdict, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// A JSON string as JSONEncoder writes it without escaping slashes.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether `sender` or anything a command acted on is this patient.
    public func concerns(patient id: String) -> Bool {
        sender == id || commands.contains { $0.patient == id || $0.target == id }
    }
}

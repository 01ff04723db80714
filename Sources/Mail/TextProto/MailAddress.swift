// RFC 5322 section 3.4 mailboxes: "Name <local@domain>", "local@domain",
// "\"Quoted, Name\" <a@b>", groups, obsolete "a@b (Name)" comments, encoded-word names.

public struct MailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Display name, RFC 2047 decoded and sanitized; nil when absent or empty.
    public var name: String?
    /// "local@domain" with the domain lowercased.
    public var address: String

    public init(name: String? = nil, address: String) {
        let n = name.map(HeaderSanitizer.sanitize)
        self.name = (n?.isEmpty ?? true) ? nil : n
        self.address = MailAddress.normalize(address)
    }

    /// The part before the last "@".
    public var localPart: String {
        guard let at = address.utf8.lastIndex(of: 0x40) else { return address }
        return String(address[..<at])
    }

    /// The lowercased part after the last "@" ("" when there is none).
    public var domain: String {
        guard let at = address.utf8.lastIndex(of: 0x40) else { return "" }
        return String(address[address.utf8.index(after: at)...])
    }

    /// `Name <address>` or just `address`, for logs (not for headers: see OutgoingMail).
    public var description: String {
        if let name { return "\(name) <\(address)>" }
        return address
    }

    /// The first mailbox in `s`, or nil when there is no valid `local@domain` in it.
    public static func parse(_ s: String) -> MailAddress? {
        parseList(s).first
    }

    /// All valid mailboxes of an address list (group names dropped, group members kept);
    /// invalid entries are skipped.
    public static func parseList(_ s: String) -> [MailAddress] {
        s.withBytes(parseList)
    }

    static func parseList(_ b: Bytes) -> [MailAddress] {
        var result: [MailAddress] = []
        var start = 0
        var i = 0
        while i <= b.count {
            if i == b.count || b[i] == 0x2C || b[i] == 0x3B {          // , ;
                if let a = AddressLexer.mailbox(b, start..<i) { result.append(a) }
                start = i + 1
                i += 1
                continue
            }
            switch b[i] {
            case 0x22: i = AddressLexer.skipQuoted(b, i)                // "
            case 0x28: i = AddressLexer.skipComment(b, i)               // (
            case 0x3C: i = AddressLexer.skipAngle(b, i)                 // <
            case 0x5B: i = AddressLexer.skipUntil(b, i, 0x5D)           // [
            case 0x3A: start = i + 1; i += 1                            // group "name:"
            default: i += 1
            }
        }
        return result
    }

    static func normalize(_ address: String) -> String {
        let at = address.withBytes { b -> Int? in
            var i = b.count - 1
            while i >= 0 && b[i] != 0x40 { i -= 1 }
            guard i >= 0 else { return nil }
            for j in (i + 1)..<b.count where (b[j] >= 0x41 && b[j] <= 0x5A) || b[j] >= 0x80 { return i }
            return nil
        }
        guard let at else { return address }                  // no "@", or domain already lowercase
        let split = address.utf8.index(address.utf8.startIndex, offsetBy: at + 1)
        return String(address[..<split]) + address[split...].lowercased()
    }

    /// A plausible addr-spec: non-empty local part and domain, no whitespace or controls.
    static func isValid(_ a: [UInt8]) -> Bool {
        guard let at = a.lastIndex(of: 0x40), at > 0, at < a.count - 1 else { return false }
        for c in a where c <= 0x20 || c == 0x7F || c == 0x3C || c == 0x3E { return false }
        return true
    }
}

/// `mailto:` links to the desk whose subject is a ready-made command (RFC 6068), so a patient on a phone
/// can tap a free slot instead of typing the command.
struct MailtoLink: Sendable {
    /// "mailto:desk@clinic.example?subject="
    let prefix: String

    init(to address: String) {
        prefix = "mailto:" + Self.encoded(address, asAddress: true) + "?subject="
    }

    /// "mailto:desk@clinic.example" (no subject)
    var bare: String { String(prefix.dropLast("?subject=".count)) }

    /// The link whose subject is `command`.
    func subject(_ command: String) -> String { prefix + Self.encoded(command) }

    /// Percent-encodes UTF-8 `text`, keeping only RFC 3986's unreserved characters (and, in an address, the
    /// few RFC 6068 lets it keep): a space is %20, never +, and `:` `&` `=` `#` `%` are always encoded.
    static func encoded(_ text: String, asAddress: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if isUnreserved(byte) || (asAddress && isAddressCharacter(byte)) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Besides the unreserved ones, characters an address keeps in a mailto URI (RFC 6068 section 2).
    private static func isAddressCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"): true
        default: false
        }
    }
}

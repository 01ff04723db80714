/// Whether a string looks like a bare email address (`local@domain`): no
/// display name, no spaces or controls, a domain of letters, digits and
/// hyphens in dot-separated labels. A shape check only; delivery decides.
enum EmailAddressShape {
    static func isPlausible(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard address.utf8.count <= 254, parts.count == 2 else { return false }
        let local = parts[0].utf8
        let domain = parts[1]
        guard !local.isEmpty, local.count <= 64, local.allSatisfy(isLocalByte) else { return false }
        guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              !parts[0].contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return !labels.isEmpty && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    /// RFC 5322 atext and '.'.
    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~.".utf8.contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

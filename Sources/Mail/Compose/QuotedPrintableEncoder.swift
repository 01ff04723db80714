// RFC 2045 section 6.7 quoted-printable encoding of text (UTF-8, "\n" lines).

enum QuotedPrintableEncoder {
    /// Encodes each line: "=", controls and non-ASCII bytes as =XX, a space or tab at the end
    /// of a line as =20/=09, a "." at the start of an encoded line as =2E (so a lone "." can
    /// never end an SMTP transaction), soft line breaks keeping encoded lines <= 76 chars.
    /// Every line, the last one included, is terminated by `eol`.
    static func encode(lines: [Substring], eol: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 4 })
        for line in lines {
            let bytes = Array(line.utf8)
            var col = 0
            for (k, c) in bytes.enumerated() {
                let last = k == bytes.count - 1
                var literal = isLiteral(c, col: col, last: last)
                var width = literal ? 1 : 3
                if col + width > 75 && !(last && col + width <= 76) {
                    out.append(0x3D)
                    out.append(contentsOf: eol)
                    col = 0
                    literal = isLiteral(c, col: 0, last: last)
                    width = literal ? 1 : 3
                }
                if literal {
                    out.append(c)
                } else {
                    out.append(0x3D)
                    out.append(ASCII.hexDigits[Int(c >> 4)])
                    out.append(ASCII.hexDigits[Int(c & 0x0F)])
                }
                col += width
            }
            out.append(contentsOf: eol)
        }
        return out
    }

    @inline(__always) private static func isLiteral(_ c: UInt8, col: Int, last: Bool) -> Bool {
        if c == sp || c == ht { return !last }
        if c == 0x3D || c < 0x21 || c > 0x7E { return false }
        if c == 0x2E && col == 0 { return false }
        return true
    }

    /// Whether a text needs quoted-printable rather than 7bit: a line longer than 76 bytes,
    /// with non-ASCII or control characters, trailing whitespace, or consisting of ".".
    static func needsEncoding(_ lines: [Substring]) -> Bool {
        for line in lines {
            let u = line.utf8
            if u.count > 76 { return true }
            if let l = u.last, l == sp || l == ht { return true }
            if u.count == 1 && u.first == 0x2E { return true }
            for c in u where c > 0x7E || (c < 0x20 && c != ht) { return true }
        }
        return false
    }
}

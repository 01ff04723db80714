// RFC 2045 section 6.7 quoted-printable encoding of text (UTF-8, LF-separated lines).

enum QuotedPrintableEncoder {
    /// Encodes each LF-separated line of `text` (which holds no CR): "=", controls and
    /// non-ASCII bytes as =XX, a space or tab at the end of a line as =20/=09, a "." at the
    /// start of an encoded line as =2E (so a lone "." can never end an SMTP transaction),
    /// soft line breaks keeping encoded lines <= 76 chars. Every line, the last one included,
    /// is terminated by `eol`; a final LF does not start another line.
    static func encode(_ text: Bytes, eol: [UInt8]) -> [UInt8] {
        let n = text.count
        let e = eol.count
        // Per input byte at most 3 bytes, or `e` for a LF; a soft break ("=" + eol) needs at
        // least 25 input bytes of the same line before it; one more eol for a last line.
        let capacity = 3 * n + n * e + (n / 24 + 1) * (1 + e) + e
        return eol.withUnsafeBufferPointer { eolBytes in
            [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                var o = 0
                var start = 0
                while start < n {
                    let end = Scan.lineFeed(text, from: start, to: n)
                    encodeLine(text, start, end, eolBytes, out, &o)
                    start = end + 1
                }
                precondition(o <= capacity, "quoted-printable output exceeds its bound")
                count = o
            }
        }
    }

    /// Encodes `text[start..<end]` and its line end into `out` at `o`.
    @inline(__always)
    private static func encodeLine(_ text: Bytes, _ start: Int, _ end: Int, _ eol: Bytes,
                                   _ out: UnsafeMutableBufferPointer<UInt8>, _ o: inout Int) {
        var col = 0
        var k = start
        while k < end {
            // Eight bytes at a time while they are all written as themselves and stay clear of the limit.
            if col > 0, col + 8 <= 74, k + 8 < end {
                let word = UnsafeRawPointer(text.baseAddress! + k).loadUnaligned(as: UInt64.self)
                if isPlain(word) {
                    UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: word, as: UInt64.self)
                    o += 8
                    col += 8
                    k += 8
                    continue
                }
            }
            let c = text[k]
            // Common case: a byte written as itself, not last on its line, far from the limit.
            if col < 74 && k + 1 < end && isPlain(c, col: col) {
                out[o] = c
                o += 1
                col += 1
                k += 1
                continue
            }
            let last = k == end - 1
            var literal = isLiteral(c, col: col, last: last)
            var width = literal ? 1 : 3
            if col + width > 75 && !(last && col + width <= 76) {
                out[o] = 0x3D
                o += 1
                put(eol, out, &o)
                col = 0
                literal = isLiteral(c, col: 0, last: last)
                width = literal ? 1 : 3
            }
            if literal {
                out[o] = c
                o += 1
            } else {
                out[o] = 0x3D
                out[o + 1] = hex(c >> 4)
                out[o + 2] = hex(c & 0x0F)
                o += 3
            }
            col += width
            k += 1
        }
        put(eol, out, &o)
    }

    /// Whether each of eight bytes is written as itself anywhere but at the start or end of a line:
    /// printable ASCII except "=", or a space (a tab is left to the byte-by-byte path). Word-at-a-time
    /// tests: a byte below 0x20, a byte above 0x7E, a byte equal to "=".
    @inline(__always) private static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let above = ((word &+ ones &* (0x7F - 0x7E)) | word) & highs
        let equals = word ^ (ones &* 0x3D)
        let hasEquals = (equals &- ones) & ~equals & highs
        return below | above | hasEquals == 0
    }

    @inline(__always) private static func put(_ eol: Bytes, _ out: UnsafeMutableBufferPointer<UInt8>, _ o: inout Int) {
        for b in eol {
            out[o] = b
            o += 1
        }
    }

    @inline(__always) private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x37 + nibble
    }

    /// Literal anywhere but at the end of a line: printable ASCII except "=", space, tab,
    /// and "." past the first column.
    @inline(__always) private static func isPlain(_ c: UInt8, col: Int) -> Bool {
        if c &- 0x21 < 0x5E { return c != 0x3D && (c != 0x2E || col > 0) }
        return c == sp || c == ht
    }

    @inline(__always) private static func isLiteral(_ c: UInt8, col: Int, last: Bool) -> Bool {
        if c == sp || c == ht { return !last }
        if c == 0x3D || c < 0x21 || c > 0x7E { return false }
        if c == 0x2E && col == 0 { return false }
        return true
    }
}

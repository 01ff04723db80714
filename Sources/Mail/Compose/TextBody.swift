import Foundation

// The body of an outgoing text part: UTF-8 with normalised line ends, 7bit when that is
// safe, else quoted-printable; worked on the string's bytes in place, without splitting it.

enum TextBody {
    /// `text` as body bytes, every line (the last included) ended by `eol`, and whether it
    /// is quoted-printable (else 7bit).
    static func encode(_ text: String, eol: [UInt8]) -> (body: [UInt8], quotedPrintable: Bool) {
        text.withBytes { p in
            if let base = p.baseAddress, memchr(base, Int32(cr), p.count) != nil {
                return LineEnds.toLF(p).withUnsafeBufferPointer { encodeLF($0, eol: eol) }
            }
            return encodeLF(p, eol: eol)
        }
    }

    /// As `encode`, for bytes holding no CR.
    private static func encodeLF(_ p: Bytes, eol: [UInt8]) -> (body: [UInt8], quotedPrintable: Bool) {
        if needsQuotedPrintable(p) { return (QuotedPrintableEncoder.encode(p, eol: eol), true) }
        return (sevenBit(p, eol: eol), false)
    }

    /// Whether LF-separated text needs quoted-printable rather than 7bit: a line longer than
    /// 76 bytes, with non-ASCII or control characters (tab aside), trailing whitespace, or
    /// consisting of ".".
    static func needsQuotedPrintable(_ p: Bytes) -> Bool {
        var lineStart = 0
        var i = 0
        let n = p.count
        while i < n {
            let c = p[i]
            if c == lf {
                if lineIsUnsafe(p, lineStart, i) { return true }
                lineStart = i + 1
            } else if c > 0x7E || (c < 0x20 && c != ht) {
                return true
            }
            i += 1
        }
        return lineIsUnsafe(p, lineStart, n)
    }

    @inline(__always) private static func lineIsUnsafe(_ p: Bytes, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length > 0 else { return false }
        if length > 76 { return true }
        let last = p[end - 1]
        return last == sp || last == ht || (length == 1 && last == 0x2E)
    }

    /// LF-separated text with each line ended by `eol` (a missing final one added).
    private static func sevenBit(_ p: Bytes, eol: [UInt8]) -> [UInt8] {
        let n = p.count
        let open = n > 0 && p[n - 1] != lf
        if eol.count == 1 && eol[0] == lf {
            var body = [UInt8](p)
            if open { body.append(lf) }
            return body
        }
        var body: [UInt8] = []
        body.reserveCapacity(n + (n / 40 + 1) * eol.count)
        var start = 0
        while start < n {
            let end = Scan.lineFeed(p, from: start, to: n)
            body.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<end]))
            body.append(contentsOf: eol)
            start = end + 1
        }
        return body
    }
}

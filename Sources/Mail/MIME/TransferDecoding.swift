// Content-Transfer-Encoding decoders (RFC 2045 section 6) and the RFC 2047 "Q" variant.
// All are lenient: garbage is skipped or passed through, never fatal.

enum TransferDecoding {
    private static let invalid: UInt8 = 0xFF
    private static let pad: UInt8 = 0xFE

    private static let base64Table: [UInt8] = {
        var t = [UInt8](repeating: invalid, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            t[Int(c)] = UInt8(i)
        }
        t[Int(UInt8(ascii: "-"))] = 62        // base64url, seen in the wild
        t[Int(UInt8(ascii: "_"))] = 63
        t[Int(UInt8(ascii: "="))] = pad
        return t
    }()

    /// An attachment's body as its Content-Transfer-Encoding (lowercased) says; an unknown one as it is.
    static func decode(_ bytes: ArraySlice<UInt8>, _ cte: String?) -> [UInt8] {
        switch cte {
        case "quoted-printable":
            let copy = Array(bytes)
            return quotedPrintable(copy, 0..<copy.count, lineBreak: [0x0D, 0x0A])
        case "base64":
            var truncated = false
            return base64(bytes, truncated: &truncated)
        default:
            return Array(bytes)
        }
    }

    /// Whether `base64` would set `truncated` on this input, found without decoding it.
    static func base64IsTruncated<C: Collection>(_ input: C) -> Bool where C.Element == UInt8 {
        var n = 0
        base64Table.withUnsafeBufferPointer { table in
            for b in input {
                let v = table[Int(b)]
                if v < 64 { n = (n + 1) & 3 } else if v == pad { n = 0 }
            }
        }
        return n != 0
    }

    /// Lenient base64: skips bytes outside the alphabet (line breaks, spaces, junk), accepts
    /// several padded chunks in a row, and decodes what it can of an unpadded tail.
    /// `truncated` is set when the input ends in the middle of a 4-character group.
    static func base64<C: Collection>(_ input: C, truncated: inout Bool) -> [UInt8] where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4 + 3)
        var acc: UInt32 = 0
        var n = 0
        base64Table.withUnsafeBufferPointer { table in
            for b in input {
                let v = table[Int(b)]
                if v < 64 {
                    acc = (acc << 6) | UInt32(v)
                    n += 1
                    if n == 4 {
                        out.append(UInt8(truncatingIfNeeded: acc >> 16))
                        out.append(UInt8(truncatingIfNeeded: acc >> 8))
                        out.append(UInt8(truncatingIfNeeded: acc))
                        n = 0
                        acc = 0
                    }
                } else if v == pad {
                    flushPartial(&out, acc, n)
                    n = 0
                    acc = 0
                }
            }
        }
        if n != 0 {
            truncated = true
            flushPartial(&out, acc, n)
        }
        return out
    }

    private static func flushPartial(_ out: inout [UInt8], _ acc: UInt32, _ n: Int) {
        if n == 2 {
            out.append(UInt8(truncatingIfNeeded: acc >> 4))
        } else if n == 3 {
            out.append(UInt8(truncatingIfNeeded: acc >> 10))
            out.append(UInt8(truncatingIfNeeded: acc >> 2))
        }
    }

    /// Quoted-printable body decoding: soft line breaks ("=" at line end) joined, "=XX" decoded
    /// (either case), invalid "=" sequences kept literally, trailing whitespace on each encoded
    /// line dropped. Hard line breaks are emitted as `lineBreak`.
    static func quotedPrintable(_ b: [UInt8], _ range: Range<Int>, lineBreak: [UInt8]) -> [UInt8] {
        let capacity = range.count * max(1, lineBreak.count) + lineBreak.count
        // Not with no capacity: that is the shared empty array, whose count initialising writes (a race).
        guard capacity > 0 else { return [] }
        return b.withUnsafeBufferPointer { p in
            [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                var o = 0
                var i = range.lowerBound
                let end = range.upperBound
                while i < end {
                    let ls = i
                    let le = Scan.lineFeed(p, from: ls, to: end)
                    let hasLF = le < end
                    i = hasLF ? le + 1 : end
                    var ce = le
                    while ce > ls && (ASCII.isWSP(p[ce - 1]) || p[ce - 1] == cr) { ce -= 1 }
                    var soft = false
                    if ce > ls && p[ce - 1] == 0x3D { soft = true; ce -= 1 }
                    var j = ls
                    while j < ce {
                        let c = p[j]
                        if c == 0x3D, j + 2 < ce, let h = ASCII.hexValue(p[j + 1]), let l = ASCII.hexValue(p[j + 2]) {
                            out[o] = h << 4 | l
                            j += 3
                        } else {
                            out[o] = c
                            j += 1
                        }
                        o += 1
                    }
                    if hasLF && !soft {
                        for c in lineBreak { out[o] = c; o += 1 }
                    }
                }
                count = o
            }
        }
    }

    /// RFC 2047 "Q" encoding: "_" is a space, "=XX" a byte. Appends to `out`.
    static func qEncoding(_ b: Slice<Bytes>, into out: inout [UInt8]) {
        var j = b.startIndex
        let end = b.endIndex
        while j < end {
            let c = b[j]
            if c == 0x5F {
                out.append(sp)
                j += 1
            } else if c == 0x3D, j + 2 < end, let h = ASCII.hexValue(b[j + 1]), let l = ASCII.hexValue(b[j + 2]) {
                out.append(h << 4 | l)
                j += 3
            } else {
                out.append(c)
                j += 1
            }
        }
    }
}

import Foundation

// RFC 2046 section 5.1.1 multipart bodies: split at "--boundary" delimiter lines.

enum Multipart {
    struct Split {
        /// Body parts (headers + content), in order; the line break before a delimiter
        /// belongs to the delimiter and is not part of the preceding part.
        var parts: [Range<Int>]
        /// Whether the close delimiter "--boundary--" was seen.
        var closed: Bool
    }

    /// Splits `b[range]`. A delimiter line is "--" + boundary, optionally "--", then only
    /// whitespace (transport padding). Preamble and epilogue are ignored. Without a close
    /// delimiter the last part runs to the end. At most `maxParts` parts are returned.
    static func split(_ b: [UInt8], _ range: Range<Int>, boundary: String, maxParts: Int) -> Split {
        let d: [UInt8] = [0x2D, 0x2D] + Array(boundary.utf8)
        return b.withUnsafeBufferPointer { p in
            d.withUnsafeBufferPointer { split(p, range, d: $0, maxParts: maxParts) }
        }
    }

    private static func split(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, d: UnsafeBufferPointer<UInt8>,
                              maxParts: Int) -> Split {
        var parts: [Range<Int>] = []
        var partStart: Int? = nil
        var lineStart = range.lowerBound
        let end = range.upperBound
        while lineStart < end {
            let le = Scan.lineFeed(b, from: lineStart, to: end)
            let next = le < end ? le + 1 : end
            if b[lineStart] == 0x2D, le - lineStart >= d.count, matches(b, lineStart, d) {
                var k = lineStart + d.count
                var isClose = false
                if k + 1 < le, b[k] == 0x2D, b[k + 1] == 0x2D {
                    isClose = true
                    k += 2
                }
                var padding = true
                while k < le {
                    if !ASCII.isSpace(b[k]) { padding = false; break }
                    k += 1
                }
                if padding {
                    if let ps = partStart {
                        var pe = lineStart
                        if pe > ps && b[pe - 1] == lf {
                            pe -= 1
                            if pe > ps && b[pe - 1] == cr { pe -= 1 }
                        }
                        parts.append(ps..<pe)
                        if parts.count >= maxParts { return Split(parts: parts, closed: true) }
                    }
                    if isClose { return Split(parts: parts, closed: true) }
                    partStart = next
                }
            }
            lineStart = next
        }
        if let ps = partStart { parts.append(ps..<end) }
        return Split(parts: parts, closed: false)
    }

    @inline(__always) private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int,
                                                  _ d: UnsafeBufferPointer<UInt8>) -> Bool {
        memcmp(b.baseAddress! + at, d.baseAddress!, d.count) == 0
    }
}

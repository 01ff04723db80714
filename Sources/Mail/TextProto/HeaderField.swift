// RFC 5322 section 2.2 header fields: "name: value", folded with CRLF + WSP.

/// One header field as it appeared: `rawValue` is unfolded (line breaks before
/// continuation whitespace removed), trimmed, and otherwise untouched (not RFC 2047 decoded).
public struct HeaderField: Sendable, Hashable {
    public var name: String
    public var rawValue: String

    public init(name: String, rawValue: String) {
        self.name = name
        self.rawValue = rawValue
    }
}

/// Result of splitting a header block off the front of a message or MIME part.
struct HeaderBlock {
    var fields: [HeaderField]
    /// Index of the first body byte.
    var bodyStart: Int
    /// True when a non-header line ended the block without the empty separator line.
    var missingBlankLine: Bool

    /// Parses header lines from `bytes[range]`. Accepts LF and CRLF line ends (mixed),
    /// obsolete whitespace before the colon, and stops leniently at the first line that is not
    /// a header (reported through `missingBlankLine`).
    static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> HeaderBlock {
        bytes.withUnsafeBufferPointer { parse($0, range) }
    }

    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> HeaderBlock {
        var fields: [HeaderField] = []
        fields.reserveCapacity(16)
        var name: Range<Int>? = nil
        var first: Range<Int> = 0..<0                 // first value segment
        var more: [Range<Int>] = []                   // continuation segments

        func flush() {
            guard let n = name else { return }
            let value = more.isEmpty ? string(p, trim(p, first)) : joined(p, first, more)
            fields.append(HeaderField(name: string(p, n), rawValue: value))
            name = nil
            more.removeAll(keepingCapacity: true)
        }

        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let lineStart = i
            let lineEnd = Scan.lineFeed(p, from: lineStart, to: end)
            let next = lineEnd < end ? lineEnd + 1 : end
            var content = lineEnd
            if content > lineStart && p[content - 1] == cr { content -= 1 }

            if content == lineStart {          // the empty line: body follows
                flush()
                return HeaderBlock(fields: fields, bodyStart: next, missingBlankLine: false)
            }
            if ASCII.isWSP(p[lineStart]) {
                if name != nil {               // continuation line (folding)
                    more.append(lineStart..<content)
                    i = next
                    continue
                }
                return HeaderBlock(fields: fields, bodyStart: lineStart, missingBlankLine: true)
            }
            var j = lineStart
            while j < content, p[j] > 0x20, p[j] < 0x7F, p[j] != 0x3A { j += 1 }
            let nameEnd = j
            while j < content, ASCII.isWSP(p[j]) { j += 1 }
            guard nameEnd > lineStart, j < content, p[j] == 0x3A else {
                flush()
                return HeaderBlock(fields: fields, bodyStart: lineStart, missingBlankLine: true)
            }
            flush()
            name = lineStart..<nameEnd
            first = (j + 1)..<content
            i = next
        }
        flush()
        return HeaderBlock(fields: fields, bodyStart: end, missingBlankLine: false)
    }

    private static func trim(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, ASCII.isSpace(p[lo]) { lo += 1 }
        while hi > lo, ASCII.isSpace(p[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    private static func string(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        Charset.headerString(UnsafeBufferPointer(rebasing: p[r]))
    }

    /// Unfolds: continuation segments keep their leading WSP; the result is trimmed.
    private static func joined(_ p: UnsafeBufferPointer<UInt8>, _ first: Range<Int>, _ more: [Range<Int>]) -> String {
        var buf: [UInt8] = []
        buf.reserveCapacity(more.reduce(first.count) { $0 + $1.count })
        buf.append(contentsOf: UnsafeBufferPointer(rebasing: p[first]))
        for s in more { buf.append(contentsOf: UnsafeBufferPointer(rebasing: p[s])) }
        return Charset.headerString(buf[ASCII.trim(buf, 0..<buf.count)])
    }
}

extension Array where Element == HeaderField {
    /// First field named `name` (ASCII case-insensitive).
    func first(named name: String) -> HeaderField? {
        for f in self where ASCII.equalsIgnoringCase(f.name, name) { return f }
        return nil
    }
}

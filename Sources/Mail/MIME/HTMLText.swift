// text/html to readable plain text: no DOM, one pass over the bytes.

public enum HTMLText {
    /// Converts HTML to text: <script>, <style>, <title>, comments dropped; block tags end
    /// the line (<p>, headings, lists, tables, <blockquote> leave a blank line), <br> breaks
    /// the line, <li> becomes "- ", table cells are separated by a space, text inside
    /// <blockquote> is prefixed "> " per level; entities decoded (&nbsp; -> space); runs of
    /// whitespace collapsed, lines right-trimmed, at most one blank line in a row. The result
    /// ends with "\n" unless it is empty.
    public static func plainText(_ html: String) -> String {
        var c = HTMLConverter(Array(html.utf8))
        c.run()
        return tidy(c.out)
    }

    static let skipContent: Set<String> = ["script", "style", "title", "template", "xml"]
    static let paragraph: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
                                         "pre", "dl", "blockquote"]
    static let block: Set<String> = ["div", "li", "tr", "dt", "dd", "hr", "section", "article", "header",
                                     "footer", "nav", "aside", "form", "address", "center", "main",
                                     "figure", "figcaption", "details", "summary", "caption", "fieldset",
                                     "legend", "body", "html"]

    /// Right-trims lines, keeps at most one blank line in a row, drops blank lines at both ends.
    static func tidy(_ b: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 1)
        var blank = 0
        var i = 0
        while i < b.count {
            var le = i
            while le < b.count && b[le] != lf { le += 1 }
            var e = le
            while e > i && (b[e - 1] == sp || b[e - 1] == ht) { e -= 1 }
            if e == i {
                blank += 1
            } else {
                if !out.isEmpty { out.append(lf); if blank > 0 { out.append(lf) } }
                out.append(contentsOf: b[i..<e])
                blank = 0
            }
            i = le + 1
        }
        if !out.isEmpty { out.append(lf) }
        return String(decoding: out, as: UTF8.self)
    }
}

struct HTMLConverter {
    let b: [UInt8]
    var out: [UInt8] = []
    var pendingSpace = false
    var pendingBreaks = 0
    var atLineStart = true
    var quoteDepth = 0
    var preDepth = 0

    init(_ b: [UInt8]) {
        self.b = b
        out.reserveCapacity(b.count / 2)
    }

    mutating func emit(_ byte: UInt8) {
        if pendingBreaks > 0 {
            if !out.isEmpty { for _ in 0..<min(pendingBreaks, 2) { out.append(lf) } }
            pendingBreaks = 0
            atLineStart = true
        }
        if atLineStart {
            for _ in 0..<min(quoteDepth, 16) { out.append(0x3E); out.append(sp) }   // bounded for hostile nesting
            atLineStart = false
        } else if pendingSpace {
            out.append(sp)
        }
        pendingSpace = false
        out.append(byte)
    }

    mutating func emit(_ u: Unicode.Scalar) {
        if u.value < 0x20 { whitespace(UInt8(u.value)); return }
        if u.value == 0xAD { return }                            // soft hyphen: invisible
        for byte in String(u).utf8 { emit(byte) }
    }

    mutating func whitespace(_ c: UInt8) {
        if preDepth > 0 {
            if c == lf { pendingBreaks += 1; pendingSpace = false } else if c != cr { emit(sp) }
        } else {
            pendingSpace = true
        }
    }

    mutating func run() {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x3C {
                i = tag(at: i)
            } else if c == 0x26, let (u, end) = HTMLEntities.decode(b, at: i) {
                emit(u)
                i = end
            } else if ASCII.isSpace(c) {
                whitespace(c)
                i += 1
            } else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 {   // raw U+00A0
                emit(sp)
                i += 2
            } else {
                emit(c)
                i += 1
            }
        }
    }

    /// Handles the markup starting at `b[i]` ("<"); returns the index after it.
    mutating func tag(at i: Int) -> Int {
        var j = i + 1
        guard j < b.count else { emit(0x3C); return j }
        if b[j] == 0x21 || b[j] == 0x3F {                        // <!-- -->, <!DOCTYPE>, <?xml?>
            if j + 2 < b.count && b[j + 1] == 0x2D && b[j + 2] == 0x2D {
                return find([0x2D, 0x2D, 0x3E], from: j + 3) ?? b.count
            }
            return (find([0x3E], from: j) ?? b.count)
        }
        let closing = b[j] == 0x2F
        if closing { j += 1 }
        guard j < b.count, ASCII.isAlpha(b[j]) else { emit(0x3C); return i + 1 }    // a literal "<"
        var name: [UInt8] = []
        name.reserveCapacity(16)
        while j < b.count, ASCII.isAlnum(b[j]), name.count < 16 { name.append(ASCII.lower(b[j])); j += 1 }
        var quote: UInt8 = 0
        while j < b.count {
            let c = b[j]
            if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c } else if c == 0x3E { break }
            j += 1
        }
        let after = min(j + 1, b.count)
        let n = String(decoding: name, as: UTF8.self)
        if !closing && HTMLText.skipContent.contains(n) {
            return skipElement(n, from: after)
        }
        handle(n, closing: closing)
        return after
    }

    mutating func handle(_ n: String, closing: Bool) {
        if n == "br" { pendingBreaks += 1; pendingSpace = false; return }
        if n == "td" || n == "th" { pendingSpace = true; return }
        if HTMLText.paragraph.contains(n) {
            pendingBreaks = max(pendingBreaks, 2)
            if n == "blockquote" { quoteDepth = max(0, quoteDepth + (closing ? -1 : 1)) }
            if n == "pre" { preDepth = max(0, preDepth + (closing ? -1 : 1)) }
        } else if HTMLText.block.contains(n) {
            pendingBreaks = max(pendingBreaks, 1)
            if n == "li" && !closing { emit(0x2D); pendingSpace = true }
        }
    }

    /// Skips to the end of "</name ...>" (case-insensitive), or to the end of input.
    func skipElement(_ n: String, from: Int) -> Int {
        let close = Array(("</" + n).utf8)
        var k = from
        while k + close.count <= b.count {
            if b[k] == 0x3C, ASCII.hasPrefix(b[k..<(k + close.count)], "</" + n) {
                return (find([0x3E], from: k) ?? b.count)
            }
            k += 1
        }
        return b.count
    }

    /// Index just past the first occurrence of `pattern` at or after `from`.
    func find(_ pattern: [UInt8], from: Int) -> Int? {
        var k = from
        while k + pattern.count <= b.count {
            if b[k] == pattern[0] && b[k..<(k + pattern.count)].elementsEqual(pattern) { return k + pattern.count }
            k += 1
        }
        return nil
    }
}

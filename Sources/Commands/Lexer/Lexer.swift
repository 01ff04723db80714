/// A command line cut into words.
struct LexedLine: Sendable {
    /// The words, after dropping trailing `.` `!` `?` from the line.
    let words: Words
    /// Where the line lies without leading and trailing white space, in UTF-8 bytes.
    let trimmed: Range<Int>

    /// The line as written, without leading and trailing white space.
    var text: Substring {
        let line = words.line
        if trimmed.count == line.utf8.count { return line[...] }
        let utf8 = line.utf8
        return line[utf8.index(utf8.startIndex, offsetBy: trimmed.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: trimmed.upperBound)]
    }

    /// `text` as a string, without copying the line when nothing was trimmed.
    var string: String { trimmed.count == words.line.utf8.count ? words.line : String(text) }
}

/// Splits a line into words on any run of white space (tabs, NBSP and the other Unicode spaces included).
/// One pass over the UTF-8 bytes; each word becomes a `WordKey` (ASCII lowered eight bytes at a time) and is
/// looked up in the `Vocabulary` once.
enum Lexer {
    /// Only the first 4 KiB of a line are read (and echoed): every command fits in far less, and a runaway
    /// line (a pasted attachment) then costs no more than a long one.
    static let maximumLineLength = 4096

    static func lex(_ line: String) -> LexedLine {
        var tokens: [Token] = []
        return lex(line, reusing: &tokens)
    }

    /// The same, cutting into `tokens`' storage: a reader passes one array for all the lines of a message, and
    /// since a line's words are done with before the next line is cut, the storage is reused, not reallocated.
    static func lex(_ line: String, reusing tokens: inout [Token]) -> LexedLine {
        tokens.removeAll(keepingCapacity: true)
        var contiguous = line
        let trimmed = contiguous.withUTF8 { bytes in
            var end = min(bytes.count, maximumLineLength)
            while end < bytes.count, end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }   // not inside a character's bytes
            return cut(UnsafeBufferPointer(rebasing: bytes[..<end]), into: &tokens)
        }
        return LexedLine(words: Words(line: line, tokens: tokens[...]), trimmed: trimmed)
    }

    /// `text` without leading and trailing white space.
    static func trimmed(_ text: String) -> Substring { lex(text).text }

    /// The words of `bytes` joined by single spaces: "  Anita \t Sharma " -> "Anita Sharma".
    static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isCollapsed(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        var i = 0
        while i < bytes.count {
            let n = ScalarClasses.separatorLength(bytes, at: i)
            if n == 0 {
                if space && !out.isEmpty { out.append(0x20) }
                space = false
                out.append(bytes[i])
                i += 1
            } else {
                space = true
                i += n
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `bytes` are words separated by single plain spaces, with none at either end.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var space = true   // a space here would be doubled or leading
        for byte in bytes {
            if byte == 0x20 {
                if space { return false }
                space = true
            } else if (byte >= 0x09 && byte <= 0x0D) || byte >= 0x80 {
                return false   // other white space, or possibly a Unicode space: take the careful way
            } else {
                space = false
            }
        }
        return !space || bytes.isEmpty
    }

    /// `text`'s words joined by single spaces.
    static func collapsed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapsed($0) }
    }

    /// The words of a line and its extent without surrounding white space, in UTF-8 offsets.
    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) -> Range<Int> {
        if tokens.capacity == 0 { tokens.reserveCapacity(8) }
        var start = -1      // of the line's first non-separator
        var end = 0         // after its last
        var wordStart = -1  // of the current word
        var i = 0
        while i < bytes.count {
            let n = ScalarClasses.separatorLength(bytes, at: i)
            if n == 0 {
                if wordStart < 0 { wordStart = i }
                if start < 0 { start = i }
                i += 1
                end = i
            } else {
                if wordStart >= 0 { append(bytes, wordStart, i, to: &tokens) }
                wordStart = -1
                i += n
            }
        }
        if wordStart >= 0 { append(bytes, wordStart, end, to: &tokens) }
        guard start >= 0 else { return 0..<0 }

        // The line's final . ! ? end a sentence; they are not part of the last word.
        if let last = tokens.last, Int(last.end) == end {
            var wordEnd = end
            while wordEnd > Int(last.start), isSentenceEnd(bytes[wordEnd - 1]) { wordEnd -= 1 }
            if wordEnd != end {
                tokens.removeLast()
                append(bytes, Int(last.start), wordEnd, to: &tokens)
            }
        }
        return start..<end
    }

    @inline(__always)
    private static func isSentenceEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to tokens: inout [Token]) {
        var keyEnd = end
        while keyEnd > start, bytes[keyEnd - 1] == UInt8(ascii: ",") || bytes[keyEnd - 1] == UInt8(ascii: ";") || bytes[keyEnd - 1] == UInt8(ascii: ":") {
            keyEnd -= 1
        }
        if keyEnd == start { return }   // a lone "," or ":", or "." at the end
        let word = UnsafeBufferPointer(rebasing: bytes[start..<keyEnd])
        var key: WordKey
        var ascii: Bool
        var dot: Bool
        if word.count <= WordKey.maximumLength {
            (key, ascii, dot) = WordKey.lowercasing(short: word)
        } else {
            ascii = !word.contains { $0 >= 0x80 }
            dot = word.contains(UInt8(ascii: "."))
            key = WordKey(word, lowercasing: true)
        }
        if !ascii { key = WordKey(String(decoding: word, as: UTF8.self).lowercased()) }
        let first = bytes[start] >= 0x41 && bytes[start] <= 0x5A ? bytes[start] | 0x20 : bytes[start]
        let isNumber = first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
        tokens.append(Token(key: key, start: Int32(start), end: Int32(end), first: first, plain: ascii && !dot,
                            meaning: isNumber ? .none : Vocabulary.meaning(of: key)))
    }
}

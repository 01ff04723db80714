// The body of a message/delivery-status part (RFC 3464 section 2.1): groups of header-style
// fields separated by blank lines, the first group per message, the others per recipient.

enum DeliveryStatusFields {
    /// The field groups of `bytes`, in order. Lines holding only whitespace separate groups
    /// like empty ones; folded lines are unfolded; a line that is not a field is skipped.
    static func groups(_ bytes: [UInt8]) -> [[HeaderField]] {
        var groups: [[HeaderField]] = []
        var current: [HeaderField] = []
        var groupStart: Int? = nil
        var i = 0
        func close(_ end: Int) {
            if let s = groupStart { current += fields(bytes, s..<end) }
            if !current.isEmpty { groups.append(current) }
            current = []
            groupStart = nil
        }
        while i < bytes.count {
            var e = i
            while e < bytes.count && bytes[e] != lf { e += 1 }
            let blank = bytes[i..<e].allSatisfy(ASCII.isSpace)
            if blank {
                close(i)
            } else if groupStart == nil {
                groupStart = i
            }
            i = e + 1
        }
        close(bytes.count)
        return groups
    }

    /// Fields of one group, skipping lines that are not fields.
    private static func fields(_ bytes: [UInt8], _ range: Range<Int>) -> [HeaderField] {
        var out: [HeaderField] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let block = HeaderBlock.parse(bytes, start..<range.upperBound)
            out += block.fields
            guard block.missingBlankLine, block.bodyStart < range.upperBound else { break }
            var next = block.bodyStart                                  // skip the stray line
            while next < range.upperBound && bytes[next] != lf { next += 1 }
            start = next + 1
        }
        return out
    }

    /// "rfc822; <Anna@Example.ORG>" -> "Anna@example.org": the part after the address type,
    /// without brackets and whitespace; rfc822 addresses get the library's domain lowercasing.
    static func address(_ value: String) -> String {
        let (type, rest) = typed(value)
        let bare = String(decoding: rest.utf8.filter { $0 > 0x20 && $0 != 0x7F && $0 != 0x3C && $0 != 0x3E }, as: UTF8.self)
        return type == nil || type == "rfc822" ? MailAddress.normalize(bare) : bare
    }

    /// "smtp; 550 5.1.1 <a@b>:  User\t unknown" -> "550 5.1.1 <a@b>: User unknown" (also for
    /// "dns; mx.example.org"): the text after a one-word type, whitespace collapsed; nil when
    /// nothing is left.
    static func untypedText(_ value: String) -> String? {
        let text = typed(value).rest
        var out = ""
        var space = false
        for ch in HeaderSanitizer.sanitize(text).unicodeScalars {
            if ch == " " {
                space = true
                continue
            }
            if space && !out.isEmpty { out.unicodeScalars.append(" ") }
            space = false
            out.unicodeScalars.append(ch)
        }
        return out.isEmpty ? nil : out
    }

    /// "5.1.1 (bad mailbox)" -> "5.1.1": the leading digits and dots.
    static func status(_ value: String) -> String {
        let v = value.trimmedASCII
        return String(decoding: v.utf8.prefix { ASCII.isDigit($0) || $0 == 0x2E }, as: UTF8.self)
    }

    /// Splits "type; rest" when the part before ";" is a single word (lowercased type);
    /// otherwise the whole value is the rest.
    private static func typed(_ value: String) -> (type: String?, rest: String) {
        let v = HeaderSanitizer.sanitize(value)
        guard let semi = v.utf8.firstIndex(of: 0x3B) else { return (nil, v) }
        let type = String(v[..<semi]).trimmedASCII
        guard !type.isEmpty, !type.utf8.contains(where: ASCII.isSpace) else { return (nil, v) }
        return (ASCII.lowercased(type), String(v[v.utf8.index(after: semi)...]).trimmedASCII)
    }
}

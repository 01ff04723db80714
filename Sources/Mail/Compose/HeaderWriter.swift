// Writing header fields safely: every value is sanitized (no CR/LF/NUL/controls can reach
// the output), non-ASCII text is RFC 2047 encoded, lines are folded at 78 columns.

struct HeaderWriter {
    var out: [UInt8] = []
    let eol: [UInt8]

    init(eol: [UInt8]) {
        self.eol = eol
        out.reserveCapacity(1024)
    }

    /// Appends "Name: value" folded at whitespace so lines stay within 78 characters where
    /// possible. `value` must already be safe (see `unstructured`, `mailbox`...).
    mutating func field(_ name: String, _ value: String) {
        let safeName = HeaderWriter.fieldName(name)
        guard !safeName.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(safeName.utf8.count + 2 + value.utf8.count)
        bytes += safeName.utf8
        bytes += ": ".utf8
        bytes += HeaderSanitizer.sanitize(value).utf8
        // RFC 2047 section 2: lines holding encoded words stay within 76 characters
        let limit = EncodedWord.mayContainWord(value) ? 76 : 78
        var start = 0
        var candidate = -1
        var i = safeName.utf8.count + 2
        while i < bytes.count {
            if bytes[i] == sp && i + 1 < bytes.count && bytes[i + 1] != sp { candidate = i }
            if i - start >= limit && candidate > start {
                out.append(contentsOf: bytes[start..<candidate])
                out.append(contentsOf: eol)
                start = candidate
                candidate = -1
            }
            i += 1
        }
        out.append(contentsOf: bytes[start...])
        out.append(contentsOf: eol)
    }

    /// A field name reduced to its legal characters (printable ASCII except ":" and space).
    static func fieldName(_ name: String) -> String {
        let legal = { (c: UInt8) in c > 0x20 && c < 0x7F && c != 0x3A }
        return name.utf8.allSatisfy(legal) ? name : String(decoding: name.utf8.filter(legal), as: UTF8.self)
    }

    /// Unstructured text (Subject, free-form headers): sanitized, then RFC 2047 encoded when
    /// it is not plain ASCII, or when a single word is too long to fold (> 900 bytes).
    static func unstructured(_ s: String, name: String) -> String {
        let clean = HeaderSanitizer.sanitize(s)
        let used = name.utf8.count + 2
        var run = 0
        for c in clean.utf8 {
            run = c == sp ? 0 : run + 1
            if run > 900 { return EncodedWord.encodeAlways(clean, firstUsed: used) }
        }
        if ASCII.isAllASCII(clean) && !EncodedWord.mayContainWord(clean) { return clean }
        return EncodedWord.encodeAlways(clean, firstUsed: used)
    }

    /// "Name <local@domain>" with the name as atoms, a quoted string or encoded words.
    static func mailbox(_ a: MailAddress) -> String {
        let addr = MessageIDs.clean(a.address)  // the same bytes go: whitespace, controls and angle brackets
        guard let name = a.name.map(HeaderSanitizer.sanitize), !name.isEmpty else { return addr }
        return phrase(name) + " <" + addr + ">"
    }

    static func phrase(_ name: String) -> String {
        if !ASCII.isAllASCII(name) || EncodedWord.mayContainWord(name) {
            return EncodedWord.encodeAlways(name, firstUsed: 10)       // room for "Reply-To: "
        }
        if name.utf8.allSatisfy({ $0 == sp || isAtext($0) }) { return name }
        var q = "\""
        for ch in name.unicodeScalars {
            if ch == "\"" || ch == "\\" { q.unicodeScalars.append("\\") }
            q.unicodeScalars.append(ch)
        }
        return q + "\""
    }

    static func isAtext(_ c: UInt8) -> Bool {
        if ASCII.isAlnum(c) { return true }
        switch c {
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2F, 0x3D, 0x3F,
             0x5E, 0x5F, 0x60, 0x7B, 0x7C, 0x7D, 0x7E: return true
        default: return false
        }
    }

    /// "<id>" with brackets, whitespace and controls removed from the id.
    static func msgID(_ id: String) -> String {
        "<" + MessageIDs.clean(id) + ">"
    }

    /// A MIME parameter: token, quoted string, or RFC 2231 "name*=UTF-8''%XX" for non-ASCII.
    static func parameter(_ name: String, _ value: String) -> String {
        let v = HeaderSanitizer.sanitize(value)
        if ASCII.isAllASCII(v) {
            var q = "\""
            for ch in v.unicodeScalars {
                if ch == "\"" || ch == "\\" { q.unicodeScalars.append("\\") }
                q.unicodeScalars.append(ch)
            }
            return name + "=" + q + "\""
        }
        var enc: [UInt8] = Array("\(name)*=UTF-8''".utf8)
        for c in v.utf8 {
            if ASCII.isAlnum(c) || c == 0x2D || c == 0x2E || c == 0x5F || c == 0x7E {
                enc.append(c)
            } else {
                enc.append(0x25)
                enc.append(ASCII.hexDigits[Int(c >> 4)])
                enc.append(ASCII.hexDigits[Int(c & 0x0F)])
            }
        }
        return String(decoding: enc, as: UTF8.self)
    }
}

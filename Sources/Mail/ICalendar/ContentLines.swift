// RFC 5545 section 3.1 content lines ("NAME;PARAM=value:value"), written safely: TEXT values
// escaped (section 3.3.11), parameter values quoted when needed (section 3.2) with RFC 6868
// caret escaping, every line folded at 75 octets without splitting a UTF-8 sequence, CRLF
// line ends. No CR, LF or other control character of any input can end or start a line.

struct ContentLines {
    private(set) var out: [UInt8] = []

    init() {
        out.reserveCapacity(2048)
    }

    /// Appends "NAME;P1=v1;P2=v2:value" folded. `value` must already be in its property's
    /// form (see `text`, `calAddress`); any ASCII control left in it except tab becomes a space.
    mutating func line(_ name: String, _ value: String) {
        line(name, [], value)
    }

    /// As `line(_:_:)`, with parameters (names and values already in their written form).
    mutating func line(_ name: String, _ params: [(String, String)], _ value: String) {
        var bytes = Array(name.utf8)
        for (p, v) in params {
            bytes.append(0x3B)                                    // ;
            bytes.append(contentsOf: p.utf8)
            bytes.append(0x3D)                                    // =
            bytes.append(contentsOf: v.utf8)
        }
        bytes.append(0x3A)                                        // :
        bytes.append(contentsOf: value.utf8)
        for k in bytes.indices where (bytes[k] < 0x20 && bytes[k] != ht) || bytes[k] == 0x7F { bytes[k] = sp }
        ContentLines.fold(bytes, into: &out)
    }

    /// Writes `line` as physical lines of at most 75 octets each (CRLF not counted), the
    /// continuation lines starting with one space (counted). A cut never falls inside a UTF-8
    /// sequence, so unfolding (removing every CRLF + space) gives back `line` exactly.
    static func fold(_ line: [UInt8], into out: inout [UInt8]) {
        var start = 0
        var room = 75
        while line.count - start > room {
            var cut = start + room
            while cut > start && line[cut] & 0xC0 == 0x80 { cut -= 1 }   // back to a lead byte
            out.append(contentsOf: line[start..<cut])
            out.append(contentsOf: [cr, lf, sp])
            start = cut
            room = 74
        }
        out.append(contentsOf: line[start...])
        out.append(contentsOf: [cr, lf])
    }

    /// A TEXT value: "\" ";" "," escaped with a backslash; CRLF, CR, LF, NEL and the Unicode
    /// line/paragraph separators as "\n"; every other control character (tab included) as a
    /// space.
    static func text(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for u in s.unicodeScalars {
            defer { afterCR = u == "\r" }
            switch u {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\n": if !afterCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\r", "\u{85}", "\u{2028}", "\u{2029}": out.append(contentsOf: "\\n".unicodeScalars)
            default: out.append(HeaderSanitizer.isUnsafe(u) ? " " : u)
            }
        }
        return String(out)
    }

    /// A parameter value (CN...): controls replaced and the ends trimmed (as in header values),
    /// '"' removed (a quoted string cannot hold one), "^" written "^^" (RFC 6868), and the
    /// whole quoted when it holds ";", ":" or ",". nil when nothing is left.
    static func paramValue(_ s: String) -> String? {
        var v = String.UnicodeScalarView()
        var quote = false
        for u in HeaderSanitizer.sanitize(s).unicodeScalars where u != "\"" {
            if u == ";" || u == ":" || u == "," { quote = true }
            if u == "^" { v.append("^") }
            v.append(u)
        }
        guard !v.isEmpty else { return nil }
        return quote ? "\"" + String(v) + "\"" : String(v)
    }

    /// "mailto:" + the address without whitespace, controls, '"', "<" and ">".
    static func calAddress(_ email: String) -> String {
        var v = String.UnicodeScalarView()
        for u in email.unicodeScalars where !HeaderSanitizer.isUnsafe(u) && u != " " && u != "\"" && u != "<" && u != ">" {
            v.append(u)
        }
        let address = String(v)
        return ASCII.hasPrefix(address.utf8, "mailto:") ? "mailto:" + address.dropFirst(7) : "mailto:" + address
    }
}

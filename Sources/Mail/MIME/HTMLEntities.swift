// HTML character references: named (a practical subset), decimal and hexadecimal.

enum HTMLEntities {
    /// Named references that show up in mail. "nbsp" and the typographic spaces map to a
    /// plain space so that commands typed in rich-text editors still parse.
    static let named: [String: UInt32] = [
        "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39,
        "nbsp": 32, "ensp": 32, "emsp": 32, "thinsp": 32,
        "shy": 0xAD, "zwnj": 0x200C, "zwj": 0x200D,
        "copy": 169, "reg": 174, "trade": 8482, "hellip": 8230,
        "mdash": 8212, "ndash": 8211, "minus": 8722,
        "lsquo": 8216, "rsquo": 8217, "sbquo": 8218, "ldquo": 8220, "rdquo": 8221, "bdquo": 8222,
        "laquo": 171, "raquo": 187, "lsaquo": 8249, "rsaquo": 8250,
        "euro": 8364, "pound": 163, "yen": 165, "cent": 162,
        "sect": 167, "para": 182, "deg": 176, "middot": 183, "bull": 8226, "times": 215, "divide": 247,
        "plusmn": 177, "frac12": 189, "frac14": 188, "frac34": 190, "sup2": 178, "micro": 181,
        "iexcl": 161, "iquest": 191,
        "agrave": 224, "aacute": 225, "acirc": 226, "atilde": 227, "auml": 228, "aring": 229, "aelig": 230,
        "ccedil": 231, "egrave": 232, "eacute": 233, "ecirc": 234, "euml": 235,
        "igrave": 236, "iacute": 237, "icirc": 238, "iuml": 239, "ntilde": 241,
        "ograve": 242, "oacute": 243, "ocirc": 244, "otilde": 245, "ouml": 246, "oslash": 248,
        "ugrave": 249, "uacute": 250, "ucirc": 251, "uuml": 252, "yacute": 253, "yuml": 255, "szlig": 223,
        "Agrave": 192, "Aacute": 193, "Acirc": 194, "Atilde": 195, "Auml": 196, "Aring": 197, "AElig": 198,
        "Ccedil": 199, "Egrave": 200, "Eacute": 201, "Ecirc": 202, "Euml": 203,
        "Igrave": 204, "Iacute": 205, "Icirc": 206, "Iuml": 207, "Ntilde": 209,
        "Ograve": 210, "Oacute": 211, "Ocirc": 212, "Otilde": 213, "Ouml": 214, "Oslash": 216,
        "Ugrave": 217, "Uacute": 218, "Ucirc": 219, "Uuml": 220, "Yacute": 221,
    ]

    /// Names also accepted without the terminating ";" (legacy HTML).
    static let legacyBare: Set<String> = ["amp", "lt", "gt", "quot", "nbsp"]

    /// Decodes the reference starting at `b[i]` ("&"). Returns the scalar and the index just
    /// past the reference, or nil when it is not a recognised reference.
    static func decode(_ b: [UInt8], at i: Int) -> (scalar: Unicode.Scalar, end: Int)? {
        var j = i + 1
        guard j < b.count else { return nil }
        if b[j] == 0x23 {                                   // &#...
            j += 1
            var hex = false
            if j < b.count && (b[j] | 0x20) == 0x78 { hex = true; j += 1 }
            var v: UInt32 = 0
            let start = j
            while j < b.count, j - start < 8 {
                let d: UInt8?
                if hex { d = ASCII.hexValue(b[j]) } else { d = ASCII.isDigit(b[j]) ? b[j] - 0x30 : nil }
                guard let d else { break }
                v = v * (hex ? 16 : 10) + UInt32(d)
                j += 1
            }
            guard j > start else { return nil }
            if j < b.count && b[j] == 0x3B { j += 1 }
            return (numeric(v), j)
        }
        let start = j
        while j < b.count, j - start < 10, ASCII.isAlnum(b[j]) { j += 1 }
        guard j > start else { return nil }
        let name = String(decoding: b[start..<j], as: UTF8.self)
        let terminated = j < b.count && b[j] == 0x3B
        guard terminated || legacyBare.contains(name), let v = named[name], let u = Unicode.Scalar(v) else {
            return nil
        }
        return (u, terminated ? j + 1 : j)
    }

    /// Numeric references: 0x80...0x9F are read as windows-1252 (HTML5), invalid -> U+FFFD.
    private static func numeric(_ v: UInt32) -> Unicode.Scalar {
        if v >= 0x80 && v <= 0x9F, let u = Unicode.Scalar(UInt32(CharsetTables.cp1252High[Int(v - 0x80)])) {
            return u
        }
        if v == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }
}

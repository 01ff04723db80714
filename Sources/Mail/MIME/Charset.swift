// Charset decoding for bodies and headers: UTF-8 (with validation), US-ASCII,
// ISO-8859-1, windows-1252, ISO-8859-15. Unknown labels fall back to UTF-8 when the
// bytes are valid UTF-8, else to Latin-1 (read as windows-1252, as browsers do).

enum Charset: Equatable {
    case utf8, ascii, latin1, cp1252, latin9
    case unknown(String)

    /// Maps a MIME charset label (any case, optional quotes/whitespace) to a decoder.
    init(label: String?) {
        guard let label else { self = .ascii; return }
        self = label.withBytes { b in
            var lo = 0, hi = b.count
            while lo < hi && (ASCII.isSpace(b[lo]) || b[lo] == 0x22 || b[lo] == 0x27) { lo += 1 }
            while hi > lo && (ASCII.isSpace(b[hi - 1]) || b[hi - 1] == 0x22 || b[hi - 1] == 0x27) { hi -= 1 }
            let l = ASCII.lowerString(b, lo..<hi)
            return Charset.labels[l] ?? .unknown(l)
        }
    }

    private static let labels: [String: Charset] = {
        var t: [String: Charset] = [:]
        for l in ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"] { t[l] = .utf8 }
        for l in ["", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "646"] { t[l] = .ascii }
        for l in ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819",
                  "ibm819", "iso_8859-1:1987", "8859-1"] { t[l] = .latin1 }
        for l in ["windows-1252", "cp1252", "x-cp1252", "win-1252", "cp-1252"] { t[l] = .cp1252 }
        for l in ["iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9", "l9", "8859-15"] { t[l] = .latin9 }
        return t
    }()

    /// Decodes bytes to a String. `normalizeNewlines` turns CRLF and lone CR into LF.
    /// `invalid` is set when a declared UTF-8 text was not valid UTF-8 (decoded lossily).
    func decode<C: Collection>(_ bytes: C, normalizeNewlines: Bool, invalid: inout Bool) -> String
    where C.Element == UInt8 {
        switch self {
        case .utf8:
            if !Charset.isValidUTF8(bytes) { invalid = true }
            return Charset.utf8String(bytes, normalizeNewlines: normalizeNewlines)
        case .ascii, .unknown:
            if Charset.isValidUTF8(bytes) {
                return Charset.utf8String(bytes, normalizeNewlines: normalizeNewlines)
            }
            return Charset.singleByte(bytes, CharsetTables.cp1252, normalizeNewlines: normalizeNewlines)
        case .latin1, .cp1252:
            return Charset.singleByte(bytes, CharsetTables.cp1252, normalizeNewlines: normalizeNewlines)
        case .latin9:
            return Charset.singleByte(bytes, CharsetTables.latin9, normalizeNewlines: normalizeNewlines)
        }
    }

    /// Header bytes: raw UTF-8 (RFC 6532) when valid, else windows-1252.
    static func headerString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let s = bytes.withContiguousStorageIfAvailable({ p -> String in
            if validate(p) { return String(decoding: p, as: UTF8.self) }
            return singleByte(p, CharsetTables.cp1252, normalizeNewlines: false)
        }) {
            return s
        }
        var invalid = false
        return Charset.ascii.decode(bytes, normalizeNewlines: false, invalid: &invalid)
    }

    /// Strict RFC 3629 validation (no overlongs, no surrogates, max U+10FFFF).
    static func isValidUTF8<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        if let r = bytes.withContiguousStorageIfAvailable({ validate($0) }) { return r }
        return Array(bytes).withUnsafeBufferPointer { validate($0) }
    }

    static func validate(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard let base = p.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < n {
            if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return false
            }
            guard i + need < n else { return false }
            let c1 = base[i + 1]
            guard c1 >= lo && c1 <= hi else { return false }
            var k = 2
            while k <= need {
                guard base[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }

    static func utf8String<C: Collection>(_ bytes: C, normalizeNewlines: Bool) -> String
    where C.Element == UInt8 {
        if !normalizeNewlines || !bytes.contains(cr) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var prevCR = false
        for b in bytes {
            if b == cr { out.append(lf); prevCR = true; continue }
            if b == lf && prevCR { prevCR = false; continue }
            prevCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Single-byte charset to String; `table` gives code points for bytes 0x80...0xFF.
    static func singleByte<C: Collection>(_ bytes: C, _ table: [UInt16], normalizeNewlines: Bool) -> String
    where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var prevCR = false
        for b in bytes {
            if b < 0x80 {
                if normalizeNewlines {
                    if b == cr { out.append(lf); prevCR = true; continue }
                    if b == lf && prevCR { prevCR = false; continue }
                    prevCR = false
                }
                out.append(b)
                continue
            }
            prevCR = false
            let u = table[Int(b) - 0x80]
            if u < 0x800 {
                out.append(0xC0 | UInt8(u >> 6))
                out.append(0x80 | UInt8(u & 0x3F))
            } else {
                out.append(0xE0 | UInt8(u >> 12))
                out.append(0x80 | UInt8((u >> 6) & 0x3F))
                out.append(0x80 | UInt8(u & 0x3F))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

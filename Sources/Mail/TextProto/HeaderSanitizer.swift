// Header value hygiene: whatever arrives (decoded encoded words included) must never be
// able to break a header line when it is written back out.

public enum HeaderSanitizer {
    /// Replaces CR, LF, NUL and every other C0 control, DEL, C1 controls (U+0080...U+009F)
    /// and the Unicode line/paragraph separators (U+2028, U+2029) with a space, then trims
    /// leading and trailing whitespace.
    public static func sanitize(_ s: String) -> String {
        let dirty = s.withBytes { p in
            for b in p where b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 { return true }
            return false
        }
        if !dirty { return s.trimmedASCII }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            out.append(isUnsafe(u) ? " " : u)
        }
        return String(out).trimmedASCII
    }

    @inline(__always) static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029
    }
}

import Foundation

// RFC 2047 encoded words: =?charset?B?base64?= and =?charset?Q?quoted?=.

public enum EncodedWord {
    /// Decodes every encoded word in `s`. Whitespace between two adjacent encoded words is
    /// dropped (RFC 2047 section 6.2), words written back to back without whitespace are
    /// accepted too, and consecutive words in the same charset are joined before charset
    /// decoding so a multi-byte character split across words survives. A language suffix
    /// ("=?utf-8*en?Q?...?=", RFC 2231 section 5) is ignored. Malformed words stay literal.
    public static func decode(_ s: String) -> String {
        guard mayContainWord(s) else { return s }
        return s.withBytes(decode)
    }

    static func decode(_ b: Bytes) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var pending: [UInt8] = []
        pending.reserveCapacity(b.count)
        var pendingLabel: String? = nil

        func flush() {
            guard let label = pendingLabel else { return }
            var invalid = false
            out.append(contentsOf: Charset(label: label).decode(pending, normalizeNewlines: false, invalid: &invalid).utf8)
            pending.removeAll(keepingCapacity: true)
            pendingLabel = nil
        }

        var i = 0
        var literalStart = 0
        while i + 1 < b.count {
            guard b[i] == 0x3D, b[i + 1] == 0x3F, let w = parseWord(b, at: i) else {
                i += 1
                continue
            }
            let literal = b[literalStart..<i]
            if pendingLabel != nil && literal.allSatisfy(ASCII.isSpace) {
                // adjacent encoded words: the whitespace between them is not part of the text
            } else {
                flush()
                out.append(contentsOf: literal)
            }
            if let label = pendingLabel, label != w.label { flush() }
            pendingLabel = w.label
            if w.isBase64 {
                var truncated = false
                pending.append(contentsOf: TransferDecoding.base64(b[w.text], truncated: &truncated))
            } else {
                TransferDecoding.qEncoding(b[w.text], into: &pending)
            }
            i = w.end
            literalStart = i
        }
        flush()
        out.append(contentsOf: b[literalStart..<b.count])
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes a header text for output: pure ASCII is returned unchanged (unless it contains
    /// "=?", which a reader would take for an encoded word); anything else becomes a run of
    /// `=?UTF-8?B?...?=` words, each at most 75 characters, separated by single spaces, never
    /// splitting a character.
    public static func encode(_ s: String) -> String {
        if ASCII.isAllASCII(s) && !mayContainWord(s) { return s }
        return encodeAlways(s, firstUsed: 0)
    }

    /// Always produces encoded words. `firstUsed` is how many characters of the first line
    /// are already taken ("Subject: "), so that line stays within 76 characters (RFC 2047
    /// section 2); later words go on their own folded lines.
    static func encodeAlways(_ s: String, firstUsed: Int = 0) -> String {
        var maxBytes = max(3, (76 - firstUsed - 12) / 4 * 3)
        maxBytes = min(maxBytes, 45)           // 60 base64 chars + 12 of "=?UTF-8?B?" "?=" = 72
        var words: [String] = []
        var chunk: [UInt8] = []
        func emit() {
            guard !chunk.isEmpty else { return }
            words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk.removeAll(keepingCapacity: true)
            maxBytes = 45
        }
        for ch in s {
            let u = Array(String(ch).utf8)
            if u.count <= maxBytes {
                if chunk.count + u.count > maxBytes { emit() }
                chunk.append(contentsOf: u)
            } else {                           // an enormous grapheme cluster: split by scalar
                for scalar in ch.unicodeScalars {
                    let su = Array(String(scalar).utf8)
                    if chunk.count + su.count > maxBytes { emit() }
                    chunk.append(contentsOf: su)
                }
            }
        }
        emit()
        return words.joined(separator: " ")
    }

    static func mayContainWord(_ s: String) -> Bool {
        s.withBytes { b in
            guard b.count >= 2 else { return false }
            for i in 0..<(b.count - 1) where b[i] == 0x3D && b[i + 1] == 0x3F { return true }
            return false
        }
    }

    private struct Word {
        var label: String
        var isBase64: Bool
        var text: Range<Int>
        var end: Int
    }

    /// Parses "=?charset?E?text?=" starting at `start` (which holds "=?").
    private static func parseWord(_ b: Bytes, at start: Int) -> Word? {
        var p = start + 2
        let csStart = p
        while p < b.count, b[p] != 0x3F {
            if ASCII.isSpace(b[p]) || p - csStart > 64 { return nil }
            p += 1
        }
        guard p < b.count, p > csStart, p + 2 < b.count, b[p + 2] == 0x3F else { return nil }
        var csEnd = p
        if let star = b[csStart..<p].firstIndex(of: 0x2A) { csEnd = star }
        guard csEnd > csStart else { return nil }
        let enc = ASCII.lower(b[p + 1])
        guard enc == 0x62 || enc == 0x71 else { return nil }
        let textStart = p + 3
        var q = textStart
        while q < b.count {
            let c = b[q]
            if c == 0x3F {
                guard q + 1 < b.count, b[q + 1] == 0x3D else { return nil }
                let label = ASCII.lowerString(b, csStart..<csEnd)
                return Word(label: label, isBase64: enc == 0x62, text: textStart..<q, end: q + 2)
            }
            if ASCII.isSpace(c) { return nil }
            q += 1
        }
        return nil
    }
}

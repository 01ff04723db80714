// Separating what the sender wrote from what they quoted.

public enum ReplyText {
    /// The lines of a reply that its author wrote. Drops lines starting with ">" (after
    /// optional spaces) and "On ... wrote:" attribution lines (also split over two lines);
    /// cuts everything from an Outlook header block ("-----Original Message-----", or a
    /// "From:" line followed within 4 lines by "Sent:"/"Date:", optionally preceded by a line
    /// of underscores) and from the signature delimiter line "-- " onwards. "\r\n" line ends
    /// are accepted. Remaining lines are returned in order, unchanged.
    public static func authoredLines(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        // split on LF bytes: "\r\n" is one Character, so Character-based splitting would miss it
        var lines = text.utf8.split(separator: lf, omittingEmptySubsequences: false).map { line -> Substring in
            let s = Substring(line)
            return s.utf8.last == cr ? Substring(s.utf8.dropLast()) : s
        }
        if text.utf8.last == lf { lines.removeLast() }
        var result: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line == "-- " { break }
            // Attribution and Outlook lines start (after spaces) with "on", "from:", "*from:", "-----" or
            // "____": only those lines are lowered and compared.
            if mayStartQuoteBlock(line) {
                if isOutlookStart(lines, i) { break }
                if let n = attributionLength(lines, i) {
                    i += n
                    continue
                }
            }
            if !isQuoted(line) { result.append(String(line)) }
            i += 1
        }
        return result
    }

    static func mayStartQuoteBlock(_ line: Substring) -> Bool {
        guard let first = line.utf8.first(where: { !ASCII.isSpace($0) }) else { return false }
        // ASCII letters lowered; "-" stays 0x2D, "*" 0x2A, "_" becomes 0x7F. A byte that lands on one of these
        // by chance only costs the full comparison below.
        switch first | 0x20 {
        case UInt8(ascii: "o"), UInt8(ascii: "f"), 0x2D, 0x7F, 0x2A: return true
        default: return false
        }
    }

    static func isQuoted(_ line: Substring) -> Bool {
        for c in line.utf8 {
            if c == 0x3E { return true }
            if c != sp && c != ht { return false }
        }
        return false
    }

    static func trimmedLower(_ s: Substring) -> String {
        ASCII.lowercased(String(s).trimmedASCII)
    }

    /// 1 or 2 when an "On ... wrote:" attribution starts at line `i`.
    static func attributionLength(_ lines: [Substring], _ i: Int) -> Int? {
        let first = trimmedLower(lines[i])
        guard first.hasPrefix("on ") else { return nil }
        if first.hasSuffix("wrote:") { return 1 }
        if i + 1 < lines.count, !isQuoted(lines[i + 1]), trimmedLower(lines[i + 1]).hasSuffix("wrote:") { return 2 }
        return nil
    }

    static func isOutlookStart(_ lines: [Substring], _ i: Int) -> Bool {
        let t = trimmedLower(lines[i])
        if t.hasPrefix("-----") && t.contains("original message") { return true }
        if t.utf8.count >= 10 && t.utf8.allSatisfy({ $0 == 0x5F }) {       // "________" separator
            var j = i + 1
            while j < lines.count && j < i + 4 && trimmedLower(lines[j]).isEmpty { j += 1 }
            return j < lines.count && isOutlookFrom(lines, j)
        }
        return isOutlookFrom(lines, i)
    }

    private static func isOutlookFrom(_ lines: [Substring], _ i: Int) -> Bool {
        let t = stripStars(trimmedLower(lines[i]))
        guard t.hasPrefix("from:") else { return false }
        var j = i + 1
        while j < lines.count && j <= i + 4 {
            let u = stripStars(trimmedLower(lines[j]))
            if u.hasPrefix("sent:") || u.hasPrefix("date:") { return true }
            j += 1
        }
        return false
    }

    /// Outlook's plain-text rendering of bold labels: "*From:* x" -> "from: x".
    private static func stripStars(_ s: String) -> String {
        guard s.hasPrefix("*") else { return s }
        return String(s.filter { $0 != "*" })
    }
}

extension SMSSegments {
    /// `text` if it fits in `segments` SMS; otherwise its longest start that
    /// ends at a word and fits with an ellipsis added. The ellipsis is "…"
    /// for a UCS-2 start but "..." for a GSM-7 one, since "…" is not in
    /// GSM-7 and would halve the room. A first word too long on its own is
    /// cut between characters.
    public static func fit(_ text: String, segments: Int = 2) -> String {
        let segments = max(1, segments)
        if SMSSegments(text).count <= segments {
            return text
        }
        let wordEnds = text.indices.filter { index in
            index != text.startIndex && text[index].isWhitespace && !text[text.index(before: index)].isWhitespace
        }
        if let cut = longestFitting(wordEnds, of: text, segments: segments) {
            return shortened(text, at: cut)
        }
        let characterEnds = Array(text.indices.dropFirst())
        if let cut = longestFitting(characterEnds, of: text, segments: segments) {
            return shortened(text, at: cut)
        }
        return ""
    }

    /// The last of `cuts` (in text order) whose shortened form fits; the
    /// count only grows with the cut, so a binary search finds it.
    private static func longestFitting(_ cuts: [String.Index], of text: String, segments: Int) -> String.Index? {
        var low = 0
        var high = cuts.count
        while low < high {
            let middle = (low + high) / 2
            if SMSSegments(shortened(text, at: cuts[middle])).count <= segments {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low == 0 ? nil : cuts[low - 1]
    }

    private static func shortened(_ text: String, at cut: String.Index) -> String {
        var start = text[..<cut]
        while start.last?.isWhitespace == true {
            start = start.dropLast()
        }
        let ellipsis = SMSSegments(String(start)).encoding == .gsm7 ? "..." : "…"
        return start + ellipsis
    }
}

/// Free text from a patient (a reason, a specialty): control and reordering characters removed, and cut at
/// `limit` characters.
enum FreeText {
    static func clean(_ text: String, limit: Int) -> String? {
        var text = text
        if ScalarClasses.containsUnsafe(text) {
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: text.unicodeScalars.lazy.filter { !ScalarClasses.isUnsafe($0) })
            text = Lexer.collapsed(String(kept))
        }
        if text.utf8.count > limit, text.count > limit { text = String(text.prefix(limit)) }
        return text.isEmpty ? nil : text
    }
}

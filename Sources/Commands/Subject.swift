/// The subject line as a command: reply and forward prefixes removed.
enum Subject {
    private static let prefixes: Set<String> = ["re", "fwd", "fw", "aw", "wg", "sv", "vs", "tr", "rv"]

    /// "Re: RE: Fwd: BOOK Dr Rao Tue 10:00" -> "BOOK Dr Rao Tue 10:00". Also "Re[2]:" and "Re :".
    static func withoutReplyPrefixes(_ subject: String) -> String {
        var text = Lexer.trimmed(subject)
        while let colon = text.firstIndex(of: ":") {
            var word = Lexer.trimmed(String(text[..<colon]))
            if word.hasSuffix("]"), let open = word.firstIndex(of: "[") { word = word[..<open] }   // "Re[2]"
            guard word.utf8.count <= 3, prefixes.contains(word.lowercased()) else { break }
            text = Lexer.trimmed(String(text[text.index(after: colon)...]))
        }
        return String(text)
    }
}

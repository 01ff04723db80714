/// The words of one line still to be read, front first, with the line they came from (for the text as
/// written: reasons, names, and the quotes in problems).
struct Words: Sendable {
    let line: String
    private(set) var tokens: ArraySlice<Token>

    init(line: String, tokens: ArraySlice<Token>) {
        self.line = line
        self.tokens = tokens
    }

    var first: Token? { tokens.first }
    var isEmpty: Bool { tokens.isEmpty }
    var count: Int { tokens.count }
    /// The word `n` places after the first.
    func peek(_ n: Int) -> Token? { n < tokens.count ? tokens[tokens.startIndex + n] : nil }

    func dropFirst(_ n: Int = 1) -> Words { Words(line: line, tokens: tokens.dropFirst(n)) }
    func dropLast(_ n: Int = 1) -> Words { Words(line: line, tokens: tokens.dropLast(n)) }
    /// The first `n` words only.
    func prefix(_ n: Int) -> Words { Words(line: line, tokens: tokens.prefix(n)) }

    /// Without the leading filler words of `role` ("with", "on", "at"...).
    func dropping(_ role: Vocabulary.Roles) -> Words {
        var rest = tokens
        while let first = rest.first, first.is(role) { rest = rest.dropFirst() }
        return Words(line: line, tokens: rest)
    }

    /// A word as written.
    func text(_ token: Token) -> Substring {
        let utf8 = line.utf8
        return line[utf8.index(utf8.startIndex, offsetBy: Int(token.start))..<utf8.index(utf8.startIndex, offsetBy: Int(token.end))]
    }

    /// A word's key as a string: lowercased, without trailing `,` `;` `:`.
    func key(_ token: Token) -> String {
        if let key = token.key.string { return key }
        var text = text(token)
        while let last = text.last, last == "," || last == ";" || last == ":" { text = text.dropLast() }
        return text.lowercased()
    }

    /// The first `count` words as written, joined by single spaces, for quoting in a problem: cut to 40
    /// characters so that a runaway word does not make a runaway reply.
    func written(_ count: Int = 1) -> String {
        let written = tokens.prefix(count).map { String(text($0)) }.joined(separator: " ")
        return written.count > 40 ? String(written.prefix(39)) + "…" : written
    }

    /// Everything from the first word to the end of the line as written, white space collapsed: unlike `text`,
    /// it keeps what the lexer sets aside after the last word (a closing full stop of a sentence).
    var textToEnd: String {
        guard let first = tokens.first else { return "" }
        var line = line
        return line.withUTF8 { Lexer.collapsed(UnsafeBufferPointer(rebasing: $0[Int(first.start)...])) }
    }

    /// All the words as written, from the first to the last, white space collapsed: "chest  pain, fever".
    var text: String {
        guard let first = tokens.first, let last = tokens.last else { return "" }
        var line = line
        return line.withUTF8 { Lexer.collapsed(UnsafeBufferPointer(rebasing: $0[Int(first.start)..<Int(last.end)])) }
    }
}

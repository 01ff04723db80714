/// One word of a command line: a plain value (no references), so the parsers copy tokens freely.
struct Token: Sendable {
    /// The word lowercased, with trailing `,` `;` `:` removed: what the parsers compare.
    let key: WordKey
    /// Where the word as written lies in the line, in UTF-8 bytes.
    let start: Int32
    let end: Int32
    /// The first byte of the key.
    let first: UInt8
    /// The key is ASCII without dots: it is its own doctor-name form.
    let plain: Bool
    /// What the word means to the language, looked up once when the line is cut.
    let meaning: Vocabulary.Meaning

    /// Whether the word starts with an ASCII digit (dates, times, codes).
    var startsWithDigit: Bool { first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") }

    /// Whether the word carries `role`.
    @inline(__always)
    func `is`(_ role: Vocabulary.Roles) -> Bool { meaning.roles.contains(role) }
}

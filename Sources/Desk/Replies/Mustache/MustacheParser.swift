import Foundation

/// Reads the Mustache subset reply templates use: `{{name}}`, `{{{name}}}` and `{{&name}}`, sections
/// `{{#name}}`, inverted sections `{{^name}}`, comments `{{! … }}` and the `{{% CONTENT_TYPE: TEXT }}` or
/// `HTML` pragma. Tags follow the layout rules of swift-mustache: a section, comment or pragma tag alone on
/// its line takes the whole line with it; a template is HTML (values escaped) until a TEXT pragma.
/// Partials, custom delimiters, inheritance and transforms are refused, as is any name not in `TemplateKey`.
struct MustacheParser {
    private let chars: [Character]
    private var at = 0

    private init(_ text: String) { chars = Array(text) }

    static func parse(_ text: String) throws -> [TemplateNode] {
        var parser = MustacheParser(text)
        return try parser.block(closing: nil, atLineStart: true, escaping: true)
    }

    /// What ends a run of literal text.
    private enum TextEnd { case newline, tag, end }

    /// Parses until the end of the text, or until `{{/closing}}` (consumed).
    private mutating func block(closing: String?, atLineStart: Bool, escaping initialEscaping: Bool) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var escaping = initialEscaping
        var lineStart = atLineStart
        // Blanks that began the line: kept as text unless the tag after them stands alone.
        var indent = ""
        while at < chars.count {
            if lineStart { indent = readBlanks() }
            let (text, end) = readText()
            if end == .newline {
                nodes.append(.text(Array((indent + text + String(chars[at])).utf8)))
                at += 1
                lineStart = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((indent + text).utf8)))
                indent = ""
                lineStart = false
            }
            if end == .end { break }
            func flushIndent() {
                if !indent.isEmpty { nodes.append(.text(Array(indent.utf8))) }
                indent = ""
            }
            guard at < chars.count else { throw fail("a tag is not closed") }
            var standalone = false
            switch chars[at] {
            case "#", "^":
                let inverted = chars[at] == "^"
                at += 1
                let name = try readName()
                standalone = lineStart && takeRestOfLine()
                if !standalone { flushIndent() }
                let inner = try block(closing: name, atLineStart: standalone, escaping: escaping)
                let path = try Self.path(name, at: self)
                nodes.append(inverted ? .inverted(path, inner) : .section(path, inner))
            case "/":
                at += 1
                let name = try readName()
                guard name == closing else {
                    throw fail(closing.map { "{{/\(name)}} closes nothing: {{#\($0)}} is open" } ?? "{{/\(name)}} closes nothing")
                }
                if !(lineStart && takeRestOfLine()) { flushIndent() }
                return nodes
            case "!":
                at += 1
                try skipComment()
                standalone = lineStart && takeRestOfLine()
            case "%":
                at += 1
                escaping = try readPragma()
                standalone = lineStart && takeRestOfLine()
            case "{", "&":
                let tripled = chars[at] == "{"
                flushIndent()
                at += 1
                let name = try readName()
                if tripled {
                    guard at < chars.count, chars[at] == "}" else { throw fail("{{{\(name)}} needs a third }") }
                    at += 1
                }
                nodes.append(.value(try Self.path(name, at: self), escaped: false))
            case ">", "<", "$", "=":
                throw fail("{{\(chars[at])…}} (partials, inheritance, delimiters) is not supported in reply templates")
            default:
                flushIndent()
                nodes.append(.value(try Self.path(try readName(), at: self), escaped: escaping))
            }
            lineStart = standalone
        }
        if let closing { throw fail("{{#\(closing)}} is never closed") }
        return nodes
    }

    private mutating func readBlanks() -> String {
        let start = at
        while at < chars.count, chars[at] == " " || chars[at] == "\t" { at += 1 }
        return String(chars[start..<at])
    }

    /// Literal text up to a line end (left unread), an opening `{{` (read) or the end.
    private mutating func readText() -> (String, TextEnd) {
        var text = ""
        while at < chars.count {
            let c = chars[at]
            if c == "\n" || c == "\r\n" { return (text, .newline) }
            if c == "{", at + 1 < chars.count, chars[at + 1] == "{" {
                at += 2
                return (text, .tag)
            }
            text.append(c)
            at += 1
        }
        return (text, .end)
    }

    /// When only blanks remain on the line, reads them and the line end and returns true.
    private mutating func takeRestOfLine() -> Bool {
        if at == chars.count { return true }
        var look = at
        while look < chars.count, chars[look] == " " || chars[look] == "\t" { look += 1 }
        guard look < chars.count, chars[look].isNewline else { return false }
        at = look + 1
        return true
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    /// A tag's name and its closing `}}`.
    private mutating func readName() throws -> String {
        skipWhitespace()
        let start = at
        while at < chars.count, Self.nameCharacters.contains(chars[at]) { at += 1 }
        let name = String(chars[start..<at])
        skipWhitespace()
        if at < chars.count, chars[at] == "(" { throw fail("transforms such as {{f(\(name))}} are not supported in reply templates") }
        try expectClose("a tag's name is not followed by }}")
        return name
    }

    private mutating func skipComment() throws {
        while at + 1 < chars.count {
            if chars[at] == "}", chars[at + 1] == "}" {
                at += 2
                return
            }
            at += 1
        }
        throw fail("a comment is never closed with }}")
    }

    /// `CONTENT_TYPE: TEXT` or `CONTENT_TYPE: HTML`; returns whether values are escaped from here on.
    private mutating func readPragma() throws -> Bool {
        skipWhitespace()
        let start = at
        while at < chars.count, chars[at] != "}" { at += 1 }
        let words = String(chars[start..<at]).split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
        try expectClose("a pragma is not closed with }}")
        guard words.count == 2, words[0] == "CONTENT_TYPE", words[1] == "TEXT" || words[1] == "HTML" else {
            throw fail("the only pragma is {{% CONTENT_TYPE: TEXT }} or {{% CONTENT_TYPE: HTML }}")
        }
        return words[1] == "HTML"
    }

    private mutating func skipWhitespace() {
        while at < chars.count, chars[at].isWhitespace { at += 1 }
    }

    private mutating func expectClose(_ problem: String) throws {
        guard at + 1 < chars.count, chars[at] == "}", chars[at + 1] == "}" else { throw fail(problem) }
        at += 2
    }

    private static func path(_ name: String, at parser: MustacheParser) throws -> TemplatePath {
        guard !name.isEmpty else { throw parser.fail("a tag has no name") }
        let keys = try name.split(separator: ".").map { part in
            guard let key = TemplateKey(rawValue: String(part)) else {
                throw parser.fail("{{\(name)}}: replies have no value named \"\(part)\"")
            }
            return key
        }
        return TemplatePath(keys: keys, innermostOnly: name.first == "." && name != ".")
    }

    private func fail(_ problem: String) -> TemplateSyntaxError {
        TemplateSyntaxError(line: chars[..<min(at, chars.count)].count { $0.isNewline } + 1, problem: problem)
    }
}

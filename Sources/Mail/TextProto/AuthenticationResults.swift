/// An `Authentication-Results` header field (RFC 8601), read as far as deciding who a message is from
/// needs: the authserv-id of the server that wrote it and each method's result with its properties.
///
///     Authentication-Results: mx.kanchicare.example; spf=pass smtp.mailfrom=example.in;
///         dkim=pass (2048-bit key) header.d=example.in header.s=sel; dmarc=pass (p=reject) header.from=example.in
///
/// Comments (nested parentheses) are dropped, quoted strings kept whole; names are compared in ASCII
/// lower case. Anything unreadable yields nil or is left out: a result the desk cannot read is no result.
public struct AuthenticationResults: Sendable, Equatable {
    public struct MethodResult: Sendable, Equatable {
        /// "dkim", "dmarc", "spf", … (lower case).
        public var method: String
        /// "pass", "fail", "none", … (lower case).
        public var result: String
        /// "header.from", "header.d", "smtp.mailfrom", … (lower case) → value as written.
        public var properties: [String: String]
    }

    /// The server that wrote the field, in lower case.
    public var authservID: String
    public var results: [MethodResult]

    public static func parse(_ value: String) -> AuthenticationResults? {
        let statements = split(withoutComments(value))
        guard let head = statements.first, let id = words(head).first, !id.isEmpty else { return nil }
        var results: [MethodResult] = []
        for statement in statements.dropFirst() {
            let pairs = words(statement).compactMap { word -> (String, String)? in
                guard let equals = word.firstIndex(of: "=") else { return nil }
                return (String(word[..<equals]).asciiLower, unquoted(String(word[word.index(after: equals)...])))
            }
            guard let (methodSpec, result) = pairs.first, !methodSpec.isEmpty, !result.isEmpty else { continue }
            let method = String(methodSpec.prefix { $0 != "/" })
            var properties: [String: String] = [:]
            for (name, value) in pairs.dropFirst() where name.contains(".") && properties[name] == nil { properties[name] = value }
            results.append(MethodResult(method: method, result: result.asciiLower, properties: properties))
        }
        return AuthenticationResults(authservID: unquoted(id).asciiLower, results: results)
    }

    /// The text with comments removed (each replaced by a space); quoted strings are left alone.
    static func withoutComments(_ text: String) -> String {
        var out = ""
        var depth = 0, quoted = false, escaped = false
        for c in text {
            if escaped { escaped = false; if depth == 0 { out.append(c) }; continue }
            if c == "\\" { escaped = true; if depth == 0 { out.append(c) }; continue }
            if quoted {
                if c == "\"" { quoted = false }
                out.append(c)
            } else if c == "(" {
                depth += 1
            } else if c == ")" && depth > 0 {
                depth -= 1
                if depth == 0 { out.append(" ") }
            } else if depth == 0 {
                if c == "\"" { quoted = true }
                out.append(c)
            }
        }
        return out
    }

    /// The statements between semicolons outside quoted strings.
    static func split(_ text: String) -> [String] {
        var parts: [String] = [], current = ""
        var quoted = false, escaped = false
        for c in text {
            if escaped { escaped = false; current.append(c); continue }
            if c == "\\" && quoted { escaped = true; current.append(c); continue }
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted { parts.append(current); current = ""; continue }
            current.append(c)
        }
        parts.append(current)
        return parts
    }

    /// Words separated by white space outside quoted strings, with white space around "=" joined away.
    static func words(_ statement: String) -> [String] {
        var words: [String] = [], current = ""
        var quoted = false
        for c in statement {
            if c == "\"" { quoted.toggle() }
            if !quoted && (c == " " || c == "\t" || c == "\r" || c == "\n") {
                if !current.isEmpty { words.append(current); current = "" }
                continue
            }
            current.append(c)
        }
        if !current.isEmpty { words.append(current) }
        // "dkim = pass" → "dkim=pass"
        var joined: [String] = []
        var i = 0
        while i < words.count {
            var word = words[i]
            while i + 1 < words.count, word.hasSuffix("=") || words[i + 1].hasPrefix("=") {
                word += words[i + 1]
                i += 1
            }
            joined.append(word)
            i += 1
        }
        return joined
    }

    static func unquoted(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
        var out = "", escaped = false
        for c in value.dropFirst().dropLast() {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }
}

extension String {
    /// A–Z made a–z, nothing else changed.
    var asciiLower: String {
        String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

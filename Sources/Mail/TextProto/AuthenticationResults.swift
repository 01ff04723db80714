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
        let statements = split(withoutComments(Array(value.utf8)))
        guard let head = statements.first, let id = words(head).first, !id.isEmpty else { return nil }
        var results: [MethodResult] = []
        for statement in statements.dropFirst() {
            let pairs = words(statement).compactMap { word -> (String, String)? in
                guard let equals = word.firstIndex(of: UInt8(ascii: "=")) else { return nil }
                return (text(word[..<equals]).asciiLower, unquoted(word[(equals + 1)...]))
            }
            guard let (methodSpec, result) = pairs.first, !methodSpec.isEmpty, !result.isEmpty else { continue }
            let method = String(methodSpec.prefix { $0 != "/" })
            var properties: [String: String] = [:]
            for (name, value) in pairs.dropFirst() where name.contains(".") && properties[name] == nil { properties[name] = value }
            results.append(MethodResult(method: method, result: result.asciiLower, properties: properties))
        }
        return AuthenticationResults(authservID: unquoted(id[...]).asciiLower, results: results)
    }

    private static let space = UInt8(ascii: " "), quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// The bytes with comments removed (each replaced by a space); quoted strings are left alone.
    static func withoutComments(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var depth = 0, quoted = false, escaped = false
        for c in bytes {
            if escaped { escaped = false; if depth == 0 { out.append(c) }; continue }
            if c == backslash { escaped = true; if depth == 0 { out.append(c) }; continue }
            if quoted {
                if c == quote { quoted = false }
                out.append(c)
            } else if c == UInt8(ascii: "(") {
                depth += 1
            } else if c == UInt8(ascii: ")") && depth > 0 {
                depth -= 1
                if depth == 0 { out.append(space) }
            } else if depth == 0 {
                if c == quote { quoted = true }
                out.append(c)
            }
        }
        return out
    }

    /// The statements between semicolons outside quoted strings.
    static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0, quoted = false, escaped = false
        for (i, c) in bytes.enumerated() {
            if escaped { escaped = false; continue }
            if c == backslash && quoted { escaped = true; continue }
            if c == quote { quoted.toggle() }
            if c == UInt8(ascii: ";") && !quoted { parts.append(bytes[start..<i]); start = i + 1 }
        }
        parts.append(bytes[start...])
        return parts
    }

    /// Words separated by white space outside quoted strings, with white space around "=" joined away.
    static func words(_ statement: ArraySlice<UInt8>) -> [[UInt8]] {
        var words: [[UInt8]] = [], current: [UInt8] = []
        var quoted = false
        for c in statement {
            if c == quote { quoted.toggle() }
            if !quoted && (c == space || c == 0x09 || c == 0x0D || c == 0x0A) {
                if !current.isEmpty { words.append(current); current = [] }
                continue
            }
            current.append(c)
        }
        if !current.isEmpty { words.append(current) }
        // "dkim = pass" → "dkim=pass"
        var joined: [[UInt8]] = []
        var i = 0
        while i < words.count {
            var word = words[i]
            while i + 1 < words.count, word.last == UInt8(ascii: "=") || words[i + 1].first == UInt8(ascii: "=") {
                word += words[i + 1]
                i += 1
            }
            joined.append(word)
            i += 1
        }
        return joined
    }

    static func text(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    static func unquoted(_ value: ArraySlice<UInt8>) -> String {
        guard value.count >= 2, value.first == quote, value.last == quote else { return text(value) }
        var out: [UInt8] = [], escaped = false
        for c in value.dropFirst().dropLast() {
            if escaped { out.append(c); escaped = false } else if c == backslash { escaped = true } else { out.append(c) }
        }
        return text(out)
    }
}

extension String {
    /// A–Z made a–z, nothing else changed.
    var asciiLower: String { String(decoding: utf8.map(ASCII.lower), as: UTF8.self) }
}

/// The checked parts of an `smtp://` or `smtps://` URL.
struct SMTPServerURL {
    let implicitTLS: Bool

    init(_ url: String) throws(SMTPConfigurationError) {
        guard let schemeEnd = url.range(of: "://") else {
            throw SMTPConfigurationError("the SMTP URL must look like smtp://host:port or smtps://host:port")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "smtp" || scheme == "smtps" else {
            throw SMTPConfigurationError(
                "unsupported URL scheme '\(scheme.prefix(20))': use smtp:// (STARTTLS) or smtps:// (implicit TLS)")
        }
        implicitTLS = scheme == "smtps"
        var rest = url[schemeEnd.upperBound...]
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains(where: { "/?#".contains($0) }) else {
            throw SMTPConfigurationError("the SMTP URL names a server only (no path, query or fragment)")
        }
        guard !rest.contains("@") else {
            throw SMTPConfigurationError(
                "no credentials in the SMTP URL: use CAREDESK_SMTP_USER and CAREDESK_SMTP_PASSWORD")
        }
        try Self.checkAuthority(rest)
    }

    private static func checkAuthority(_ authority: Substring) throws(SMTPConfigurationError) {
        var host = authority
        var port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw SMTPConfigurationError("unterminated IPv6 address in the SMTP URL")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw SMTPConfigurationError("bad port in the SMTP URL") }
                port = after.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw SMTPConfigurationError("bad IPv6 address in the SMTP URL")
            }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon]
                port = authority[authority.index(after: colon)...]
            }
            guard !host.isEmpty, host.allSatisfy(isHostCharacter) else {
                throw SMTPConfigurationError("bad host name in the SMTP URL")
            }
        }
        if let port {
            guard let number = Int(port), (1...65535).contains(number), port.allSatisfy(\.isASCII) else {
                throw SMTPConfigurationError("bad port in the SMTP URL")
            }
        }
    }

    private static func isHostCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "-"
            || character == "_")
    }

    /// A domain (letters, digits, dots, hyphens) or an address literal in brackets.
    static func isHELOName(_ name: String) -> Bool {
        guard name.count <= 255 else { return false }
        if name.hasPrefix("[") && name.hasSuffix("]") && name.count > 2 {
            return name.dropFirst().dropLast().allSatisfy {
                $0.isASCII && ($0.isHexDigit || $0.isLetter || $0 == ":" || $0 == ".")
            }
        }
        return name.allSatisfy { isHostCharacter($0) && $0 != "_" }
    }
}

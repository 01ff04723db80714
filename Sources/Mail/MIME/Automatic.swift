// RFC 3834 section 2: which messages must not get an automatic response.

enum Automatic {
    /// Precedence when several signs are present: deliveryReport (multipart/report), then
    /// bounce (null Return-Path or MAILER-DAEMON/postmaster sender), then autoSubmitted
    /// (Auto-Submitted not "no"), then list (Precedence bulk/list/junk, List-Id).
    /// Header values the classification looks at (first field of each name, cleaned).
    struct Signs {
        var rawFrom: String?
        var autoSubmitted: String?
        var precedence: String?
        var listID = false
    }

    static func classify(_ m: MailMessage, _ signs: Signs, topType: String) -> AutomaticKind? {
        if topType == "multipart/report" { return .deliveryReport }
        if m.returnPath == "" { return .bounce }
        if let rp = m.returnPath, isDaemon(localPart(rp)) { return .bounce }
        if let from = m.from {
            if isDaemon(from.localPart) { return .bounce }
        } else if let raw = signs.rawFrom {
            // "MAILER-DAEMON" without a domain does not parse as an address
            let lower = ASCII.lowercased(raw)
            if lower.contains("mailer-daemon") || lower.hasPrefix("postmaster") || lower.contains("<>") {
                return .bounce
            }
        }
        if let v = signs.autoSubmitted {
            let keyword = MessageParser.token(v)
            if !keyword.isEmpty && keyword != "no" { return .autoSubmitted(keyword) }
        }
        if let p = signs.precedence {
            let keyword = MessageParser.token(p)
            if keyword == "bulk" || keyword == "list" || keyword == "junk" { return .list }
        }
        if signs.listID { return .list }
        return nil
    }

    static func isDaemon(_ local: String) -> Bool {
        let l = ASCII.lowercased(local)
        return l == "mailer-daemon" || l == "postmaster"
    }

    private static func localPart(_ address: String) -> String {
        guard let at = address.utf8.lastIndex(of: 0x40) else { return address }
        return String(address[..<at])
    }
}

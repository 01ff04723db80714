import Foundation

/// A parsed incoming message. Parsing is lenient and never fails: problems are reported in
/// `warnings` and the best usable reading is returned.
public struct MailMessage: Sendable {
    /// Top-level header fields in order.
    public var headers: [HeaderField] = []
    public var from: MailAddress?
    public var replyTo: MailAddress?
    /// Valid mailboxes of the first To and Cc fields.
    public var to: [MailAddress] = []
    public var cc: [MailAddress] = []
    /// Return-Path address without brackets; "" for the null path "<>"; nil when absent.
    public var returnPath: String?
    /// Decoded, sanitized Subject ("" when absent).
    public var subject: String = ""
    /// Message-ID without angle brackets.
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String] = []
    public var date: Date?
    /// The body as text, "\n" line ends (see `parse`).
    public var text: String = ""
    public var attachments: [Attachment] = []
    public var automatic: AutomaticKind?
    public var warnings: [String] = []
    /// Values of all X-Loop headers, sanitized and trimmed.
    public var xLoop: [String] = []
    /// Mailboxes named by all From fields together (a field naming none counts as one): a message acts
    /// for one person only when this is 1.
    public var fromMailboxes = 0

    public init() {}

    /// First field named `name` (case-insensitive): RFC 2047 decoded, C0/C1 controls
    /// (CR, LF, NUL, tab...) replaced by spaces, trimmed.
    public func header(_ name: String) -> String? {
        headers.first(named: name).map { MailMessage.clean($0.rawValue) }
    }

    /// Every field named `name`, in order, cleaned as by `header(_:)`.
    public func headers(named name: String) -> [String] {
        headers.filter { ASCII.equalsIgnoringCase($0.name, name) }.map { MailMessage.clean($0.rawValue) }
    }

    static func clean(_ raw: String) -> String {
        HeaderSanitizer.sanitize(EncodedWord.decode(raw))
    }

    /// Parses a message. Accepts LF, CRLF and mixed line ends, a leading mbox "From " line,
    /// a missing blank line after the headers; decodes transfer encodings and charsets.
    /// `text` is the first text/plain part (in document order) not marked as attachment,
    /// else the first text/html part converted to text. Every other part that is not
    /// text/plain or text/html, and every part with Content-Disposition: attachment, is in
    /// `attachments`.
    public static func parse(_ data: Data) -> MailMessage {
        parse(bytes: [UInt8](data))
    }

    public static func parse(_ string: String) -> MailMessage {
        parse(bytes: Array(string.utf8))
    }

    public static func parse(bytes: [UInt8]) -> MailMessage {
        var start = 0
        if bytes.count >= 5 && bytes[0] == 0x46 && bytes[1] == 0x72 && bytes[2] == 0x6F
            && bytes[3] == 0x6D && bytes[4] == sp {                  // "From " envelope line
            while start < bytes.count && bytes[start] != lf { start += 1 }
            start = min(start + 1, bytes.count)
        }
        let block = HeaderBlock.parse(bytes, start..<bytes.count)
        var parser = MessageParser(bytes)
        if block.missingBlankLine { parser.warn("no blank line between header and body") }
        let topType = parser.walk(block.fields, block.bodyStart..<bytes.count, depth: 0, inDigest: false)

        var m = MailMessage()
        m.headers = block.fields
        let signs = m.fillEnvelope()
        m.text = parser.bodyText()
        m.attachments = parser.attachments
        m.warnings = parser.warnings
        m.automatic = Automatic.classify(m, signs, topType: topType)
        return m
    }

    /// Fills the envelope fields from the first field of each name, in one pass; returns the
    /// raw values classification needs.
    private mutating func fillEnvelope() -> Automatic.Signs {
        var signs = Automatic.Signs()
        var seen: UInt32 = 0
        for f in headers {
            let n = f.name
            let key: Int
            switch n.utf8.count {
            case 2: key = ASCII.equalsIgnoringCase(n, "To") ? 1 : ASCII.equalsIgnoringCase(n, "Cc") ? 2 : 0
            case 4: key = ASCII.equalsIgnoringCase(n, "Date") ? 3 : ASCII.equalsIgnoringCase(n, "From") ? 4 : 0
            case 6: key = ASCII.equalsIgnoringCase(n, "X-Loop") ? 5 : 0
            case 7: key = ASCII.equalsIgnoringCase(n, "Subject") ? 6 : ASCII.equalsIgnoringCase(n, "List-Id") ? 7 : 0
            case 8: key = ASCII.equalsIgnoringCase(n, "Reply-To") ? 8 : 0
            case 10: key = ASCII.equalsIgnoringCase(n, "Message-ID") ? 9
                : ASCII.equalsIgnoringCase(n, "References") ? 10 : ASCII.equalsIgnoringCase(n, "Precedence") ? 11 : 0
            case 11: key = ASCII.equalsIgnoringCase(n, "Return-Path") ? 12 : ASCII.equalsIgnoringCase(n, "In-Reply-To") ? 13 : 0
            case 14: key = ASCII.equalsIgnoringCase(n, "Auto-Submitted") ? 14 : 0
            default: key = 0
            }
            if key == 5 { xLoop.append(MailMessage.clean(f.rawValue)); continue }
            if key == 4 { fromMailboxes += Self.mailboxCount(f.rawValue) }
            guard key != 0, seen & (1 << key) == 0 else { continue }
            seen |= 1 << key
            let v = f.rawValue
            switch key {
            case 1: to = MailAddress.parseList(v)
            case 2: cc = MailAddress.parseList(v)
            case 3: date = MailDate.parse(v)
            case 4: from = MailAddress.parse(v); signs.rawFrom = v
            case 6: subject = MailMessage.clean(v)
            case 7: signs.listID = true
            case 8: replyTo = MailAddress.parse(v)
            case 9: messageID = MessageIDs.first(v)
            case 10: references = MessageIDs.list(v)
            case 11: signs.precedence = MailMessage.clean(v)
            case 12: returnPath = MailMessage.pathAddress(v)
            case 13: inReplyTo = MessageIDs.first(v)
            case 14: signs.autoSubmitted = MailMessage.clean(v)
            default: break
            }
        }
        return signs
    }

    /// How many mailboxes a From field names: one unless it holds a comma outside quotes, comments and
    /// angle brackets, when the list is parsed (RFC 5322 allows several authors; the desk acts for none).
    static func mailboxCount(_ raw: String) -> Int {
        var quoted = false, depth = 0, angle = false, escaped = false, comma = false
        for b in raw.utf8 {
            if escaped { escaped = false; continue }
            switch b {
            case 0x5C: escaped = true
            case 0x22 where depth == 0: quoted.toggle()
            case 0x28 where !quoted: depth += 1
            case 0x29 where !quoted && depth > 0: depth -= 1
            case 0x3C where !quoted && depth == 0: angle = true
            case 0x3E where !quoted && depth == 0: angle = false
            case 0x2C where !quoted && depth == 0 && !angle: comma = true
            default: break
            }
        }
        return comma ? max(1, MailAddress.parseList(raw).count) : 1
    }

    /// "<a@b>" -> "a@b", "<>" -> "", bare "a@b" -> "a@b".
    static func pathAddress(_ raw: String) -> String {
        let b = Array(raw.utf8)
        if let open = b.firstIndex(of: 0x3C) {
            var close = open + 1
            while close < b.count && b[close] != 0x3E { close += 1 }
            return String(decoding: b[(open + 1)..<close].filter { $0 > 0x20 && $0 != 0x7F }, as: UTF8.self)
        }
        return HeaderSanitizer.sanitize(raw)
    }
}

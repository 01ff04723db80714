import Foundation

/// A message to send, rendered as RFC 5322 + MIME.
public struct OutgoingMail: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    /// Where an answer goes, when not to `from`; written as a mailbox, so no name or address can add a field.
    public var replyTo: MailAddress?
    public var subject: String
    /// Without angle brackets (they are added, and stripped if given).
    public var messageID: String
    public var inReplyTo: String?
    public var references: [String]
    public var date: Date
    /// Zone the Date header is written in; nil means +0000.
    public var timeZone: TimeZone?
    /// Auto-Submitted value, e.g. "auto-replied" (RFC 3834); nil for none.
    public var autoSubmitted: String?
    /// Additional fields (e.g. ("X-Loop", "desk@clinic.example")), written after the standard
    /// ones; names reduced to legal characters, values sanitized and encoded like Subject.
    public var extraHeaders: [(String, String)]
    public var text: String
    /// nil: a single text/plain part; else multipart/alternative (text, html).
    public var html: String?
    /// Non-empty: multipart/mixed (body, attachments...), attachments base64.
    public var attachments: [Attachment]
    /// Images the HTML part shows with `<img src="cid:…">`: the HTML and these go in one multipart/related
    /// (RFC 2387). Ignored without `html`.
    public var inlineImages: [InlineImage] = []

    public init(from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, subject: String, messageID: String,
                inReplyTo: String? = nil, references: [String] = [], date: Date,
                timeZone: TimeZone? = nil, autoSubmitted: String? = nil,
                extraHeaders: [(String, String)] = [], text: String, html: String? = nil,
                attachments: [Attachment] = []) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.timeZone = timeZone
        self.autoSubmitted = autoSubmitted
        self.extraHeaders = extraHeaders
        self.text = text
        self.html = html
        self.attachments = attachments
    }

    /// The complete message: header fields (Date, From, To, Subject, Message-ID,
    /// In-Reply-To, References, Auto-Submitted, extra headers, MIME-Version, content fields),
    /// a blank line and the body, every line ended by `lineEnding` ("\n" or "\r\n").
    /// Header values can never contain CR, LF or other controls; the text always ends with
    /// a line end.
    public func render(lineEnding: String = "\n") -> Data {
        Data(renderBytes(lineEnding: lineEnding))
    }

    /// As `render`, as text (all ASCII: non-ASCII content is encoded).
    public func renderText(lineEnding: String = "\n") -> String {
        String(decoding: renderBytes(lineEnding: lineEnding), as: UTF8.self)
    }

    private func renderBytes(lineEnding: String) -> [UInt8] {
        let eol = Array(lineEnding.utf8)
        var w = HeaderWriter(eol: eol)
        w.field("Date", MailDate.format(date, timeZone: timeZone))
        w.field("From", HeaderWriter.mailbox(from))
        let recipients = to.map(HeaderWriter.mailbox).filter { !$0.isEmpty }
        if !recipients.isEmpty { w.field("To", recipients.joined(separator: ", ")) }
        if let replyTo, case let mailbox = HeaderWriter.mailbox(replyTo), !mailbox.isEmpty { w.field("Reply-To", mailbox) }
        w.field("Subject", HeaderWriter.unstructured(subject, name: "Subject"))
        w.field("Message-ID", HeaderWriter.msgID(messageID))
        if let r = inReplyTo, !MessageIDs.clean(r).isEmpty { w.field("In-Reply-To", HeaderWriter.msgID(r)) }
        let refs = references.map(MessageIDs.clean).filter { !$0.isEmpty }
        if !refs.isEmpty { w.field("References", refs.map { "<\($0)>" }.joined(separator: " ")) }
        if let a = autoSubmitted {
            let v = HeaderSanitizer.sanitize(a)
            if !v.isEmpty { w.field("Auto-Submitted", HeaderWriter.unstructured(v, name: "Auto-Submitted")) }
        }
        for (name, value) in extraHeaders { w.field(name, HeaderWriter.unstructured(value, name: HeaderWriter.fieldName(name))) }
        w.field("MIME-Version", "1.0")

        let entity = body(eol: eol)
        for (name, value) in entity.headers { w.field(name, value) }
        var out: [UInt8] = []
        out.reserveCapacity(w.out.count + eol.count + entity.body.count)
        out.append(contentsOf: w.out)
        out.append(contentsOf: eol)
        out.append(contentsOf: entity.body)
        return out
    }

    private func body(eol: [UInt8]) -> MIMEEntity {
        let seed = OutgoingMail.hash(messageID)
        var main = MIMEEntity.text(text, subtype: "plain", eol: eol)
        if let html {
            var htmlPart = MIMEEntity.text(html, subtype: "html", eol: eol)
            if !inlineImages.isEmpty {
                htmlPart = MIMEEntity.multipart("related", [htmlPart] + inlineImages.map { MIMEEntity.inline($0, eol: eol) },
                                                seed: seed, eol: eol)
            }
            main = MIMEEntity.multipart("alternative", [main, htmlPart], seed: seed, eol: eol)
        }
        guard !attachments.isEmpty else { return main }
        let parts = [main] + attachments.map { MIMEEntity.attachment($0, eol: eol) }
        return MIMEEntity.multipart("mixed", parts, seed: seed, eol: eol)
    }

    /// FNV-1a of the message id, hex: a stable, deterministic boundary ingredient.
    static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in s.utf8 { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }
}

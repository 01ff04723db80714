import Foundation

// Walks the MIME tree of a message (RFC 2045/2046): picks the body text, collects
// attachments, records warnings. Bounded in depth and part count for hostile input.

struct MessageParser {
    static let maxDepth = 24
    static let maxParts = 500

    let b: [UInt8]
    var warnings: [String] = []
    var attachments: [Attachment] = []
    private var plain: String? = nil
    private var html: (range: Range<Int>, cte: String?, charset: String?)? = nil
    private var partCount = 0

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func warn(_ w: String) {
        if warnings.count < 50 && !warnings.contains(w) { warnings.append(w) }
    }

    /// Visits one entity; returns its (lowercased) content type.
    @discardableResult
    mutating func walk(_ headers: [HeaderField], _ body: Range<Int>, depth: Int, inDigest: Bool) -> String {
        partCount += 1
        guard partCount <= MessageParser.maxParts else {
            warn("too many MIME parts; rest ignored")
            return "text/plain"
        }
        var ct = headers.first(named: "Content-Type").flatMap { ContentType.parse($0.rawValue) }
            ?? ContentType(value: inDigest ? "message/rfc822" : "text/plain", params: [])
        if !ct.value.utf8.contains(0x2F) {
            warn("invalid Content-Type '\(HeaderSanitizer.sanitize(ct.value))'; treated as text/plain")
            ct.value = "text/plain"
        }
        guard ct.isMultipart else {
            leaf(headers, ct, body)
            return ct.value
        }
        guard depth < MessageParser.maxDepth else {
            warn("MIME nesting too deep; inner parts ignored")
            return ct.value
        }
        guard let boundary = ct.param("boundary"), !boundary.isEmpty else {
            warn("multipart without boundary parameter; treated as text/plain")
            leaf(headers, ContentType(value: "text/plain", params: ct.params), body)
            return ct.value
        }
        let split = Multipart.split(b, body, boundary: boundary, maxParts: MessageParser.maxParts)
        if split.parts.isEmpty {
            warn("multipart boundary not found; body treated as text/plain")
            leaf(headers, ContentType(value: "text/plain", params: ct.params), body)
            return ct.value
        }
        if !split.closed { warn("multipart close delimiter missing") }
        let digest = ct.value == "multipart/digest"
        for r in split.parts {
            let block = HeaderBlock.parse(b, r)
            if block.missingBlankLine { warn("MIME part without blank line after its headers") }
            walk(block.fields, block.bodyStart..<r.upperBound, depth: depth + 1, inDigest: digest)
        }
        return ct.value
    }

    private mutating func leaf(_ headers: [HeaderField], _ ct: ContentType, _ body: Range<Int>) {
        let cte = headers.first(named: "Content-Transfer-Encoding").map { MessageParser.token($0.rawValue) }
        let disposition = headers.first(named: "Content-Disposition").flatMap { ContentType.parse($0.rawValue) }
        let isText = ct.value == "text/plain" || ct.value == "text/html"
        if disposition?.value == "attachment" || !isText {
            // Kept as it came: decoded only if a command asks for it (SET PHOTO).
            switch cte {
            case nil, "", "7bit", "8bit", "binary", "quoted-printable": break
            case "base64": if TransferDecoding.base64IsTruncated(b[body]) { warn("truncated base64 data") }
            case let other?: warn("unknown Content-Transfer-Encoding '\(HeaderSanitizer.sanitize(other))'; left as is")
            }
            let raw = disposition?.param("filename") ?? ct.param("name")
            let name = raw.map { HeaderSanitizer.sanitize(EncodedWord.decode($0)) }
            attachments.append(Attachment(filename: (name?.isEmpty ?? true) ? nil : name,
                                          contentType: ct.value, encoded: b[body], transferEncoding: cte))
        } else if ct.value == "text/plain" {
            if plain == nil {
                let text = decodeText(body, cte, ct.param("charset"))
                plain = ASCII.lowercased(ct.param("format") ?? "") == "flowed"
                    ? Flowed.unflow(text, delSp: ASCII.lowercased(ct.param("delsp") ?? "") == "yes")
                    : text
            }
        } else if html == nil {
            html = (body, cte, ct.param("charset"))
        }
    }

    /// Lowercased first token of a value ("Base64 (comment)" -> "base64").
    static func token(_ v: String) -> String {
        v.withBytes { b in
            var i = 0
            while i < b.count && ASCII.isSpace(b[i]) { i += 1 }
            var j = i
            while j < b.count, !ASCII.isSpace(b[j]), b[j] != 0x3B, b[j] != 0x28 { j += 1 }
            return ASCII.lowerString(b, i..<j)
        }
    }

    /// The chosen body text: first text/plain, else first text/html as text, else "". A
    /// blank text/plain next to an HTML part (some clients send one) yields to the HTML.
    mutating func bodyText() -> String {
        if let plain, html == nil || plain.utf8.contains(where: { !ASCII.isSpace($0) }) { return plain }
        if let h = html { return HTMLText.plainText(decodeText(h.range, h.cte, h.charset)) }
        return plain ?? ""
    }

    private mutating func decodeText(_ body: Range<Int>, _ cte: String?, _ charset: String?) -> String {
        let bytes = transferDecode(body, cte, lineBreak: [lf])
        let cs = Charset(label: charset)
        if case .unknown(let label) = cs {
            warn("unknown charset '\(HeaderSanitizer.sanitize(label))'; decoded as UTF-8 or Latin-1")
        }
        var invalid = false
        let s = cs.decode(bytes, normalizeNewlines: true, invalid: &invalid)
        if invalid { warn("invalid UTF-8 in text body") }
        return s
    }

    private mutating func transferDecode(_ body: Range<Int>, _ cte: String?, lineBreak: [UInt8]) -> ArraySlice<UInt8> {
        switch cte {
        case nil, "", "7bit", "8bit", "binary":
            return b[body]
        case "quoted-printable":
            return TransferDecoding.quotedPrintable(b, body, lineBreak: lineBreak)[...]
        case "base64":
            var truncated = false
            let out = TransferDecoding.base64(b[body], truncated: &truncated)
            if truncated { warn("truncated base64 data") }
            return out[...]
        case let other?:
            warn("unknown Content-Transfer-Encoding '\(HeaderSanitizer.sanitize(other))'; left as is")
            return b[body]
        }
    }
}

import Foundation

// Building MIME entities (RFC 2045/2046) for outgoing mail.

struct MIMEEntity {
    var headers: [(String, String)]
    /// Content, ending with a line end unless empty.
    var body: [UInt8]
    /// Whether the body is quoted-printable or base64, so holds no "=_" and no boundary of ours.
    var isEncoded = false

    /// A text/SUBTYPE part in UTF-8: 7bit when every line is short plain ASCII, else
    /// quoted-printable. Line ends are normalised; a final line end is always present.
    static func text(_ text: String, subtype: String, eol: [UInt8]) -> MIMEEntity {
        let (body, qp) = TextBody.encode(text, eol: eol)
        return MIMEEntity(headers: [("Content-Type", "text/\(subtype); charset=utf-8"),
                                    ("Content-Transfer-Encoding", qp ? "quoted-printable" : "7bit")],
                          body: body, isEncoded: qp)
    }

    /// A base64 attachment with Content-Disposition: attachment.
    static func attachment(_ a: Attachment, eol: [UInt8]) -> MIMEEntity {
        let pieces = HeaderSanitizer.sanitize(a.contentType).split(separator: ";").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var type = ASCII.lowercased(pieces.first ?? "")
        if !isValidType(type) { type = "application/octet-stream" }
        var ct = type
        // Parameters survive only as token=token (e.g. "method=request" on text/calendar, RFC 6047).
        for parameter in pieces.dropFirst() {
            let nameValue = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard type != "application/octet-stream", nameValue.count == 2, ASCII.lowercased(nameValue[0]) != "name",
                  nameValue.allSatisfy(isToken) else { continue }
            ct += "; \(nameValue[0])=\(nameValue[1])"
        }
        var cd = "attachment"
        if let name = a.filename.map(HeaderSanitizer.sanitize), !name.isEmpty {
            ct += "; " + (ASCII.isAllASCII(name) ? HeaderWriter.parameter("name", name)
                                                 : "name=\"" + EncodedWord.encode(name) + "\"")
            cd += "; " + HeaderWriter.parameter("filename", name)
        }
        let b64 = Array(a.data.base64EncodedString().utf8)
        var body: [UInt8] = []
        body.reserveCapacity(b64.count + b64.count / 76 * eol.count + eol.count)
        var i = 0
        while i < b64.count {
            let j = min(i + 76, b64.count)
            body.append(contentsOf: b64[i..<j])
            body.append(contentsOf: eol)
            i = j
        }
        return MIMEEntity(headers: [("Content-Type", ct), ("Content-Disposition", cd),
                                    ("Content-Transfer-Encoding", "base64")], body: body, isEncoded: true)
    }

    /// An image shown by the HTML part (`cid:` URL, RFC 2392): Content-ID and Content-Disposition: inline.
    static func inline(_ image: InlineImage, eol: [UInt8]) -> MIMEEntity {
        var part = attachment(Attachment(filename: image.filename, contentType: image.contentType, data: image.data), eol: eol)
        part.headers = part.headers.map { name, value in
            name == "Content-Disposition" ? (name, value.replacingOccurrences(of: "attachment", with: "inline", options: .anchored)) : (name, value)
        }
        part.headers.insert(("Content-ID", HeaderWriter.msgID(image.contentID)), at: 1)
        return part
    }

    /// multipart/SUBTYPE of `parts`, with a boundary that occurs in none of them.
    static func multipart(_ subtype: String, _ parts: [MIMEEntity], seed: String, eol: [UInt8]) -> MIMEEntity {
        var n = 0
        var boundary = ""
        repeat {
            boundary = "=_cd_\(subtype.prefix(3))_\(seed)_\(n)"
            n += 1
        } while parts.contains(where: { !$0.isEncoded && $0.mentions(Array(boundary.utf8)) })
        let delimiter = Array(("--" + boundary).utf8)
        var body: [UInt8] = []
        body.reserveCapacity(parts.reduce(0) { $0 + $1.body.count + 256 } + delimiter.count + 8)
        for p in parts {
            body.append(contentsOf: delimiter)
            body.append(contentsOf: eol)
            var w = HeaderWriter(eol: eol)
            for (k, v) in p.headers { w.field(k, v) }
            body.append(contentsOf: w.out)
            body.append(contentsOf: eol)
            body.append(contentsOf: p.body)
            body.append(contentsOf: eol)
        }
        body.append(contentsOf: delimiter)
        body.append(contentsOf: [0x2D, 0x2D])
        body.append(contentsOf: eol)
        return MIMEEntity(headers: [("Content-Type", "multipart/\(subtype); boundary=\"\(boundary)\"")], body: body)
    }

    /// Whether `needle` occurs in the body (nested entities included, as they are flattened).
    func mentions(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= body.count else { return false }
        return body.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                let lastStart = h.count - n.count
                var i = 0
                while i <= lastStart {
                    guard let hit = memchr(hb + i, Int32(nb[0]), lastStart - i + 1) else { return false }
                    let j = hb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hb + j, nb, n.count) == 0 { return true }
                    i = j + 1
                }
                return false
            }
        }
    }

    private static func isToken(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64 && s.utf8.allSatisfy { ASCII.isAlnum($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }
    }

    private static func isValidType(_ t: String) -> Bool {
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { p in
            !p.isEmpty && p.utf8.allSatisfy { c in
                ASCII.isAlnum(c) || c == 0x2D || c == 0x2E || c == 0x2B || c == 0x5F || c == 0x21 || c == 0x23 || c == 0x24
                    || c == 0x26 || c == 0x5E
            }
        }
    }
}

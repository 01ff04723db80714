// Tokenising one mailbox ("phrase <addr>", "addr (comment)") of an RFC 5322 address list.

enum AddressLexer {
    /// Index just past the quoted string starting at `i` (honouring backslash escapes).
    static func skipQuoted(_ b: Bytes, _ i: Int) -> Int {
        var j = i + 1
        while j < b.count {
            if b[j] == 0x5C { j += 2; continue }
            if b[j] == 0x22 { return j + 1 }
            j += 1
        }
        return b.count
    }

    /// Index just past the (possibly nested) comment starting at `i`.
    static func skipComment(_ b: Bytes, _ i: Int) -> Int {
        var depth = 0
        var j = i
        while j < b.count {
            switch b[j] {
            case 0x5C: j += 1
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return j + 1 }
            default: break
            }
            j += 1
        }
        return b.count
    }

    /// Index just past the angle-addr starting at `i` (quotes inside are honoured).
    static func skipAngle(_ b: Bytes, _ i: Int) -> Int {
        var j = i + 1
        while j < b.count {
            if b[j] == 0x22 { j = skipQuoted(b, j); continue }
            if b[j] == 0x3E { return j + 1 }
            j += 1
        }
        return b.count
    }

    static func skipUntil(_ b: Bytes, _ i: Int, _ close: UInt8) -> Int {
        var j = i + 1
        while j < b.count && b[j] != close { j += 1 }
        return min(j + 1, b.count)
    }

    /// Parses one list element into a mailbox, or nil when it holds no valid address.
    static func mailbox(_ b: Bytes, _ range: Range<Int>) -> MailAddress? {
        var phrase: [UInt8] = []
        var bare: [UInt8] = []
        phrase.reserveCapacity(range.count)
        bare.reserveCapacity(range.count)
        var comment: [UInt8]? = nil
        var angle: Range<Int>? = nil
        var space = false
        func word<C: Collection>(_ w: C) where C.Element == UInt8 {
            if space && !phrase.isEmpty { phrase.append(sp) }
            space = false
            phrase.append(contentsOf: w)
        }
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = b[i]
            switch c {
            case 0x22:
                let j = min(skipQuoted(b, i), end)
                let closed = j - 1 > i && b[j - 1] == 0x22
                word(unescape(b, (i + 1)..<(closed ? j - 1 : j)))
                bare.append(contentsOf: b[i..<j])
                i = j
            case 0x28:
                let j = min(skipComment(b, i), end)
                if comment == nil {
                    let inner = (i + 1)..<max(i + 1, b[j - 1] == 0x29 ? j - 1 : j)
                    comment = unescape(b, inner)
                }
                i = j
            case 0x3C:
                let j = min(skipAngle(b, i), end)
                if angle == nil {
                    angle = (i + 1)..<max(i + 1, b[j - 1] == 0x3E ? j - 1 : j)
                }
                i = j
            case 0x5B:
                let j = min(skipUntil(b, i, 0x5D), end)
                bare.append(contentsOf: b[i..<j])
                word(b[i..<j])
                i = j
            case _ where ASCII.isSpace(c):
                space = true
                i += 1
            case 0x3E, 0x29:
                i += 1
            default:
                var j = i
                while j < end, !ASCII.isSpace(b[j]), b[j] != 0x22, b[j] != 0x28, b[j] != 0x3C,
                      b[j] != 0x5B, b[j] != 0x3E, b[j] != 0x29 { j += 1 }
                word(b[i..<j])
                bare.append(contentsOf: b[i..<j])
                i = j
            }
        }
        let spec: [UInt8]
        var name: [UInt8]?
        if let angle {
            spec = cleanAngle(b, angle)
            name = phrase.isEmpty ? comment : phrase
        } else {
            spec = bare
            name = comment
        }
        guard MailAddress.isValid(spec) else { return nil }
        let displayName = name.map { EncodedWord.decode(Charset.headerString($0)) }
        return MailAddress(name: displayName, address: String(decoding: spec, as: UTF8.self))
    }

    /// Content of "<...>": obsolete source route ("@a,@b:") and whitespace/comments removed.
    private static func cleanAngle(_ a: Bytes, _ r: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        while i < r.upperBound {
            let c = a[i]
            if c == 0x22 {
                let j = min(skipQuoted(a, i), r.upperBound)
                out.append(contentsOf: a[i..<j])
                i = j
            } else if c == 0x28 {
                i = skipComment(a, i)
            } else if c == 0x3A {
                out.removeAll(keepingCapacity: true)   // route ends here
                i += 1
            } else {
                if !ASCII.isSpace(c) { out.append(c) }
                i += 1
            }
        }
        return out
    }

    private static func unescape(_ b: Bytes, _ r: Range<Int>) -> [UInt8] {
        guard b[r].contains(0x5C) else { return Array(b[r]) }
        var out: [UInt8] = []
        var i = r.lowerBound
        while i < r.upperBound {
            if b[i] == 0x5C && i + 1 < r.upperBound { i += 1 }
            out.append(b[i])
            i += 1
        }
        return out
    }
}

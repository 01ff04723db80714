// Content-Type / Content-Disposition values (RFC 2045 section 5.1, RFC 2183) with
// parameters, including RFC 2231 extended and continued parameters (filename*=utf-8''...).

struct ContentType {
    /// Lowercased value before the parameters: "text/plain", "attachment".
    var value: String
    /// Parameters with lowercased names, values unquoted and RFC 2231-decoded.
    var params: [(name: String, value: String)]

    func param(_ name: String) -> String? {
        for p in params where p.name == name { return p.value }
        return nil
    }

    var isMultipart: Bool { value.hasPrefix("multipart/") }

    /// Parses a header value. Returns nil for an empty value.
    static func parse(_ s: String) -> ContentType? {
        s.withBytes(parse)
    }

    static func parse(_ b: Bytes) -> ContentType? {
        var i = 0
        skipCFWS(b, &i)
        let vStart = i
        while i < b.count, b[i] != 0x3B, !ASCII.isSpace(b[i]), b[i] != 0x28 { i += 1 }
        guard i > vStart else { return nil }
        let value = ASCII.lowerString(b, vStart..<i)
        var simple: [(name: String, value: String)] = []
        var extended: [String: [(index: Int, encoded: Bool, value: [UInt8])]] = [:]
        var count = 0
        while i < b.count && count < 64 {                   // hostile values: at most 64 parameters
            count += 1
            while i < b.count && b[i] != 0x3B { i += 1 }      // to the next ';'
            guard i < b.count else { break }
            i += 1
            skipCFWS(b, &i)
            let nStart = i
            var hasStar = false
            while i < b.count, b[i] != 0x3D, b[i] != 0x3B, !ASCII.isSpace(b[i]) {
                if b[i] == 0x2A { hasStar = true }
                i += 1
            }
            let nameRange = nStart..<i
            skipCFWS(b, &i)
            guard !nameRange.isEmpty, i < b.count, b[i] == 0x3D else { continue }
            i += 1
            skipCFWS(b, &i)
            var valRange = i..<i
            var escaped: [UInt8]? = nil                     // only for quoted strings with "\"
            if i < b.count && b[i] == 0x22 {
                i += 1
                let vs = i
                while i < b.count && b[i] != 0x22 {
                    if b[i] == 0x5C && i + 1 < b.count {
                        if escaped == nil { escaped = Array(b[vs..<i]) }
                        i += 1
                    }
                    escaped?.append(b[i])
                    i += 1
                }
                valRange = vs..<i
                i += 1
            } else {
                while i < b.count, b[i] != 0x3B, !ASCII.isSpace(b[i]) { i += 1 }
                valRange = valRange.lowerBound..<i
            }
            guard hasStar else {
                simple.append((ASCII.lowerString(b, nameRange),
                               escaped.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: b[valRange], as: UTF8.self)))
                continue
            }
            let name = b[nameRange].map(ASCII.lower)
            let val = escaped ?? Array(b[valRange])
            if let star = name.firstIndex(of: 0x2A) {
                let base = String(decoding: name[..<star], as: UTF8.self)
                let rest = name[(star + 1)...]
                let encoded = rest.isEmpty || rest.last == 0x2A
                let digits = rest.filter { $0 != 0x2A }
                guard digits.count <= 3, digits.allSatisfy(ASCII.isDigit) else { continue }
                let index = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                extended[base, default: []].append((index, encoded, val))
            }
        }
        for (base, segments) in extended {
            let v = joinExtended(segments.sorted { $0.index < $1.index })
            simple.removeAll { $0.name == base }
            simple.append((base, v))
        }
        return ContentType(value: value, params: simple)
    }

    private static func skipCFWS(_ b: Bytes, _ i: inout Int) {
        while i < b.count {
            if ASCII.isSpace(b[i]) { i += 1 } else if b[i] == 0x28 { i = AddressLexer.skipComment(b, i) } else { return }
        }
    }

    /// RFC 2231: charset'language'%XX... on the first encoded segment, %XX on later ones.
    private static func joinExtended(_ segments: [(index: Int, encoded: Bool, value: [UInt8])]) -> String {
        var label: String? = nil
        var bytes: [UInt8] = []
        for (n, seg) in segments.enumerated() {
            var v = seg.value[...]
            if seg.encoded && n == 0 {
                let quotes = v.indices.filter { v[$0] == 0x27 }
                if quotes.count >= 2 {
                    label = String(decoding: v[..<quotes[0]], as: UTF8.self)
                    v = v[(quotes[1] + 1)...]
                }
            }
            if seg.encoded {
                var j = v.startIndex
                while j < v.endIndex {
                    if v[j] == 0x25, j + 2 < v.endIndex, let h = ASCII.hexValue(v[j + 1]), let l = ASCII.hexValue(v[j + 2]) {
                        bytes.append(h << 4 | l)
                        j += 3
                    } else {
                        bytes.append(v[j])
                        j += 1
                    }
                }
            } else {
                bytes.append(contentsOf: v)
            }
        }
        var invalid = false
        let cs = (label?.isEmpty ?? true) ? Charset.utf8 : Charset(label: label)
        return cs.decode(bytes, normalizeNewlines: false, invalid: &invalid)
    }
}

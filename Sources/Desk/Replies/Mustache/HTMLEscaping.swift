/// Escapes text for HTML element content and quoted attribute values: `<`, `>`, `&`, `"` and `'`, as
/// swift-mustache does. Works on bytes, so a mark combining with `<` cannot hide it; the runs between are
/// appended as they are (slices of a valid string at ASCII bytes, so nothing is validated again).
enum HTMLEscaping {
    static func append(_ text: String, to out: inout String) {
        var text = text
        // Most values (names, dates, references) hold nothing to escape: one pass over the bytes says so.
        let plain = text.withUTF8 { bytes in
            !bytes.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
        }
        if plain {
            out.append(text)
            return
        }
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let replacement: String
            switch utf8[index] {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                utf8.formIndex(after: &index)
                continue
            }
            out.append(contentsOf: text[start..<index])
            out.append(replacement)
            utf8.formIndex(after: &index)
            start = index
        }
        out.append(contentsOf: text[start...])
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }
}

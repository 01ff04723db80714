import Foundation
import Mail
import Testing

/// The text-part encoder compared byte for byte with the implementation it replaced
/// (kept below, only here, as the reference) on thousands of generated bodies.
@Suite("Compose: encoder equivalence")
struct ComposeEncoderEquivalenceTests {
    static let fragments: [String] = [
        "a", "Z", "word ", " ", "  ", "\t", "=", "=3D", ".", "..", "é", "€", "😀", "日本", "ß", "\u{0}", "\u{1}",
        "\u{7F}", "\u{85}", "\u{2028}", "\r", "\n", "\r\n", "\n\n", "\r\r\n", "From ", "\nFrom the desk\n", "\n.\n",
        ".\n", "\n.", ">From ", "?", "_", "<p class=\"x\">", " \n", "\t\n", "=\n",
    ]

    static func line(_ rng: inout SplitMix) -> String {
        switch rng.next() % 8 {
        case 0: return String(repeating: "x", count: 76)
        case 1: return String(repeating: "y", count: 70 + Int(rng.next() % 12))
        case 2: return String(repeating: "a", count: 75) + (rng.next() % 2 == 0 ? " " : "\t")
        case 3: return String(repeating: "=", count: Int(rng.next() % 60))
        case 4: return String(repeating: "é", count: Int(rng.next() % 50))
        case 5: return rng.next() % 2 == 0 ? "." : "From here"
        case 6: return ""
        default:
            return String(repeating: "b", count: Int(rng.next() % 80)) + fragments[Int(rng.next() % UInt64(fragments.count))]
        }
    }

    static func body(_ rng: inout SplitMix) -> String {
        var s = ""
        if rng.next() % 2 == 0 {
            for _ in 0..<Int(rng.next() % 60) { s += fragments[Int(rng.next() % UInt64(fragments.count))] }
            if rng.next() % 3 == 0 { s += String(repeating: "q", count: Int(rng.next() % 200)) }
        } else {
            let ends = ["\n", "\n", "\r\n", "\r"]
            for _ in 0..<Int(rng.next() % 12) { s += line(&rng) + ends[Int(rng.next() % UInt64(ends.count))] }
            if rng.next() % 2 == 0 { s += line(&rng) }
        }
        return s
    }

    static let edgeCases: [String] = [
        "", "\n", "\r", "\r\n", ".", ".\n", "x", "x\n", " ", "\t", "=", "From x\n", "\n\n\n",
        String(repeating: "x", count: 76), String(repeating: "x", count: 77), String(repeating: "x", count: 75) + " ",
        String(repeating: "x", count: 74) + "=", String(repeating: "x", count: 73) + "é", String(repeating: "é", count: 40),
        String(repeating: "x", count: 300) + "\n" + String(repeating: ". ", count: 100),
    ] + wordEdgeCases

    /// Runs long enough to be copied eight bytes at a time, with one byte that must not be, at every offset.
    static let wordEdgeCases: [String] = ["=", "\t", "\u{7F}", "\u{1}", "é", " ", ".", "~", "!", "\u{1F}"].flatMap { special in
        (0..<90).map { offset in
            String(repeating: "k", count: offset) + special + String(repeating: "m", count: 90 - offset) + "\n"
                + special + String(repeating: "n", count: offset)
        }
    }

    /// The rendered body of a text-only mail, and whether it was declared quoted-printable.
    static func rendered(_ text: String, eol: String) -> (body: [UInt8], qp: Bool) {
        let bytes = [UInt8](ComposeTests.mail(text: text).render(lineEnding: eol))
        let separator = Array((eol + eol).utf8)
        var i = 0
        while i + separator.count <= bytes.count && !bytes[i..<(i + separator.count)].elementsEqual(separator) { i += 1 }
        let head = String(decoding: bytes[..<i], as: UTF8.self)
        return (Array(bytes[min(i + separator.count, bytes.count)...]),
                head.contains("Content-Transfer-Encoding: quoted-printable"))
    }

    static func check(_ text: String) {
        for eol in ["\n", "\r\n"] {
            let new = rendered(text, eol: eol)
            let old = ReferenceTextPart.body(text, eol: Array(eol.utf8))
            #expect(new.qp == old.qp, "\(text.debugDescription)")
            #expect(new.body == old.body, "\(text.debugDescription)")
        }
    }

    @Test func edgeCasesMatchTheReference() {
        for text in ComposeEncoderEquivalenceTests.edgeCases { ComposeEncoderEquivalenceTests.check(text) }
    }

    @Test func generatedBodiesMatchTheReference() {
        var rng = SplitMix(seed: 2045)
        for _ in 0..<3_000 { ComposeEncoderEquivalenceTests.check(ComposeEncoderEquivalenceTests.body(&rng)) }
    }
}

/// The former MIMEEntity.text body and QuotedPrintableEncoder, verbatim in behaviour.
enum ReferenceTextPart {
    static func body(_ text: String, eol: [UInt8]) -> (body: [UInt8], qp: Bool) {
        var normalized = text
        if normalized.utf8.contains(0x0D) { normalized = normalizeNewlines(Array(text.utf8)) }
        var lines = normalized.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        if normalized.utf8.last == 0x0A || normalized.isEmpty { lines.removeLast() }
        let qp = needsEncoding(lines)
        if qp { return (encode(lines: lines, eol: eol), true) }
        var body: [UInt8] = []
        for l in lines {
            body.append(contentsOf: l.utf8)
            body.append(contentsOf: eol)
        }
        return (body, false)
    }

    static func normalizeNewlines(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var prevCR = false
        for b in bytes {
            if b == 0x0D { out.append(0x0A); prevCR = true; continue }
            if b == 0x0A && prevCR { prevCR = false; continue }
            prevCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func encode(lines: [Substring], eol: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for line in lines {
            let bytes = Array(line.utf8)
            var col = 0
            for (k, c) in bytes.enumerated() {
                let last = k == bytes.count - 1
                var literal = isLiteral(c, col: col, last: last)
                var width = literal ? 1 : 3
                if col + width > 75 && !(last && col + width <= 76) {
                    out.append(0x3D)
                    out.append(contentsOf: eol)
                    col = 0
                    literal = isLiteral(c, col: 0, last: last)
                    width = literal ? 1 : 3
                }
                if literal {
                    out.append(c)
                } else {
                    out.append(0x3D)
                    out.append(hexDigits[Int(c >> 4)])
                    out.append(hexDigits[Int(c & 0x0F)])
                }
                col += width
            }
            out.append(contentsOf: eol)
        }
        return out
    }

    static func isLiteral(_ c: UInt8, col: Int, last: Bool) -> Bool {
        if c == 0x20 || c == 0x09 { return !last }
        if c == 0x3D || c < 0x21 || c > 0x7E { return false }
        if c == 0x2E && col == 0 { return false }
        return true
    }

    static func needsEncoding(_ lines: [Substring]) -> Bool {
        for line in lines {
            let u = line.utf8
            if u.count > 76 { return true }
            if let l = u.last, l == 0x20 || l == 0x09 { return true }
            if u.count == 1 && u.first == 0x2E { return true }
            for c in u where c > 0x7E || (c < 0x20 && c != 0x09) { return true }
        }
        return false
    }
}

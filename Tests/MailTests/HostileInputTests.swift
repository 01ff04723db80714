import Foundation
import Mail
import Testing

/// Hostile and mutated input: bounded work, no crash, no control characters leaking out.
@Suite("Hostile input")
struct HostileInputTests {
    #if DEBUG
    static let size = 200_000
    #else
    static let size = 2_000_000
    #endif

    static func repeated(_ unit: String) -> String {
        String(repeating: unit, count: size / unit.utf8.count)
    }

    @Test("pathological input parses quickly", arguments: [
        "Subject: " + repeated("=?a?q?x") + "\n\nx",
        "Subject: " + repeated("=?utf-8?q?=C3=A9?=") + "\n\nx",
        "From: " + repeated("\"a\" <") + "\n\nx",
        "From: " + repeated("((a)") + "\n\nx",
        "To: " + repeated("a@b.example, ") + "\n\nx",
        "Content-Type: multipart/mixed; " + repeated("a*1*=x; b=y; ") + "\n\nx",
        "Content-Type: multipart/mixed; boundary=b\n\n" + repeated("--b\n"),
        "Content-Type: multipart/mixed; boundary=b\n\n" + repeated("--bb\n--b \n"),
        "Content-Type: text/html\n\n" + repeated("<script><!--<a "),
        "Content-Type: text/html\n\n" + repeated("&#x1234567&amp<p><blockquote>"),
        "Content-Transfer-Encoding: quoted-printable\n\n" + repeated("=\n=4=\r\n"),
        "Content-Transfer-Encoding: base64\n\n" + repeated("=a="),
        "Date: " + repeated("(") + "\n\nx",
        "References: " + repeated("<a@b") + "\n\nx",
        "X: y\n" + repeated(" folded\n") + "\nx",
        "\n" + repeated("________________\n\n\n\n\nFrom: x\n> q\nOn a\n"),
    ])
    func linear(_ input: String) {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let m = MailMessage.parse(Data(input.utf8))
            _ = m.header("Subject")
            _ = ReplyText.authoredLines(m.text)
        }
        // A guard against quadratic blow-ups (which take hours on these inputs), not a speed figure:
        // the bound is far above any honest run, even a debug build on a loaded CI machine.
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    @Test func hostileStructureIsBounded() {
        var deep = ""
        for i in 0..<200 { deep += "Content-Type: multipart/mixed; boundary=b\(i)\n\n--b\(i)\n" }
        deep += "\ninner\n"
        let m = ParserTests.parse(deep)
        #expect(m.warnings.count <= 50)
        var many = "Content-Type: multipart/mixed; boundary=b\n\n"
        for _ in 0..<3000 { many += "--b\nContent-Type: image/png\n\nx\n" }
        let n = ParserTests.parse(many)
        #expect(n.attachments.count <= 500)
        #expect(!n.warnings.isEmpty)
    }

    @Test("random mutations never crash", arguments: Fixtures.names())
    func fuzz(name: String) throws {
        let base = [UInt8](try Fixtures.eml(name))
        var rng = SplitMix(seed: name.utf8.reduce(1) { $0 &* 31 &+ UInt64($1) })
        let interesting: [UInt8] = [0x0D, 0x0A, 0x3D, 0x3F, 0x2D, 0x3C, 0x3E, 0x22, 0x28, 0x3A, 0x3B, 0x26, 0x00, 0xFF, 0xC3]
        for round in 0..<150 {
            var b = base
            if round % 3 == 0 {
                b = Array(b.prefix(Int(rng.next() % UInt64(b.count + 1))))      // truncation
            }
            for _ in 0..<(1 + Int(rng.next() % 8)) where !b.isEmpty {
                let i = Int(rng.next() % UInt64(b.count))
                switch rng.next() % 3 {
                case 0: b[i] = interesting[Int(rng.next() % UInt64(interesting.count))]
                case 1: b.remove(at: i)
                default: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: i)
                }
            }
            let m = MailMessage.parse(Data(b))
            #expect(!m.text.contains("\r"))
            #expect(!m.subject.unicodeScalars.contains { $0.value < 0x20 })
            _ = ReplyText.authoredLines(m.text)
        }
    }
}

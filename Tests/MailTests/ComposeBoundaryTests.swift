import Foundation
import Mail
import Testing

@Suite("Compose: boundaries")
struct ComposeBoundaryTests {
    /// FNV-1a hex of the message id, as OutgoingMail seeds its boundaries.
    static func seed(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in s.utf8 { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    @Test func boundaryAvoidsTextThatContainsIt() {
        let first = "=_cd_alt_" + ComposeBoundaryTests.seed("desk.1@clinic.example")
        for taken in 0..<3 {
            let lines = (0..<taken).map { "--\(first)_\($0)" }
            let text = (["Hello"] + lines + ["x" + first + "_9", "bye"]).joined(separator: "\n") + "\n"
            let data = ComposeTests.mail(text: text, html: "<p>Hello</p>").render()
            let s = String(decoding: data, as: UTF8.self)
            #expect(s.contains("boundary=\"\(first)_\(taken)\""), "\(taken)")
            #expect(MailMessage.parse(data).text == text)
        }
    }
}

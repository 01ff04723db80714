import TestServers
import Foundation
import Testing
@testable import Transport

struct SMTPBodyTests {
    private func normalised(_ text: String) -> String? {
        Data(text.utf8).withUnsafeBytes { SMTPBody.normalised($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func properBodiesAreLeftAlone() {
        #expect(normalised("") == nil)
        #expect(normalised("a\r\n") == nil)
        #expect(normalised("a\r\n.\r\n\r\n") == nil)
    }

    @Test func loneCRAndLFBecomeCRLFAndTheEndGetsOne() {
        #expect(normalised("a") == "a\r\n")
        #expect(normalised("a\nb\n") == "a\r\nb\r\n")
        #expect(normalised("a\rb\r") == "a\r\nb\r\n")
        #expect(normalised("a\r\r\nb") == "a\r\n\r\nb\r\n")
        #expect(normalised("\n.\r\n") == "\r\n.\r\n")
    }
}

import Foundation
import Mail
import Testing
@testable import Desk

/// A reply never passes 256 KB: a message of fifty long reading commands gets the first answers in full
/// and, in place of the rest, a line saying they were left out and how to get them.
@Suite struct ReplySizeTests {
    func reply(_ fixture: DeskFixture, _ body: String) throws -> String {
        let report = try #require(try fixture.desk.handle([DeskFixture.mail(body)], now: DeskFixture.now).first)
        guard case .answered(let id) = report.result, let reply = fixture.desk.state.outbox[id] else {
            Issue.record("\(report.result)")
            return ""
        }
        return reply.data
    }

    @Test func fiftyLongAnswersFitInTheLargestReply() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let whole = try reply(fixture, "SLOTS Dr Kumar")
        let reply = try reply(fixture, Array(repeating: "SLOTS Dr Kumar", count: 50).joined(separator: "\n"))
        #expect(whole.utf8.count * 50 > DecidedMessage.largestReply, "the test asks for more than fits: \(whole.utf8.count) bytes each")
        #expect(reply.utf8.count <= DecidedMessage.largestReply, "\(reply.utf8.count) bytes")
        let text = MailMessage.parse(Data(reply.utf8)).text
        #expect(text.contains("The answer to this line is left out: with it, this reply would be over 256 KB."), "\(text.suffix(600))")
        // The first answers are there in full, as in a reply of their own.
        #expect(whole.contains("To book, write for example: BOOK"))
        #expect(reply.contains("To book, write for example: BOOK"))
    }

    @Test func aReplyWellUnderTheLimitIsWhole() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let reply = try reply(fixture, Array(repeating: "INFO", count: 50).joined(separator: "\n"))
        #expect(!reply.contains("left out"))
    }
}

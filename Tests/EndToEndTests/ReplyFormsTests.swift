import Foundation
import Mail
import Testing

/// Every reply of the demo is multipart/alternative: the transcript as text/plain, then the same reply as
/// text/html.
@Suite struct ReplyFormsTests {
    @Test func everyDemoReplyCarriesTextAndHTML() throws {
        let (data, maildir) = try SampleClinicTests().initialised()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", SampleClinicTests.now, maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        let replies = files(in: data.appendingPathComponent("outgoing/new"))
        #expect(!replies.isEmpty)
        var sawGrid = false
        for reply in replies {
            let message = try String(contentsOf: reply, encoding: .utf8)
            let parts = try #require(mimeParts(message), "\(reply.lastPathComponent) is multipart/alternative")
            #expect(parts.map(\.type) == ["text/plain; charset=utf-8", "text/html; charset=utf-8"])
            guard parts.count == 2 else { continue }
            #expect(parts[0].body == MailMessage.parse(Data(message.utf8)).text)
            // The demo's one patient who chose Tamil (LANG TA) is greeted in Tamil.
            let greeting = parts[0].body.hasPrefix("வணக்கம் ") ? "வணக்கம் " : "Hello "
            #expect(parts[0].body.hasPrefix(greeting))
            let html = parts[1].body
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
            #expect(html.contains("<p>\(greeting)"))
            #expect(!html.contains("<script") && !html.contains("<img"))
            if html.contains("<a href=\"mailto:desk@kanchicare.example?subject=BOOK%20Dr%20Rao%202026-03-03%2009%3A00\"") { sawGrid = true }
        }
        #expect(sawGrid, "the demo's SLOTS reply shows a grid whose free slots book themselves")
    }
}

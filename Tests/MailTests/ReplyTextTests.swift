import Mail
import Testing

@Suite("Reply text")
struct ReplyTextTests {
    @Test func dropsQuotedLines() {
        #expect(ReplyText.authoredLines("yes\n> old\n  >> older\nok\n") == ["yes", "ok"])
    }

    @Test func dropsSingleLineAttribution() {
        let t = "CANCEL Dr Rao Tue 10:00\n\nOn Mon, 2 Mar 2026 at 10:00, X <x@y> wrote:\n> hi\n"
        #expect(ReplyText.authoredLines(t) == ["CANCEL Dr Rao Tue 10:00", ""])
    }

    @Test func dropsTwoLineAttribution() {
        let t = "BOOK Dr Rao Tue 10:00\nOn Mon, 2 Mar 2026 at 10:00, Clinic Desk <desk@clinic.example>\nwrote:\n> hi\n"
        #expect(ReplyText.authoredLines(t) == ["BOOK Dr Rao Tue 10:00"])
    }

    @Test func keepsInterleavedAnswers() {
        let t = "On Mon, 2 Mar 2026, Desk wrote:\n> Which doctor?\nDr Rao\n> Which day?\nTuesday\n"
        #expect(ReplyText.authoredLines(t) == ["Dr Rao", "Tuesday"])
    }

    @Test func keepsOrdinaryOnLines() {
        #expect(ReplyText.authoredLines("On Tuesday I can come.\nThanks\n") == ["On Tuesday I can come.", "Thanks"])
    }

    @Test func cutsOutlookOriginalMessage() {
        let t = "CANCEL Dr Rao Tue 10:00\n\n-----Original Message-----\nFrom: Desk\nSent: Monday\nhello\n"
        #expect(ReplyText.authoredLines(t) == ["CANCEL Dr Rao Tue 10:00", ""])
        let lower = "x\n----- original message -----\ny\n"
        #expect(ReplyText.authoredLines(lower) == ["x"])
    }

    @Test func cutsOutlookHeaderBlock() {
        let t = "Fine.\n\nFrom: CareDesk <desk@clinic.example>\nTo: me\nSent: Monday, March 2, 2026 10:00 AM\nSubject: x\n\nold\n"
        #expect(ReplyText.authoredLines(t) == ["Fine.", ""])
        let stars = "Fine.\n________________________________\n*From:* CareDesk\n*Sent:* Monday\nold\n"
        #expect(ReplyText.authoredLines(stars) == ["Fine."])
        // a From: line without Sent:/Date: nearby is ordinary text
        let text = "From: the pharmacy\nI need a refill\nthanks\nbye\nreally\nSent: later\n"
        #expect(ReplyText.authoredLines(text).count == 6)
    }

    @Test func stopsAtSignatureDelimiter() {
        #expect(ReplyText.authoredLines("BOOK Dr Rao Tue 10:00\n-- \nPeter\n") == ["BOOK Dr Rao Tue 10:00"])
        #expect(ReplyText.authoredLines("a\n--\nb\n") == ["a", "--", "b"])
    }

    @Test func crlfAndEdgeCases() {
        #expect(ReplyText.authoredLines("a\r\n> q\r\nb\r\n") == ["a", "b"])
        #expect(ReplyText.authoredLines("") == [])
        #expect(ReplyText.authoredLines("no newline") == ["no newline"])
        #expect(ReplyText.authoredLines("\n") == [""])
    }
}

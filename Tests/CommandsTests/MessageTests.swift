import Foundation
import Clinic
import Commands
import Testing

/// Whole messages: order, subject fallback, terminators, comments and giving up.
@Suite struct MessageTests {
    func read(_ lines: [String], subject: String = "") -> CommandTranscript {
        Fixture.reader.read(lines: lines, subject: subject, now: Fixture.now)
    }

    @Test func severalCommandsInOrder() {
        let transcript = read(["HELP", "", "SLOTS Dr Rao Tue", "book dr iyer wed 11:00 fever", "CANCEL a7k2q", "BOOK Dr Rao fever"])
        #expect(transcript.lines.map(\.text) == ["HELP", "SLOTS Dr Rao Tue", "book dr iyer wed 11:00 fever", "CANCEL a7k2q", "BOOK Dr Rao fever"])
        #expect(transcript.intents == [
            .help, .slots(doctorID: "rao", day: Fixture.date(3, 3)),
            .book(doctorID: "iyer", day: Fixture.date(3, 4), time: Fixture.time(11), reason: "fever"), .cancel(ref: "A7K2Q"),
        ])
        if case .problem = transcript.lines[4].reading {} else { Issue.record("the last line should be a problem") }
        #expect(transcript.hasCommand && !transcript.fromSubject && !transcript.gaveUp && transcript.stoppedAt == nil)
    }

    @Test func linesAreTrimmedAsWritten() {
        let transcript = read(["   BOOK\tDr  Rao\u{00A0}Tue   10:00.  "])
        #expect(transcript.lines == [ReadLine(text: "BOOK\tDr  Rao\u{00A0}Tue   10:00.",
                                              reading: .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)))])
    }

    @Test(arguments: ["BOOK DR RAO TUE 10AM", "book dr rao tue 10am", "BoOk dR. rAo TuEsDaY 10Am", "Book Dr Rao Tue 10 AM."])
    func caseDoesNotMatter(line: String) {
        #expect(read([line]).intents == [.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)])
    }

    @Test(arguments: ["Re: BOOK Dr Rao Tue 10:00", "RE: Re: Fwd: BOOK Dr Rao Tue 10:00", "Fw: AW:BOOK Dr Rao Tue 10:00",
                      "  re : Re[2]: BOOK Dr Rao Tue 10:00", "BOOK Dr Rao Tue 10:00"])
    func subjectWhenBodyHasNoCommand(subject: String) {
        let transcript = read(["Hi,", "", "as in the subject"], subject: subject)
        #expect(transcript.fromSubject)
        #expect(transcript.lines == [ReadLine(text: "BOOK Dr Rao Tue 10:00",
                                              reading: .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)))])
        #expect(!transcript.gaveUp)
    }

    @Test func subjectProblemCounts() {
        let transcript = read([], subject: "Re: BOOK Dr Rao")
        #expect(transcript.fromSubject)
        #expect(transcript.hasCommand)
    }

    @Test func subjectIgnoredWhenBodyHasCommand() {
        let transcript = read(["HELP"], subject: "Re: BOOK Dr Rao Tue 10:00")
        #expect(!transcript.fromSubject)
        #expect(transcript.intents == [.help])
    }

    @Test func subjectThatIsNoCommand() {
        let transcript = read(["Is the clinic open?"], subject: "Re: appointment")
        #expect(!transcript.fromSubject)
        #expect(!transcript.hasCommand)
        #expect(transcript.lines == [ReadLine(text: "Is the clinic open?", reading: .unrecognised)])
    }

    @Test(arguments: ["thanks", "Thanks", "THANK YOU", "thanks!", "Thank you!!", "quit", "STOP", "stop.", "--", "  thanks  ",
                      "thanks :)", "Thanks, Ravi", "Thank you, Dr Rao", "Regards,", "Best regards", "thx"])
    func terminatorStops(terminator: String) {
        let transcript = read(["HELP", terminator, "INFO", "Ravi Kumar", "+91 98765 43210", "Bangalore"])
        #expect(transcript.intents == [.help])
        #expect(transcript.stoppedAt == terminator.trimmingCharacters(in: .whitespaces))
        #expect(!transcript.gaveUp)
        #expect(Fixture.reader.readLine(terminator, now: Fixture.now) == nil)
    }

    @Test func commentsAndBlankLinesAreSkipped() {
        let transcript = read(["# my appointments", "", "   ", "\t", "  # BOOK Dr Rao Tue 10:00", "INFO"])
        #expect(transcript.lines.map(\.text) == ["INFO"])
        #expect(Fixture.reader.readLine("# HELP", now: Fixture.now) == nil)
        #expect(Fixture.reader.readLine("   ", now: Fixture.now) == nil)
    }

    @Test func givesUpAfterThreeUnrecognisedLines() {
        let transcript = read(["My son is unwell,", "I have a fever.", "Can I come in?", "BOOK Dr Rao Tue 10:00"])
        #expect(transcript.gaveUp)
        #expect(transcript.lines.count == 3)
        #expect(transcript.lines.allSatisfy { $0.reading == .unrecognised })
        #expect(!transcript.hasCommand)
    }

    @Test func twoUnrecognisedLinesAreTolerated() {
        let transcript = read(["My son is unwell,", "I have a fever.", "BOOK Dr Rao Tue 10:00", "INFO"])
        #expect(!transcript.gaveUp)
        #expect(transcript.intents.count == 2)
        #expect(transcript.lines.count == 4)
    }

    /// A signature after the commands can make the third unrecognised line: the commands read so far stand.
    @Test func givingUpKeepsCommandsAlreadyRead() {
        let transcript = read(["Urgent:", "BOOK Dr Rao Tue 10:00", "Ravi Kumar", "+91 98765 43210", "HELP"])
        #expect(transcript.gaveUp)
        #expect(transcript.hasCommand)
        #expect(transcript.intents == [.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)])
    }

    @Test func giveUpCountsAllUnrecognisedLinesNotOnlyConsecutive() {
        let transcript = read(["ok", "HELP", "so", "INFO", "well", "APPOINTMENTS"])
        #expect(transcript.gaveUp)
        #expect(transcript.intents == [.help, .info])
    }

    @Test func bodyAsOneText() {
        let transcript = Fixture.reader.read(body: "HELP\r\nINFO\rMY\n\nthanks\nCANCEL", subject: "", now: Fixture.now)
        #expect(transcript.intents == [.help, .info, .appointments])
        #expect(transcript.stoppedAt == "thanks")
    }
}

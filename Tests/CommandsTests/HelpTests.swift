import Clinic
import Commands
import Testing

@Suite struct HelpTests {
    @Test func everyCommandIsListed() {
        #expect(Help.commands.map(\.keyword) == ["HELP", "REGISTER", "REGISTER DOCTOR", "VERIFY", "CONFIRM", "INFO", "DOCTORS", "DOCTOR", "SLOTS", "BOOK", "BOOK",
                                                 "CANCEL", "RESCHEDULE", "WAIT", "YES", "WAITING", "WAIT OFF", "PAY", "APPOINTMENTS", "MY DATA", "FORGET ME", "PROFILE", "SET", "SET PHOTO", "LANG", "RATE DR", "CONTACT"])
        for entry in Help.commands {
            #expect(entry.command.hasPrefix(entry.keyword))
            #expect(!entry.meaning.isEmpty)
        }
    }

    @Test(arguments: Help.commands)
    func exampleIsACommand(entry: HelpEntry) {
        guard case .command = Fixture.read(entry.example) else {
            Issue.record("\(entry.example) is not read as a command")
            return
        }
    }

    @Test func doctorsAndDeskCommandsAreListedApart() {
        #expect(Help.doctorCommands.map(\.keyword) == ["EARNING", "EARNING SET", "EARNINGS", "SCHEDULE", "TODAY", "DONE", "NOSHOW", "CANCEL DAY", "HOURS", "LEAVE",
                                                      "SET", "REPORTS", "RATE"])
        #expect(Help.deskCommands.map(\.command) == ["EARNINGS <doctor> [month] [year]", "REPORT [month] [year]",
                                                   "BROADCAST CANCEL <doctor|ALL> <day> [reason]", "BROADCAST <day> <message>",
                                                   "DOCTOR OFF <doctor>", "APPROVE <request>", "REJECT <request> [reason]",
                                                   "PAID <ref> CASH", "EXPORT <patient>", "ERASE <patient>", "AUDIT <patient>"])
        for entry in Help.doctorCommands + Help.deskCommands {
            #expect(entry.command.hasPrefix(entry.keyword))
            #expect(!entry.meaning.isEmpty)
            #expect(!Help.commands.contains(entry))
        }
    }

    @Test(arguments: Help.doctorCommands + Help.deskCommands)
    func doctorsExampleIsACommand(entry: HelpEntry) {
        guard case .command = Fixture.read(entry.example) else {
            Issue.record("\(entry.example) is not read as a command")
            return
        }
    }

    @Test func doctorNotesDocumentAmountsAndMonths() {
        #expect(Help.doctorNotes().contains { $0.contains("2500.50") })
        #expect(Help.doctorNotes().contains { $0.contains("last month") })
        #expect(Help.doctorNotes(dayFirst: false).contains { $0.contains("3/4") })
    }

    @Test func notesDocumentTheAfternoonRule() {
        #expect(Help.notes().contains { $0.contains("1 to 7") })
        #expect(Help.notes(dayFirst: false).contains { $0.contains("month/day") })
    }
}

import ArgumentParser
import Clinic
import Desk
import Foundation

/// `caredesk report`: the desk's reports (EARNINGS <doctor>, REPORT) for scripts. Reads the store; changes nothing.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the desk's reports, as the desk gets them by mail, or as CSV.",
        subcommands: [EarningsReport.self, MonthReport.self])
}

struct MonthOption: ParsableArguments {
    @Option(name: .long, help: "The month, as 2026-03.")
    var month: String

    func value() throws -> YearMonth {
        let parts = month.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let number = Int(parts[1]), (1...12).contains(number) else {
            throw ValidationError("--month \(month): write a month as 2026-03")
        }
        return YearMonth(year: year, month: number)
    }
}

struct EarningsReport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "earnings", abstract: "A doctor's earnings for a month, day by day.")

    @OptionGroup var options: DataOptions
    @Option(name: .long, help: "The doctor's id, e.g. rao.") var doctor: String
    @OptionGroup var month: MonthOption
    @Flag(name: .long, help: "Print CSV (one row per entry, then the total) instead of text.") var csv = false

    func run() throws {
        Desk.bootstrapLogging()
        let now = try options.instant()
        let desk = try CareDesk.openDesk(options, label: "caredesk.report")
        let id = doctor.lowercased()
        guard desk.state.clinic?.doctor(id: id) != nil else {
            let ids = desk.state.clinic?.doctors.map(\.id).joined(separator: ", ") ?? ""
            throw ValidationError("--doctor \(doctor): no such doctor; the ids are \(ids)")
        }
        guard let report = desk.earningsReport(doctorID: id, month: try month.value(), now: now) else { return }
        try ReportPrinter.print(report, csv: csv)
    }
}

struct MonthReport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "month",
                                                    abstract: "The hospital's month: appointments, who cancelled, no-shows, each doctor's earnings.")

    @OptionGroup var options: DataOptions
    @OptionGroup var month: MonthOption
    @Flag(name: .long, help: "Print CSV (one row per doctor, then the totals) instead of text.") var csv = false

    func run() throws {
        Desk.bootstrapLogging()
        let now = try options.instant()
        let desk = try CareDesk.openDesk(options, label: "caredesk.report")
        guard let report = desk.monthReport(try month.value(), now: now) else { return }
        try ReportPrinter.print(report, csv: csv)
    }
}

enum ReportPrinter {
    /// The text, or the CSV; asking for CSV of a report with no figures is an error (exit status 1) with the reason.
    static func print(_ report: Desk.PrintedReport, csv: Bool) throws {
        if csv {
            guard let data = report.csv else {
                FileHandle.standardError.write(Data((report.text.hasSuffix("\n") ? report.text : report.text + "\n").utf8))
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(Data(data.utf8))
        } else {
            Swift.print(report.text, terminator: report.text.hasSuffix("\n") ? "" : "\n")
        }
    }
}

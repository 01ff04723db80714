import ArgumentParser
import Clinic
import Desk
import Foundation
import Logging

/// `caredesk audit`: the audit trail of a data folder, or whether its hash chain is whole. Reads only
/// `DATA/audit/audit.log` (and, for the clinic's time zone, the store).
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the audit trail: a line per message handled (who, verdict, commands and what they did).")

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "Only the lines about this patient (sent by them, or acting on their appointments).")
    var patient: String?

    @Option(name: .long, help: "Only the lines from this day on (YYYY-MM-DD, in the clinic's time).")
    var since: String?

    @Flag(name: .long, help: "Print a JSON array of the records instead of a table.")
    var json = false

    @Flag(name: .long, help: "Check the hash chain instead: exit status 1 and the first broken line if it is not whole.")
    var verify = false

    func run() throws {
        Desk.bootstrapLogging()
        // The trail is the data folder's, wherever the store is.
        if try options.storeChoice().database == nil { try DataFolder.requireInitialised(options.folder) }
        if verify {
            switch try AuditReading.verify(options.folder) {
            case .whole(let lines):
                print("the audit trail is whole: \(lines) line\(lines == 1 ? "" : "s") chained")
            case .broken(let line, let why):
                print("the audit trail is broken at line \(line): \(why)")
                throw ExitCode(1)
            }
            return
        }
        let zone = try CareDesk.openDesk(options, label: "caredesk.audit").state.clinic?.zone
        var from: Int64?
        if let since {
            guard let day = LocalDate(iso: since) else { throw ValidationError("--since takes a day, YYYY-MM-DD: \(since)") }
            from = zone?.instant(day, TimeOfDay(minutes: 0)) ?? Int64(day.dayNumber) * 86_400
        }
        let numbered = try AuditReading.records(options.folder).enumerated().map { ($0 + 1, $1) }
            .filter { _, record in (patient.map { record.concerns(patient: $0) } ?? true) && (from.map { record.at >= $0 } ?? true) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(numbered.map(\.1)), as: UTF8.self))
        } else {
            print(TextTable.render(numbered.map { $1.row(line: $0, zone: zone) }, columns: AuditRecord.columns))
        }
    }
}

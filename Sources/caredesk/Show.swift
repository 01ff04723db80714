import ArgumentParser
import Clinic
import Desk
import Foundation
import Logging
import Store

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print what the store holds: appointments, patients, doctors or the outbox.")

    enum What: String, ExpressibleByArgument, CaseIterable {
        case appointments, patients, doctors, outbox
    }

    @OptionGroup var options: DataOptions

    @Argument(help: "appointments | patients | doctors | outbox")
    var what: What

    @Flag(name: .long, help: "Print a JSON array instead of a table.")
    var json = false

    func run() throws {
        Desk.bootstrapLogging()
        let state = try CareDesk.openDesk(options, label: "caredesk.show").state
        guard let clinic = state.clinic else {
            throw ValidationError("\(options.data) holds no clinic; run `caredesk init --data \(options.data)` first")
        }
        let rows = ShowRows(clinic: clinic, outbox: Array(state.outbox.values))
        let table: [[String: String]]
        switch what {
        case .appointments: table = rows.appointments()
        case .patients: table = rows.patients()
        case .doctors: table = rows.doctors()
        case .outbox: table = rows.outboxRows()
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(table), as: UTF8.self))
        } else {
            print(TextTable.render(table, columns: rows.columns(what)))
        }
    }
}

/// The rows `show` prints, as flat string dictionaries (the same for the table and for --json).
struct ShowRows {
    let clinic: ClinicState
    let outbox: [OutboxMessage]

    func columns(_ what: Show.What) -> [String] {
        switch what {
        case .appointments: ["ref", "doctor", "patient", "start", "end", "status", "reason"]
        case .patients: ["id", "name", "email", "phone", "verified"]
        case .doctors: ["id", "name", "specialty", "fee", "slotMinutes", "hours", "email"]
        case .outbox: ["id", "to", "kind", "state", "attempts", "created", "next", "finished", "error"]
        }
    }

    func iso(_ instant: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = clinic.zone.timeZone
        return formatter.string(from: Date(timeIntervalSince1970: Double(instant)))
    }

    func appointments() -> [[String: String]] {
        clinic.appointments.values.sorted { ($0.start, $0.ref) < ($1.start, $1.ref) }.map { a in
            ["ref": a.ref, "doctor": a.doctorID, "patient": a.patientID, "start": iso(a.start), "end": iso(a.end),
             "status": a.status.rawValue, "reason": a.reason ?? ""]
        }
    }

    func patients() -> [[String: String]] {
        clinic.patients.values.sorted { $0.registeredAt == $1.registeredAt ? $0.id < $1.id : $0.registeredAt < $1.registeredAt }.map { p in
            ["id": p.id, "name": p.name, "email": p.email ?? "", "phone": p.phone ?? "", "verified": p.verified ? "yes" : "no"]
        }
    }

    func doctors() -> [[String: String]] {
        clinic.doctors.map { d in
            ["id": d.id, "name": d.name, "specialty": d.specialty, "fee": clinic.info.currencySymbol + d.fee.description,
             "slotMinutes": String(d.slotMinutes), "hours": d.hours.summary, "email": d.email]
        }
    }

    func outboxRows() -> [[String: String]] {
        outbox.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.map { m in
            ["id": m.id, "to": m.recipients.joined(separator: ", "), "kind": m.purpose.rawValue, "state": m.state.rawValue,
             "attempts": String(m.attempts), "created": iso(m.createdAt),
             "next": m.isPending ? m.nextAttemptAt.map(iso) ?? "now" : "", "finished": m.finishedAt.map(iso) ?? "",
             "error": m.lastError ?? ""]
        }
    }
}

enum TextTable {
    static func render(_ rows: [[String: String]], columns: [String]) -> String {
        guard !rows.isEmpty else { return "(none)" }
        let widths = columns.map { column in max(column.count, rows.map { ($0[column] ?? "").count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        return ([line(columns)] + rows.map { row in line(columns.map { row[$0] ?? "" }) }).joined(separator: "\n")
    }
}

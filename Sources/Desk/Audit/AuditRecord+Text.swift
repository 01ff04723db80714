import Clinic
import Foundation

extension AuditRecord {
    /// The commands in one column: `book DR1: booked A7K2Q; cancel A7K2Q: held for CONFIRM`.
    public var commandSummary: String {
        commands.map { command in
            var named = command.command
            if let target = command.target { named += " " + target }
            if let patient = command.patient { named += " (" + patient + ")" }
            return named + ": " + command.did
        }.joined(separator: "; ")
    }

    /// The columns a table of the trail shows, and this record's cells (`at` in the clinic's time).
    public static let columns = ["line", "at", "sender", "role", "verdict", "channel", "handled", "commands", "key"]

    public func row(line: Int, zone: ClinicZone?) -> [String: String] {
        let formatter = ISO8601DateFormatter()
        if let zone { formatter.timeZone = zone.timeZone }
        return ["line": String(line), "at": formatter.string(from: Date(timeIntervalSince1970: Double(at))), "sender": sender, "role": role,
                "verdict": verdict, "channel": channel, "handled": handled, "commands": commandSummary, "key": key]
    }
}

import ArgumentParser
import Desk
import Foundation
import Store

struct StoreCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read every snapshot and journal of the store and say what is whole and what is damaged; changes nothing.",
        discussion: "Exit status 0 only when the store is whole. A torn tail (a write a crash cut short) is not damage.")

    @Option(name: .long, help: "The data folder.")
    var data: String

    func run() throws {
        let folder = URL(fileURLWithPath: data)
        try DataFolder.requireInitialised(folder)
        let report = try JSONStore<DeskState>.check(directory: folder)
        print(StoreCheckText.lines(report, data: data).joined(separator: "\n"))
        if !report.isWhole { throw ExitCode(1) }
    }
}

/// The words of `caredesk store check`.
enum StoreCheckText {
    static func lines(_ report: StoreCheckReport, data: String) -> [String] {
        var lines = ["Store \(data)/store: generation \(report.generation)."]
        for snapshot in report.snapshots {
            let seal = snapshot.sealed ? "sealed" : "no seal (written before snapshots were sealed; sealed at the next compaction)"
            let verdict = snapshot.problem.map { "DAMAGED: \($0)" } ?? "whole"
            lines.append("  snapshot-\(snapshot.generation).json: \(snapshot.bytes) bytes, \(seal), \(verdict)")
        }
        for journal in report.journals {
            let role = journal.generation < report.generation
                ? " (the generation before: rebuilds snapshot-\(journal.generation + 1).json if that is ever damaged)" : ""
            lines.append("  journal-\(journal.generation).log: \(journal.bytes) bytes, \(count(journal.records, "record")), "
                         + "\(count(journal.commits, "commit"))\(role)")
            for damage in journal.damage {
                lines.append("    DAMAGED bytes \(damage.range.lowerBound)–\(damage.range.upperBound - 1) (\(damage.range.count) bytes): "
                             + "not a valid record; \(count(damage.recordsAfter, "valid record")) follow")
            }
            for offset in journal.undecodable {
                lines.append("    DAMAGED record at byte \(offset): passes its checksum but does not decode")
            }
            if let tail = journal.tornTail {
                lines.append("    torn tail at byte \(tail.lowerBound) (\(tail.count) bytes): a write a crash cut short, "
                             + "never acknowledged; dropped at the next open")
            }
        }
        for orphan in report.orphanJournals {
            lines.append("  journal-\(orphan).log: DAMAGED: holds records but snapshot-\(orphan).json is missing")
        }
        if !report.setAside.isEmpty {
            lines.append("  set aside by earlier repairs: \(report.setAside.joined(separator: ", "))")
        }
        if report.isWhole {
            lines.append("The store is whole.")
        } else if report.opens {
            lines.append("The store is damaged, but opens without loss: the desk rebuilds the newest snapshot from the generation "
                         + "before it at the next open.")
        } else {
            lines.append("The store is damaged and the desk will not open it. To rebuild it from every record that is still "
                         + "readable (the damaged bytes are kept aside): caredesk store salvage --data \(data)")
        }
        return lines
    }

    /// "1 record", "2 records".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

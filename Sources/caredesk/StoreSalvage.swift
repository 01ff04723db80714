import ArgumentParser
import Desk
import Foundation
import Logging
import Store

struct StoreSalvage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salvage",
        abstract: "Rebuild a damaged store from every record that passes its checksum, before and after the damage.",
        discussion: """
            Writes a new generation and moves every file it replaces into DATA/store/salvaged-<generation>/, with \
            each damaged stretch of bytes also written there on its own. Prints exactly what could not be recovered. \
            A whole store is left as it is. Stop `caredesk serve` first.
            """)

    @Option(name: .long, help: "The data folder.")
    var data: String

    func run() throws {
        Desk.bootstrapLogging()
        let folder = URL(fileURLWithPath: data)
        try DataFolder.requireInitialised(folder)
        let report = try JSONStore<DeskState>.salvage(directory: folder)
        guard report.changed else {
            print("The store is whole: nothing to salvage, nothing changed.")
            return
        }
        print("Salvaged into generation \(report.generation), built from \(report.builtFrom) and \(report.recordsReplayed) "
              + "records replayed from the journals.")
        for warning in report.warnings { print("Warning: \(warning)") }
        if report.losses.isEmpty {
            print("Nothing committed was lost.")
        } else {
            print("Not recovered:")
            for loss in report.losses {
                let kept = loss.keptAs.map { "; its bytes are in store/\($0)" } ?? ""
                print("  \(loss.file) bytes \(loss.range.lowerBound)–\(loss.range.upperBound - 1) (\(loss.range.count) bytes): "
                      + "\(loss.why)\(kept)")
            }
        }
        if report.losses.contains(where: { $0.why.contains("inbound message <") }) {
            print("A message named above can be handled again: find it in the spool (a Maildir's cur/) and give it to "
                  + "caredesk ingest --data \(data) FILE. Its replies may already have been sent once.")
        }
        for tail in report.tornTails {
            print("Left out: \(tail.file) bytes \(tail.range.lowerBound)–\(tail.range.upperBound - 1): \(tail.why).")
        }
        if let aside = report.setAside { print("Every file it replaced is in store/\(aside)/.") }
        // The desk must open now: prove it.
        let store = try DataFolder.openStore(folder, logger: Logger(label: "caredesk.store"))
        let appointments = store.state.clinic?.appointments.count ?? 0
        print("The store opens: \(appointments) appointments, \(store.state.handled.count) messages handled.")
    }
}

import ArgumentParser
import Delivery
import Desk
import Foundation

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read mail from Maildirs, mbox files, .eml files or standard input ('-'); act on it and answer.",
        discussion: "Exit status 0 when every message was handled (bad commands included: they got error replies).")

    @OptionGroup var options: DataOptions

    @Flag(name: .long, help: "Keep replies in the outbox instead of delivering them.")
    var noDeliver = false

    @Flag(name: .long, help: "Print each message's sender, subject and the reply written to it.")
    var transcript = false

    @Option(name: .long, help: "Messages per commit (one fsync each).")
    var batch = 256

    @Argument(help: "Maildir folders, mbox files, .eml files, or '-' for one message on standard input.")
    var sources: [String]

    func run() throws {
        Desk.bootstrapLogging()
        let now = try options.instant()
        let parsed = try sources.map(SpoolIngest.Source.named)
        let settings = try DeliverySettings.load(options.folder)
        let desk = try CareDesk.openDesk(options, label: "caredesk.ingest")
        // Without a mail server, replies are written to DATA/outgoing/ on a background queue as each batch
        // commits; with one, they are handed to it after the last commit, over reused connections.
        let delivery = noDeliver ? nil : try settings.outgoingMaildir(options.folder)
        let ingest = SpoolIngest(desk: desk, delivery: delivery, batchSize: max(1, batch))
        var count = 0
        let summary = try ingest.run(parsed, now: now) { report in
            count += 1
            guard transcript else { return }
            print(TranscriptPrinter.format(report, number: count))
        }
        print("\(summary.messages) messages: \(summary.answered) answered, \(summary.silent) not answered (automatic mail), \(summary.duplicates) already handled.")
        // Texts and event webhooks never take the local fast path: a pass with their couriers hands them over.
        let othersWaiting = desk.state.outbox.pending.contains { $0.channel != .email }
        if !noDeliver && (settings.smtp != nil || othersWaiting) {
            print(Couriers.describe(try Couriers.deliver(desk: desk, settings: settings, dataFolder: options.folder, now: now)))
        }
    }
}

enum TranscriptPrinter {
    static func format(_ report: HandlingReport, number: Int) -> String {
        var out = "━━━ message \(number): from \(report.sender ?? "(no sender)") — \(report.subject.isEmpty ? "(no subject)" : report.subject)\n"
        switch report.result {
        case .answered: out += report.replyText ?? ""
        case .duplicate: out += "(already handled: not processed again)\n"
        case .silent(let reason): out += "(not answered: \(reason))\n"
        }
        return out
    }
}

import ArgumentParser
import Delivery
import Desk
import Foundation
import Logging
import Server

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the desk as one long-lived process: HTTP (GET /health), a Maildir watcher, delivery and reminders.",
        discussion: """
            Mail dropped into the Maildir's new/ is ingested as `caredesk ingest` does (moved to cur/ after its \
            commit) and answered at once; the outbox is delivered every poll interval (fresh replies, retries \
            that are due), and the clock's work of `caredesk tick` is done every tick interval. On start one \
            line is printed: `caredesk serve: listening on http://HOST:PORT`. SIGTERM or SIGINT: no new work is \
            taken, the batch in hand is committed, exit 0.
            """)

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port; the line printed on start names it).")
    var port = 8080

    @Option(name: .long, help: "A Maildir whose new/ is watched for inbound mail.")
    var maildir: String?

    @Option(name: .long, help: "Seconds between looks at the Maildir and between delivery rounds.")
    var pollInterval = 1.0

    @Option(name: .long, help: "Seconds between rounds of reminders and the desk's failure summary.")
    var tickInterval = 60.0

    @Option(name: .long, help: "Messages per commit when ingesting mail.")
    var batch = 256

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard pollInterval > 0, tickInterval > 0 else { throw ValidationError("intervals must be positive") }
        if let maildir {
            guard case .maildir = try SpoolIngest.Source.named(maildir) else { throw ValidationError("\(maildir) is not a Maildir") }
        }
    }

    func run() async throws {
        Desk.bootstrapLogging()
        let clock = try options.clock()
        let logger = Logger(label: "caredesk.serve")
        let choice = try options.storeChoice()
        let reception = try Reception(dataFolder: options.folder, templates: try ReplyTemplates.of(dataFolder: options.folder),
                                      clock: clock, logger: logger, randomness: try options.randomness(),
                                      store: try choice.open(logger: logger), databaseURL: choice.database?.description)
        Couriers.prepare(reception.deliverySettings)
        let settings = ServeSettings(host: host, port: port, maildir: maildir,
                                     pollInterval: .milliseconds(Int(pollInterval * 1000)),
                                     tickInterval: .milliseconds(Int(tickInterval * 1000)), batchSize: max(1, batch),
                                     webhooks: WebhookSettings.fromEnvironment(),
                                     owner: ProcessInfo.processInfo.environment["CAREDESK_EXIT_WITH_PID"].flatMap { Int32($0) }.flatMap { $0 > 1 ? $0 : nil },
                                     listenForWork: choice.workNotices(logger: logger))
        let host = self.host
        try await DeskServer(reception: reception, settings: settings, logger: logger).run { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            // Written straight to the file descriptor (unbuffered), so a supervisor or a test reads it at once.
            FileHandle.standardOutput.write(Data("caredesk serve: listening on http://\(shown):\(port)\n".utf8))
        }
    }
}

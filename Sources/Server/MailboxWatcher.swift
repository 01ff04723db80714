import Desk
import Foundation
import Logging
import ServiceLifecycle

/// Watches a Maildir's new/ for inbound mail: told at once of what lands there (`NewMailBell`, inotify), and
/// looking every `pollInterval` besides. What arrives is ingested as `caredesk ingest` would (each message
/// moved to cur/ only after its commit) and the replies are then handed over at once.
public struct MailboxWatcher: Service {
    let reception: Reception
    let maildir: String
    let pollInterval: Duration
    let batchSize: Int
    let logger: Logger

    public init(reception: Reception, maildir: String, pollInterval: Duration, batchSize: Int = 256, logger: Logger) {
        self.reception = reception
        self.maildir = maildir
        self.pollInterval = pollInterval
        self.batchSize = batchSize
        self.logger = logger
    }

    public func run() async throws {
        let complaint = Complaint()
        let bell = NewMailBell(folder: maildir + "/new")
        defer { bell.stop() }
        if !bell.watching { logger.notice("\(maildir)/new cannot be watched (inotify): looked at every poll interval only") }
        await Cadence(interval: pollInterval, wakeup: bell.wakeup).keep { await look(complaint) }
    }

    /// One look at new/: nothing there costs a directory listing, not a trip to the desk.
    func look(_ complaint: Complaint) async {
        guard hasNewMail, reception.isOpen else { return }
        do {
            let summary = try await reception.ingest(maildir: maildir, batchSize: batchSize)
            logger.info("ingested", metadata: ["messages": "\(summary.messages)", "answered": "\(summary.answered)",
                                               "silent": "\(summary.silent)", "duplicates": "\(summary.duplicates)"])
            complaint.clear()
            guard !Task.isShuttingDownGracefully, reception.isOpen else { return }
            try await reception.deliverDue()
        } catch is Reception.Closed {
            return
        } catch {
            if complaint.isNews("\(error)") { logger.error("cannot ingest \(maildir): \(error)") }
        }
    }

    var hasNewMail: Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir + "/new")) ?? []
        return names.contains { !$0.hasPrefix(".") }
    }
}

import Desk
import Foundation
import Logging
import ServiceLifecycle

/// Watches a Maildir's new/ for inbound mail. What arrives is ingested as `caredesk ingest` would (each
/// message moved to cur/ only after its commit) and the replies are then handed over at once.
public struct MailboxWatcher: Service {
    let reception: Reception
    let maildir: String
    let cadence: Cadence
    let batchSize: Int
    let logger: Logger

    public init(reception: Reception, maildir: String, pollInterval: Duration, batchSize: Int = 256, logger: Logger) {
        self.reception = reception
        self.maildir = maildir
        cadence = Cadence(interval: pollInterval)
        self.batchSize = batchSize
        self.logger = logger
    }

    public func run() async throws {
        let complaint = Complaint()
        await cadence.keep { await look(complaint) }
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

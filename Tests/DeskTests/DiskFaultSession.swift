import Foundation
import Logging
import Mail
@_spi(DiskFaults) import Store
@testable import Desk

/// The scripted session the failing-disk loop runs again and again: the sample clinic's data folder, the demo's
/// mail (Samples/maildir) in a spool, ingested in batches of four on a store that compacts every 25 records, so
/// that the session writes journals, snapshots and renames, and opens a store that has been compacted.
struct DiskFaultSession {
    let folder: URL
    var data: URL { folder.appendingPathComponent("data") }
    var spool: URL { folder.appendingPathComponent("spool") }
    var outgoing: URL { folder.appendingPathComponent("outgoing") }

    static let batchSize = 4
    static let compactEvery = 25

    /// A fresh session in `folder`: the data folder initialised, every sample message in the spool's new/.
    static func prepare(_ folder: URL) throws -> DiskFaultSession {
        let session = DiskFaultSession(folder: folder)
        let setup = try DataFolder.readClinic(DeskFixture.packageRoot.appendingPathComponent("Samples/clinic.json"))
        try DataFolder.initialise(session.data, setup: setup)
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: session.spool.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let samples = DeskFixture.packageRoot.appendingPathComponent("Samples/maildir/new")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: session.spool.appendingPathComponent("new/\(name)"))
        }
        return session
    }

    /// One run of `caredesk ingest` over the spool, in this process: open the store, answer what is in new/
    /// (and hand over what the outbox still holds), replies into outgoing/.
    func ingest() throws {
        // Quiet: a torn tail dropped on opening is the expected outcome here, not news.
        var logger = Logger(label: "disk-faults")
        logger.logLevel = .error
        let store = try DataFolder.openStore(data, logger: logger, compactEvery: Self.compactEvery)
        let templates = try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates"))
        let desk = try Desk(dataFolder: data, templates: templates, logger: logger, store: store)
        // As the demo: each message's codes follow from the seed and the message, so the samples' VERIFY codes
        // match and a run after a fault sends, byte for byte, what the run without one sent.
        desk.randomness = .predictable(seed: 0)
        let ingest = SpoolIngest(desk: desk, delivery: try MaildirDelivery(path: outgoing.path), batchSize: Self.batchSize)
        _ = try ingest.run([.maildir(spool.path)], now: DeskFixture.now) { _ in }
    }

    /// What the session has sent, each message as "to | in reply to | text", sorted: two runs that answered the
    /// same messages the same way give the same list.
    func sent() throws -> [String] {
        let new = outgoing.appendingPathComponent("new")
        guard FileManager.default.fileExists(atPath: new.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: new.path).map { name in
            let message = MailMessage.parse(try Data(contentsOf: new.appendingPathComponent(name)))
            return "\(message.header("To") ?? "") | \(message.header("In-Reply-To") ?? "") | \(message.text)"
        }.sorted()
    }
}

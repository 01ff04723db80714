import ArgumentParser
import ChildProcess
import Desk
import Foundation
import SyntheticData

/// How long mail dropped into the watched Maildir's new/ takes to come back as a reply at the SMTP server.
struct BenchWatcher: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watcher",
        abstract: "Measure `caredesk serve`'s Maildir watcher: mail renamed into new/ to its reply at the SMTP server.",
        discussion: """
        Starts `caredesk serve --maildir` (the build's own, a child process) on a synthetic clinic (5 doctors, \
        200 patients), its replies going to an SMTP server of the bench's own on a loopback port. Then, one \
        message at a time, writes a BOOK or SLOTS into the Maildir's tmp/ and renames it into new/ (as a \
        delivery agent does), and times the rename to the arrival of its reply (In-Reply-To) at the SMTP \
        server: the watcher noticing it (inotify; the poll every --poll-interval besides), ingesting and \
        committing it, and the delivery handing the reply over. Prints the percentiles; asserts nothing.
        """)

    @Option(help: "Messages, one after another.") var messages = 200
    @Option(help: "serve's --poll-interval in seconds (the look at new/ besides inotify).") var pollInterval = 1.0
    @Option(help: "Work folder; the run works in a new subfolder and removes it at the end.") var work = ".build/bench"

    func validate() throws {
        guard messages > 0, pollInterval > 0 else { throw ValidationError("--messages and --poll-interval must be positive") }
    }

    func run() throws {
        Desk.bootstrapLogging()
        let workURL = try runFolder(work, "watcher")
        defer { try? FileManager.default.removeItem(at: workURL) }
        let now = Int64(1_772_422_200)  // Mon 2 Mar 2026 09:00 IST, as in the other benches
        let synthetic = SyntheticClinic(doctors: 5, patients: 200, appointments: 100)
        let folder = workURL.appendingPathComponent("data")
        try synthetic.write(to: folder, now: now)
        let maildir = workURL.appendingPathComponent("maildir")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let catcher = try ReplyCatcher()
        guard let templates = ReplyTemplates.locate(dataFolder: folder) else { throw ValidationError("the Templates folder was not found") }
        var environment = Launcher.environment(templates: templates)
        environment["CAREDESK_SMTP_URL"] = "smtp://127.0.0.1:\(catcher.port)"
        let nowText = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(now)))
        let serve = try ServeChild(executable: URL(fileURLWithPath: ProductBinary.path),
                                   arguments: ["serve", "--data", folder.path, "--maildir", maildir.path, "--port", "0",
                                               "--poll-interval", String(pollInterval), "--now", nowText],
                                   environment: environment, errors: workURL.appendingPathComponent("serve.stderr")) { _ in }
        defer { serve.stop() }

        print("watcher bench — \(messages) messages one at a time into \(maildir.lastPathComponent)/new (renamed from tmp/), "
              + "`caredesk serve --poll-interval \(pollInterval)`, replies to an SMTP server on loopback, "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        let mails = synthetic.messages(count: messages, seed: 3)
        var latencies: [UInt64] = []
        var missing = 0
        for (i, mail) in mails.enumerated() {
            let messageID = "<bench-\(i)-3@bench.example>"
            let name = "\(i).bench"
            let staged = maildir.appendingPathComponent("tmp/\(name)")
            try Data(mail.utf8).write(to: staged)
            let start = DispatchTime.now().uptimeNanoseconds
            guard rename(staged.path, maildir.appendingPathComponent("new/\(name)").path) == 0 else {
                throw ValidationError("cannot move \(name) into new/")
            }
            let deadline = start + 10_000_000_000
            var arrived: UInt64?
            while arrived == nil && DispatchTime.now().uptimeNanoseconds < deadline {
                arrived = catcher.arrival(of: messageID)
                if arrived == nil { usleep(200) }
            }
            if let arrived { latencies.append(arrived - start) } else { missing += 1 }
        }
        latencies.sort()
        func millis(_ p: Double) -> Double {
            Percentile.millis(latencies, at: p)
        }
        print(String(format: "mail into new/ → its reply at the SMTP server: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (goal: p50 under 50 ms)",
                     millis(0.5), millis(0.9), millis(0.99), millis(1)))
        print("  \(latencies.count) replies arrived, \(missing) not within 10 s; the poll alone would wait up to \(pollInterval) s for each")
    }
}

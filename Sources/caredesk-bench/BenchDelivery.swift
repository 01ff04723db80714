import ArgumentParser
import Delivery
import Desk
import ChildProcess
import Foundation
import SyntheticData
import Logging

struct BenchDelivery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery",
        abstract: "Measure SMTP delivery: an outbox of replies to Postfix's smtp-sink, beside Postfix's smtp-source.",
        discussion: """
        Fills an outbox with replies (by ingesting synthetic mail without delivering), starts smtp-sink on a \
        free loopback port, delivers the outbox to it with `--workers` reused connections (each result \
        journaled, as `caredesk deliver` does), then has smtp-source send as many messages of the same mean \
        size in as many sessions to the same sink, once as it does by default (a connection per message) and \
        once with -d (connections kept, commands pipelined). Prints the rates and the ratios.
        """)

    @Option(help: "Replies in the outbox.") var messages = 10_000
    @Option(help: "SMTP connections at once (CareDesk workers; smtp-source sessions).") var workers = 4
    @Option(help: "Postfix's smtp-sink.") var sink = "/usr/sbin/smtp-sink"
    @Option(help: "Postfix's smtp-source.") var source = "/usr/sbin/smtp-source"
    @Option(help: "Work folder; removed at the end.") var work = ".build/bench"

    func run() throws {
        Desk.bootstrapLogging()
        for tool in [sink, source] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw ValidationError("\(tool) not found: install Debian's postfix package (make deps does)")
        }
        let workURL = try runFolder(work, "delivery")
        defer { try? FileManager.default.removeItem(at: workURL) }
        let now = Int64(1_772_422_200)
        let synthetic = SyntheticClinic(doctors: 50, patients: 10_000, appointments: 10_000)
        let folder = workURL.appendingPathComponent("data")
        try synthetic.write(to: folder, now: now)
        let maildir = workURL.appendingPathComponent("maildir")
        try BenchFloor.writeMaildir(synthetic.messages(count: messages), at: maildir)
        let desk = try Desk.open(folder, label: "bench")
        _ = try SpoolIngest(desk: desk, delivery: nil).run([.maildir(maildir.path)], now: now) { _ in }
        let pending = desk.state.outbox.pending
        let meanSize = pending.map { $0.data.utf8.count }.reduce(0, +) / max(pending.count, 1)
        print("delivery bench — \(pending.count) replies in the outbox, mean \(meanSize) bytes, \(workers) connections")

        let port = try SinkProcess.freePort()
        let sinkProcess = try SinkProcess(sink, port: port)
        defer { sinkProcess.stop() }

        var settings = DeliverySettings(smtp: .init(url: "smtp://127.0.0.1:\(port)"), workers: workers)
        settings.retry = RetryPolicy()
        var summary = DeliveryPass.Summary()
        let ours = try timed { summary = try Couriers.deliver(desk: desk, settings: settings, dataFolder: folder, now: now) }
        let ourRate = Double(summary.sent) / ours
        print(String(format: "  caredesk deliver: %d sent in %.2f s = %.0f messages/s (%d deferred, %d failed; results journaled)",
                     summary.sent, ours, ourRate, summary.deferred, summary.failed))

        // smtp-source by default opens a connection per message; with -d it keeps one per session and
        // pipelines MAIL, RCPT and DATA (libcurl sends them one round trip at a time). Both are shown.
        for (label, reuse) in [("one connection per message (its default)", false), ("-d: reused connections, pipelined", true)] {
            let arguments = (reuse ? ["-d"] : []) + ["-s", String(workers), "-m", String(pending.count), "-l", String(meanSize),
                             "-f", "bench@kanchicare.example", "-t", "patient@bench.example", "127.0.0.1:\(port)"]
            var ended = ChildProcess.Termination.exited(0)
            let theirs = try timed { ended = try ChildProcess.run(source, arguments).0 }
            guard ended.succeeded else { throw ValidationError("smtp-source failed (\(ended))") }
            let theirRate = Double(pending.count) / theirs
            print("  smtp-source -s \(workers), \(label): " + String(format: "%.0f messages/s; caredesk / smtp-source = %.2f (goal ≥ 0.80)",
                                                                               theirRate, ourRate / theirRate))
        }
    }
}

/// Postfix's smtp-sink on a loopback port, discarding what it receives; started with default signal
/// dispositions and an empty mask (`ChildProcess`), so SIGTERM stops it whichever thread started it.
final class SinkProcess {
    let process: ChildProcess
    private var stopped = false

    init(_ path: String, port: Int) throws {
        // smtp-sink refuses to run as root without a user to drop to.
        process = try ChildProcess.start(path, (getuid() == 0 ? ["-u", "nobody"] : []) + ["127.0.0.1:\(port)", "256"])
        // Wait until it listens.
        for _ in 0..<100 {
            if SinkProcess.accepts(port) { return }
            usleep(20_000)
        }
        stop()
        throw ValidationError("smtp-sink did not start on port \(port)")
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        process.signal(SIGTERM)
        process.wait()
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A loopback port free at the moment of asking.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { throw ValidationError("no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

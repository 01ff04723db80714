import ArgumentParser
import Clinic
import Desk
import Foundation
import SyntheticData
import Logging
import Store

/// Every measurement of CareDesk, apart from the product: each prints figures beside a peer measured in the
/// same run (the I/O floor, smtp-source, a bare Hummingbird route, wrk) and asserts nothing.
@main
struct CareDeskBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caredesk-bench",
        abstract: "Measure CareDesk: `ingest` (the default), `delivery`, `webhooks`, `payments`, `instances`, `history`, `parsing`, `watcher`, `store`.",
        subcommands: [BenchIngest.self, BenchDelivery.self, BenchWebhooks.self, BenchPayments.self, BenchInstances.self, BenchHistory.self, BenchParsing.self, BenchWatcher.self, BenchStore.self],
        defaultSubcommand: BenchIngest.self)
}

struct BenchIngest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Measure ingest speed, per-message cost, memory and store open time on a synthetic clinic.",
        discussion: """
        Builds a clinic of 50 doctors and 10,000 verified patients, holding first 10,000 and then 1,000,000 \
        appointments, and ingests the same Maildir of mixed messages into each (durable: every batch fsynced). \
        Beside it, in the same run and on a copy of the same messages, runs the bare Maildir I/O floor \
        (shared/bench/iofloor.c, compiled with gcc). Prints figures; asserts nothing.
        """)

    @Option(help: "Messages in the measured Maildir.") var messages = 20_000
    @Option(help: "Doctors in the synthetic clinic.") var doctors = 50
    @Option(help: "Registered patients.") var patients = 10_000
    @Option(help: "Store sizes (appointments held) to ingest into, comma-separated.") var sizes = "10000,1000000"
    @Option(help: "Store sizes to time opening only, comma-separated.") var openSizes = "100000"
    @Option(help: "Messages per commit.") var batch = 256
    @Option(help: "Ingests per store size (each into a fresh copy); with more than one, the median and range are printed too.")
    var rounds = 1
    @Option(help: "Work folder; each run works in a new subfolder and removes it at the end (unless --keep-work).") var work = ".build/bench"
    @Option(help: "The iofloor C source.") var iofloor: String?
    @Flag(help: """
        Every message carries the clinic's own Authentication-Results (dmarc=pass) and the desk trusts that \
        server, so nothing waits for CONFIRM. Without it nothing is vouched for and every CANCEL (15%) is held.
        """) var authenticated = false
    @Option(help: """
        Percent of the messages that need CONFIRM (0: off): every message carries a passing verdict except that \
        many, all CANCELs; once they are in, the CONFIRM each hold asks for is ingested too, and the figures \
        cover both passes.
        """) var confirming = 0
    @Flag(help: """
        Leave the work folder in place. Deleting a run's ~100,000 files slows file creation on ext4 without a \
        journal for up to six minutes (recently freed inodes are skipped one by one), so back-to-back runs \
        compare fairly only when each keeps its files; remove them afterwards.
        """) var keepWork = false

    func run() throws {
        Desk.bootstrapLogging()
        // Nothing is deleted until every figure is taken: on ext4 without a journal, creating files within
        // 60 s of mass deletions (360 s while the inode-table blocks are dirty) skips each "recently deleted"
        // inode one by one and is several times slower, which would distort both CareDesk's figure and the
        // floor's — in this run, and in the next one if it starts within those minutes (see --keep-work).
        let workURL = try runFolder(work, "run")
        defer { if !keepWork { try? FileManager.default.removeItem(at: workURL) } }
        let now = Int64(1_772_422_200)  // Mon 2 Mar 2026 09:00 IST, as in the demo
        let synthetic = SyntheticClinic(doctors: doctors, patients: patients)
        let verdict = "Authentication-Results: \(Self.benchAuthservID); dkim=pass header.d=bench.example; dmarc=pass header.from=bench.example\n"
        var pick = SeededGenerator(seed: 5)
        // With --confirming, CANCELs (15% of the mix) go unvouched with the odds that make `confirming`% of all.
        let mails = synthetic.messages(count: messages).map { mail -> String in
            guard confirming > 0 else { return authenticated ? verdict + mail : mail }
            let held = mail.contains("\n\nCANCEL\n") && Int(pick.next() % 1500) < confirming * 100
            return held ? mail : verdict + mail
        }
        let floorBinary = try BenchFloor.compile(source: iofloor, into: workURL)
        print("CareDesk bench — \(messages) messages (60% BOOK with conflicts, 20% SLOTS, 15% CANCEL, 5% other), " +
              "\(doctors) doctors, \(patients) patients, batch \(batch), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
              + (confirming > 0 ? "\(confirming)% of the mail held for CONFIRM and then confirmed, the rest authenticated"
                 : authenticated ? "mail authenticated (nothing held)" : "mail not authenticated (every CANCEL held for CONFIRM)"))
        print("")
        var results: [(size: Int, rate: Double, p50: Double)] = []
        for size in parse(sizes) {
            var measured: [BenchRound] = []
            for round in 1...max(1, rounds) {
                measured.append(try measure(size: size, round: round, synthetic: synthetic, mails: mails, now: now, floor: floorBinary, work: workURL))
            }
            let median = BenchRound.median(measured)
            if measured.count > 1 { print(BenchRound.summary(measured, size: size)) }
            results.append((size, median.rate, median.p50))
        }
        if results.count >= 2, let first = results.first, let last = results.last {
            // The CPU time per message is the steady figure; throughput also carries the disk's mood.
            print(String(format: "per-message cost at %d vs %d appointments: %+.1f%% (p50 time; goal: within ±20%%), throughput %+.1f%%",
                         last.size, first.size, (last.p50 / first.p50 - 1) * 100, (last.rate / first.rate - 1) * 100))
        }
        for size in parse(openSizes) {
            let folder = workURL.appendingPathComponent("open-\(size)")
            var generator = synthetic
            generator.appointments = size
            try generator.write(to: folder, now: now)
            let opened = try timed { _ = try JSONStore<DeskState>(directory: folder) }
            print(String(format: "store open with %d appointments: %.2f s", size, opened))
        }
        print(String(format: "peak memory (max RSS): %.0f MiB", BenchFloor.peakMemoryMiB()))
    }

    static let benchAuthservID = "mx.bench.example"

    /// Nanoseconds per message of each full batch, sorted: the time from the last answer of one batch to the last
    /// of the next (the first from `start`), over the batch's size.
    static func perMessage(_ answeredAt: [UInt64], batch: Int, start: UInt64) -> [Double] {
        var result: [Double] = []
        var previous = start
        var end = batch - 1
        while end < answeredAt.count {
            result.append(Double(answeredAt[end] &- previous) / Double(batch))
            previous = answeredAt[end]
            end += batch
        }
        return result.sorted()
    }

    func parse(_ list: String) -> [Int] { list.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    /// Ingests the messages into a store of `size` appointments (round `round`: folders of its own).
    func measure(size: Int, round: Int, synthetic: SyntheticClinic, mails: [String], now: Int64, floor: URL?, work: URL) throws -> BenchRound {
        var generator = synthetic
        generator.appointments = size
        let name = round == 1 ? "\(size)" : "\(size)-\(round)"
        let folder = work.appendingPathComponent("data-\(name)")
        try generator.write(to: folder, now: now)
        let maildir = work.appendingPathComponent("maildir-\(name)")
        try BenchFloor.writeMaildir(mails, at: maildir)
        // The setup's own writes (a store of up to 1M appointments, 20,000 message files and their inodes) are
        // flushed before anything is timed, so neither the floor nor the ingest waits behind their writeback.
        sync()
        let floorRate = try floor.map { try BenchFloor.run($0, maildir: maildir, work: work.appendingPathComponent("floor-\(name)")) }
        sync()

        var desk: Desk!
        let openSeconds = try timed { desk = try Desk.open(folder, label: "bench") }
        if authenticated || confirming > 0 { desk.trust = TrustSettings(authservID: Self.benchAuthservID) }
        // The bench measures the desk, not the flood guard (every message is still counted).
        desk.trust.hourlyLimit = Int.max / 2
        let ingest = SpoolIngest(desk: desk, delivery: try MaildirDelivery(path: DataFolder.outgoing(folder)),
                                 batchSize: batch)
        var summary = SpoolIngest.Summary()
        // A batch's reports come together, after its commit: the time from one batch's to the next's, over the
        // batch's messages, is what one message costs in the steady pipeline (read, parse, decide, reply, commit).
        var answeredAt: [UInt64] = []
        answeredAt.reserveCapacity(mails.count * 2)
        let note: (HandlingReport) -> Void = { _ in answeredAt.append(DispatchTime.now().uptimeNanoseconds) }
        let before = BenchFloor.cpuSeconds()
        let started = DispatchTime.now().uptimeNanoseconds
        var seconds = try timed { summary = try ingest.run([.maildir(maildir.path)], now: now, report: note) }
        if confirming > 0 {
            // The CONFIRM replies, a minute later, as the holds' owners would send them.
            let replies = desk.state.holds.values.sorted { $0.key < $1.key }.enumerated().map { i, hold in
                "Return-Path: <\(hold.address)>\nFrom: \(hold.address)\nTo: desk@bench.example\nSubject: Re: appointment\n"
                    + "Message-ID: <bench-confirm-\(i)@bench.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
                    + "CONFIRM \(hold.code)\n"
            }
            let confirms = work.appendingPathComponent("confirms-\(name)")
            try BenchFloor.writeMaildir(replies, at: confirms)
            sync()
            var second = SpoolIngest.Summary()
            seconds += try timed { second = try ingest.run([.maildir(confirms.path)], now: now + 60, report: note) }
            print("  \(summary.messages) messages, \(replies.count) held; then their \(second.messages) CONFIRMs "
                  + "(\(desk.state.holds.count) holds left)")
            summary.messages += second.messages
            summary.answered += second.answered
        }
        let after = BenchFloor.cpuSeconds()
        let rate = Double(summary.messages) / seconds
        let perMessage = Self.perMessage(answeredAt, batch: batch, start: started)
        func percentile(_ p: Double) -> Double {
            (Percentile.of(perMessage, at: p) ?? 0) / 1000
        }
        print("store with \(size) appointments (opened in \(String(format: "%.2f", openSeconds)) s)\(rounds > 1 ? ", round \(round)" : ""):")
        print(String(format: "  caredesk ingest: %d messages in %.2f s = %.0f messages/s durable (%d answered)",
                     summary.messages, seconds, rate, summary.answered))
        print(String(format: "  per message (a batch's time over its messages: read, parse, decide, reply, commit; the fsync beside the next batch): p50 %.1f µs, p99 %.1f µs",
                     percentile(0.5), percentile(0.99)))
        print(String(format: "  CPU per message (both cores, all threads): user %.0f µs + system %.0f µs; wall %.0f µs",
                     (after.user - before.user) * 1e6 / Double(summary.messages), (after.system - before.system) * 1e6 / Double(summary.messages),
                     seconds * 1e6 / Double(summary.messages)))
        if let floorRate {
            print(String(format: "  iofloor (bare Maildir I/O, same messages): %.0f messages/s; caredesk / floor = %.2f (goal ≥ 0.50)",
                         floorRate, rate / floorRate))
        }
        return BenchRound(rate: rate, p50: percentile(0.5), floorRate: floorRate)
    }
}

func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let value = self else { throw ValidationError(message) }
        return value
    }
}

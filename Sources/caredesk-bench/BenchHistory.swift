import ArgumentParser
import Desk
import Foundation
import SyntheticData

/// What closing months buys: a store with years of history, opened before and after retention closes every
/// month but the open ones — appointments held, snapshot size, start-up time and peak memory of
/// `caredesk show` (each a child process under /usr/bin/time, so each peak is its own).
struct BenchHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Measure start-up and memory of a store with years of history, before and after its old months close.",
        discussion: """
            Writes a synthetic clinic whose appointments fill whole clinic days back from now (5 doctors: 200 a \
            clinic day, so 1,000,000 reach about 16 years back), then runs `caredesk show` (start-up), `caredesk tick` \
            (which closes every month older than openMonths, 13), and `caredesk show` again, each under /usr/bin/time. \
            Prints figures; asserts nothing.
            """)

    @Option(help: "Appointments in the store's history.")
    var appointments = 1_000_000

    @Option(help: "Doctors (each 40 slots a clinic day, Monday to Saturday).")
    var doctors = 5

    @Option(help: "Verified patients.")
    var patients = 10_000

    func run() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("caredesk-bench-history-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("data")
        let now: Int64 = 1_772_422_200  // 2 Mar 2026
        let written = Date()
        try SyntheticClinic(doctors: doctors, patients: patients, appointments: appointments).write(to: folder, now: now)
        print(String(format: "store written: %d appointments, %d doctors, %d patients (%.1f s)", appointments, doctors, patients,
                     Date().timeIntervalSince(written)))
        let executable = ProductBinary.path
        let nowText = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(now)))
        func measured(_ arguments: [String]) throws -> (seconds: Double, peakMiB: Double, output: String) {
            let figures = work.appendingPathComponent("time.txt")
            let run = try BenchFloor.runProcess("/usr/bin/time", ["-f", "%e %M", "-o", figures.path, executable] + arguments)
            let last = ((try? String(contentsOf: figures, encoding: .utf8)) ?? "").split(separator: "\n").last.map { $0.split(separator: " ") } ?? []
            guard run.status == 0, last.count == 2, let seconds = Double(last[0]), let kib = Double(last[1]) else {
                throw ValidationError("\(arguments.first ?? "") failed (status \(run.status)): \(run.output.suffix(400))")
            }
            return (seconds, kib / 1024, run.output)
        }
        func snapshotMiB() -> Double {
            let store = folder.appendingPathComponent("store")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: store.path)) ?? []
            // The newest generation's snapshot (the one before it is kept until the next compaction).
            let newest = names.compactMap { name -> Int? in
                guard name.hasPrefix("snapshot-"), name.hasSuffix(".json") else { return nil }
                return Int(name.dropFirst(9).dropLast(5))
            }.max()
            let bytes = newest.flatMap {
                (try? FileManager.default.attributesOfItem(atPath: store.appendingPathComponent("snapshot-\($0).json").path)[.size] as? Int) ?? nil
            } ?? 0
            return Double(bytes) / 1_048_576
        }
        let before = try measured(["show", "--data", folder.path, "--now", nowText, "doctors"])
        let beforeSnapshot = snapshotMiB()
        let closing = try measured(["tick", "--data", folder.path, "--now", nowText, "--no-deliver"])
        let after = try measured(["show", "--data", folder.path, "--now", nowText, "doctors"])
        let held = try DataFolder.openStore(folder, logger: .init(label: "bench")).state.clinic
        print("")
        print("| store | appointments in memory | snapshot | start-up (`show`) | peak RSS |")
        print("|---|---:|---:|---:|---:|")
        print(String(format: "| every month open | %d | %.1f MiB | %.2f s | %.0f MiB |", appointments, beforeSnapshot, before.seconds, before.peakMiB))
        print(String(format: "| after closing (13 open) | %d | %.1f MiB | %.2f s | %.0f MiB |", held?.appointments.count ?? 0, snapshotMiB(),
                     after.seconds, after.peakMiB))
        print(String(format: "closing %d months (`tick`): %.2f s, peak RSS %.0f MiB", held?.closedMonths.count ?? 0, closing.seconds, closing.peakMiB))
    }
}

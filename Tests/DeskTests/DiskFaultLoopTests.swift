#if os(Linux)
import ChildProcess
import Foundation
import Testing
@_spi(DiskFaults) import Store
@testable import Desk

/// SQLite's "fail the Nth I/O" loop over a whole scripted session (`DiskFaultSession`: the demo's 31 messages,
/// batches of four, compaction every 25 records). A counting run lists every call the session makes that changes
/// the store's files; then, for each call in turn and each way it can fail (EIO, ENOSPC, a write cut short, a write
/// torn by a death at a byte, a death before the call, a failed fsync), the session runs in a child process (this
/// test binary again, `diskFaultChild`) whose disk fails there. Afterwards the session is run again on a working
/// disk, as an operator restarting `caredesk ingest` would, and must end exactly where the run without faults ended:
/// the same mail sent (each message answered once, none twice, no notice lost or doubled) (which holds every booking's confirmation).
/// A failed fsync must stop the process (it crashes: nothing after it may be acknowledged).
@Suite struct DiskFaultLoopTests {
    static let childVariable = "CAREDESK_DISK_FAULT_CHILD"
    static let isChild = ProcessInfo.processInfo.environment[childVariable] != nil

    @Test(.enabled(if: !isChild)) func everyStoreCallFailingInTurnLosesAndDoublesNothing() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("disk-faults-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: base) }

        let reference = try DiskFaultSession.prepare(base.appendingPathComponent("reference"))
        let counted = try runChild(reference, plan: nil)
        try #require(counted == .finished, "the session without faults did not finish: \(counted)")
        let calls = try Self.readCalls(reference)
        let expectedSent = try reference.sent()
        try #require(expectedSent.count >= 30, "sent \(expectedSent.count)")
        try #require(expectedSent.filter { $0.contains("Booked: Dr") }.count >= 3, "the session booked nothing")
        try #require(Set(calls.map(\.operation)).isSuperset(of: [.write, .sync, .rename, .create]), "the session never compacted")

        let plans = Self.plans(for: calls)
        var outcomes: [ChildOutcome: Int] = [:]
        for (index, plan) in plans.enumerated() {
            let session = try DiskFaultSession.prepare(base.appendingPathComponent("run-\(index)"))
            defer { try? FileManager.default.removeItem(at: session.folder) }
            let call = calls[plan.call - 1]
            let outcome = try runChild(session, plan: plan.plan)
            outcomes[outcome, default: 0] += 1
            let what = "call \(plan.call), \(call.operation.rawValue) \(plan.plan.failing) (\(call.bytes) bytes) \(plan.plan.fault)"
            switch outcome {
            case .finished, .refused, .died: break
            case .crashed: break
            case .other(let status): Issue.record("\(what): the session ended with status \(status)")
            }
            if call.operation == .sync || call.operation == .syncFolder, case .error = plan.plan.fault {
                #expect(outcome == .crashed, "\(what): a failed fsync must stop the process")
            }
            do {
                try session.ingest()
            } catch {
                Issue.record("\(what): the restarted session failed: \(error)")
                continue
            }
            #expect(try session.sent() == expectedSent, "\(what): what was sent differs from the run without faults")
        }
        let summary = outcomes.map { "\($0.key): \($0.value)" }.sorted().joined(separator: ", ")
        print("disk faults: \(calls.count) store calls in the session, \(plans.count) faults injected (\(summary)); " +
              "\(expectedSent.count) messages sent each time, lost 0, doubled 0")
    }

    /// Every way each call can fail: a write fails (EIO, ENOSPC), is cut short by a full disk, or is torn by a
    /// death after its first byte, half its bytes or all but its last; every call can fail with EIO or meet a death
    /// just before it (for an fsync, EIO is the fatal failure). Each plan names its call as the Nth of its kind
    /// (the third fsync), which stays that kind of call however the session's threads interleave; `call` is its
    /// place in the counting run, for the messages.
    static func plans(for calls: [DiskFaults.Call]) -> [(call: Int, plan: DiskFaults.Plan)] {
        var ordinals: [DiskFaults.Operation: Int] = [:]
        return calls.enumerated().flatMap { offset, call -> [(call: Int, plan: DiskFaults.Plan)] in
            ordinals[call.operation, default: 0] += 1
            let ordinal = ordinals[call.operation]!
            var faults: [DiskFaults.Fault] = [.error(EIO), .tornThenDeath(keeping: 0)]
            if call.operation == .write {
                faults += [.error(ENOSPC), .shortWrite(keeping: call.bytes / 2, errno: ENOSPC)]
                faults += Set([1, call.bytes / 2, call.bytes - 1]).filter { $0 > 0 && $0 < call.bytes }.sorted()
                    .map { .tornThenDeath(keeping: $0) }
            }
            return faults.map { (offset + 1, DiskFaults.Plan(failing: ordinal, fault: $0, operation: call.operation)) }
        }
    }

    // MARK: the child

    enum ChildOutcome: Hashable, CustomStringConvertible {
        /// The session ran to its end (the fault met nothing that mattered, or was survived).
        case finished
        /// The session stopped with an error (exit 3), acknowledging nothing after it.
        case refused
        /// The planned death (`DiskFaults.deathStatus`).
        case died
        /// Stopped by a signal: the store's fatal error after a failed fsync.
        case crashed
        case other(Int32)

        var description: String {
            switch self {
            case .finished: return "finished"
            case .refused: return "stopped with an error"
            case .died: return "died mid-write"
            case .crashed: return "crashed"
            case .other(let status): return "status \(status)"
            }
        }
    }

    private func runChild(_ session: DiskFaultSession, plan: DiskFaults.Plan?) throws -> ChildOutcome {
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childVariable] = [session.folder.path, plan.map(Self.encode) ?? "count"].joined(separator: "|")
        // A failed fsync crashes the child on purpose: no backtrace wanted. Swift's crash handler would start its
        // backtracer (a fork inside the signal handler, which ThreadSanitizer's runtime refuses with a CHECK
        // failure, so the child ended with TSan's status instead of the signal) and spend seconds on symbols.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        // posix_spawn and a blocking waitpid: Foundation's Process learns of the end from SIGCHLD, and under
        // ThreadSanitizer one crashed child was left a zombie that waitUntilExit never saw end.
        let child = try ChildProcess.start(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
                                           ["--testing-library", "swift-testing", "--filter", "diskFaultChild"], environment: environment)
        switch child.wait() {
        case .signalled: return .crashed
        case .exited(0): return .finished
        case .exited(3): return .refused
        case .exited(DiskFaults.deathStatus): return .died
        case .exited(let status): return .other(status)
        }
    }

    /// The child's side: the session on a disk that fails as planned. An error ends it with status 3; a counting
    /// run writes the calls it counted to calls.txt.
    @Test(.enabled(if: isChild)) func diskFaultChild() throws {
        let parts = ProcessInfo.processInfo.environment[Self.childVariable]!.split(separator: "|").map(String.init)
        let session = DiskFaultSession(folder: URL(fileURLWithPath: parts[0]))
        let plan = parts[1] == "count" ? nil : Self.decode(parts[1])
        DiskFaults.install(plan)
        do {
            try session.ingest()
        } catch {
            DiskFaults.remove()
            exit(3)
        }
        let calls = DiskFaults.log
        DiskFaults.remove()
        if plan == nil {
            let lines = calls.map { "\($0.operation.rawValue) \($0.bytes)\n" }.joined()
            try Data(lines.utf8).write(to: session.folder.appendingPathComponent("calls.txt"))
        }
        exit(0)
    }

    static func readCalls(_ session: DiskFaultSession) throws -> [DiskFaults.Call] {
        let text = try String(contentsOf: session.folder.appendingPathComponent("calls.txt"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: " ")
            return DiskFaults.Call(operation: DiskFaults.Operation(rawValue: String(fields[0]))!, bytes: Int(fields[1])!)
        }
    }

    /// A plan as the child's argument: "<operation>:<nth>:error:<errno>", "<operation>:<nth>:short:<bytes>:<errno>",
    /// "<operation>:<nth>:torn:<bytes>".
    static func encode(_ plan: DiskFaults.Plan) -> String {
        let call = "\(plan.operation!.rawValue):\(plan.failing)"
        switch plan.fault {
        case .error(let code): return "\(call):error:\(code)"
        case .shortWrite(let keeping, let code): return "\(call):short:\(keeping):\(code)"
        case .tornThenDeath(let keeping): return "\(call):torn:\(keeping)"
        }
    }

    static func decode(_ text: String) -> DiskFaults.Plan {
        let f = text.split(separator: ":").map(String.init)
        let operation = DiskFaults.Operation(rawValue: f[0])!, failing = Int(f[1])!
        switch f[2] {
        case "error": return DiskFaults.Plan(failing: failing, fault: .error(Int32(f[3])!), operation: operation)
        case "short": return DiskFaults.Plan(failing: failing, fault: .shortWrite(keeping: Int(f[3])!, errno: Int32(f[4])!), operation: operation)
        default: return DiskFaults.Plan(failing: failing, fault: .tornThenDeath(keeping: Int(f[3])!), operation: operation)
        }
    }
}
#endif

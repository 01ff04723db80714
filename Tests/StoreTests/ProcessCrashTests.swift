#if os(Linux)
import Foundation
import Testing
import Store
import Glibc

/// Real processes killed with SIGKILL mid-commit or mid-compaction. The
/// test binary re-runs itself as the writer: `storeCrashChildWorker` only
/// does anything when the parent sets the environment variable.
@Suite struct ProcessCrashTests {
    static let childVariable = "CAREDESK_STORE_CRASH_CHILD"

    private func spawnWriter(_ dir: URL, writer: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = ["--testing-library", "swift-testing", "--filter", "storeCrashChildWorker"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childVariable] = dir.path + "|" + writer
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] == nil))
    func killedWritersLeaveAConsistentStore() throws {
        try withTemporaryFolder { dir in
            let observer = try JSONStore<Ledger>(directory: dir, compactEvery: 500)
            for round in 0..<3 {
                let target = observer.state.count + 400
                let writers = try ["spool-\(round)", "server-\(round)"].map { try spawnWriter(dir, writer: $0) }
                let deadline = Date().addingTimeInterval(60)
                while observer.state.count < target && Date() < deadline && writers.allSatisfy(\.isRunning) {
                    usleep(5_000)
                    try observer.refresh()
                }
                for writer in writers {
                    usleep(UInt32.random(in: 0...20_000))
                    kill(writer.processIdentifier, SIGKILL)
                    writer.waitUntilExit()
                }
                #expect(observer.state.count >= target, "writers stalled in round \(round)")
                try observer.refresh()
                #expect(observer.state.misordered == 0)
                #expect(observer.state.gaps == 0)
                let fresh = try JSONStore<Ledger>(directory: dir, compactEvery: 500)
                #expect(fresh.state == observer.state)
                #expect(!(try storeFiles(dir)).contains { $0.hasSuffix(".tmp") })
            }
            #expect(observer.generation >= 2)  // compactions happened under fire too
            try add(observer, writer: "after", amounts: [1])
            #expect(try JSONStore<Ledger>(directory: dir).state == observer.state)
        }
    }

    /// The writer side: commits batches and compacts until killed (or 60 s).
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func storeCrashChildWorker() throws {
        let parts = ProcessInfo.processInfo.environment[Self.childVariable]!.split(separator: "|").map(String.init)
        let store = try JSONStore<Ledger>(directory: URL(fileURLWithPath: parts[0]), compactEvery: 500)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            try add(store, writer: parts[1], amounts: Array(repeating: 1, count: Int.random(in: 1...40)))
            try store.compactIfDue()
        }
    }
}
#endif

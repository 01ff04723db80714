import Desk
import ChildProcess
import Foundation

/// The measuring instruments around the bench: the Maildir I/O floor (a C program shipped in shared/bench)
/// and the process's peak memory.
enum BenchFloor {
    /// Compiles iofloor.c with gcc into the work folder; nil (and a note) when the source or gcc is missing.
    static func compile(source: String?, into work: URL) throws -> URL? {
        let path = source ?? ShippedFiles.file("../shared/bench/iofloor.c")?.path
        guard let path, FileManager.default.fileExists(atPath: path) else {
            print("(iofloor.c not found: the I/O floor is not measured; pass --iofloor PATH)")
            return nil
        }
        let binary = work.appendingPathComponent("iofloor")
        let status = try runProcess("/usr/bin/env", ["gcc", "-O2", "-o", binary.path, path]).status
        guard status == 0 else {
            print("(gcc failed on \(path): the I/O floor is not measured)")
            return nil
        }
        return binary
    }

    static func writeMaildir(_ messages: [String], at url: URL) throws {
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: url.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for (i, message) in messages.enumerated() {
            // FileManager, not Data.write: the latter fsyncs every file, which only slows the set-up.
            _ = FileManager.default.createFile(atPath: url.appendingPathComponent("new/\(1_772_400_000 + i).M\(i)P1.bench").path,
                                               contents: Data(message.utf8))
        }
    }

    /// Runs the floor on a copy of `maildir`; returns its messages/s.
    static func run(_ binary: URL, maildir: URL, work: URL) throws -> Double {
        let copy = work.appendingPathComponent("in"), out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: maildir, to: copy)
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: out.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let result = try runProcess(binary.path, [copy.path, out.path])
        let fields = result.output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count == 2, fields[1] > 0 else { return 0 }
        return fields[0] / fields[1]
    }

    static func runProcess(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let (ended, output) = try ChildProcess.run(path, arguments)
        if case .exited(let status) = ended { return (status, output) }
        return (-1, output)
    }

    /// CPU time this process has used so far, user and system, in seconds.
    static func cpuSeconds() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }

    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports KiB
    }
}

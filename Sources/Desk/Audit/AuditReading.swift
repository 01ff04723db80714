import Foundation

/// Reading the audit trail back, for `caredesk audit` and for AUDIT <patient>: its records, and whether the
/// hash chain is whole. Reads only the file: the store is not opened (nor locked).
public enum AuditReading {
    /// Where a data folder keeps its trail.
    public static func file(_ dataFolder: URL) -> URL { AuditTrail.file(dataFolder) }

    /// The trail's lines, without the newline; a torn last line (no newline) is left out. No file: no lines.
    static func lines(_ dataFolder: URL) throws -> [Data] { try lines(file: file(dataFolder)) }

    static func lines(file url: URL) throws -> [Data] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data = try Data(contentsOf: url)
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a torn line
        return lines.map { Data($0) }
    }

    /// The trail's records, oldest first. A line that does not read as a record is an error naming it.
    public static func records(_ dataFolder: URL) throws -> [AuditRecord] {
        try lines(dataFolder).enumerated().map { number, line in
            guard let record = try? JSONDecoder().decode(AuditRecord.self, from: line) else {
                throw AuditTrail.Problem(description: "\(file(dataFolder).path) line \(number + 1) is not an audit record (run `caredesk audit --verify`)")
            }
            return record
        }
    }

    /// What `--verify` found.
    public enum Verdict: Sendable, Equatable {
        /// Every line chains to the one before: `lines` of them.
        case whole(lines: Int)
        /// Line `line` (from 1) does not: `why` says how.
        case broken(line: Int, why: String)
    }

    /// Recomputes each line's hash and checks that it names the line before's.
    public static func verify(_ dataFolder: URL) throws -> Verdict {
        var prev = ""
        let lines = try lines(dataFolder)
        for (index, line) in lines.enumerated() {
            guard let record = try? JSONDecoder().decode(AuditRecord.self, from: line) else {
                return .broken(line: index + 1, why: "not an audit record")
            }
            guard record.prev == prev else { return .broken(line: index + 1, why: "does not follow the line before (prev differs)") }
            guard let hash = record.hash, hash == record.computedHash() else {
                return .broken(line: index + 1, why: "its content does not match its hash")
            }
            guard (try? record.line()) == line else { return .broken(line: index + 1, why: "not in the form the desk writes") }
            prev = hash
        }
        return .whole(lines: lines.count)
    }
}

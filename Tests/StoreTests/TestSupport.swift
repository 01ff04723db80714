import Foundation
import Store
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A state that checks its own replay: every record says how many records
/// its writer saw when it made it, so a missed catch-up shows as `misordered`.
struct Ledger: StoreState, Equatable {
    struct Record: Codable, Sendable, Equatable {
        var writer: String
        var seq: Int
        var amount: Int
        var seen: Int
        var note: String = ""
    }

    var total = 0
    var count = 0
    /// Records applied when `count` differed from what their writer saw.
    var misordered = 0
    /// Records whose per-writer sequence number was not the next one.
    var gaps = 0
    var lastSeq: [String: Int] = [:]

    mutating func apply(_ record: Record) {
        if record.seen != count { misordered += 1 }
        if record.seq != (lastSeq[record.writer] ?? 0) + 1 { gaps += 1 }
        total += record.amount
        count += 1
        lastSeq[record.writer] = record.seq
    }
}

/// Commits one transaction of `amounts.count` records by `writer`.
func add(_ store: JSONStore<Ledger>, writer: String = "w", amounts: [Int]) throws {
    try store.transaction { state in
        let first = (state.lastSeq[writer] ?? 0) + 1
        let records = amounts.enumerated().map { index, amount in
            Ledger.Record(writer: writer, seq: first + index, amount: amount, seen: state.count + index)
        }
        return (records, ())
    }
}

/// Runs `body` with a fresh folder that is deleted afterwards.
func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("caredesk-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try body(url)
}

func storeFile(_ directory: URL, _ name: String) -> URL {
    directory.appendingPathComponent("store").appendingPathComponent(name)
}

/// File names in `directory/store`, sorted, without the lock file.
func storeFiles(_ directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("store").path)
        .filter { $0 != "lock" }
        .sorted()
}

/// Start offsets of the frames in a journal, read from the length fields only
/// (no checksum), plus the offset after the last one.
func frameOffsets(_ journal: Data) -> [Int] {
    let bytes = [UInt8](journal)
    var offsets: [Int] = []
    var offset = 0
    while offset + 8 <= bytes.count {
        offsets.append(offset)
        let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        offset += 8 + length
    }
    offsets.append(offset)
    return offsets
}

/// The frames of a journal, read from the length fields only: where each starts and whether it is a
/// commit mark (a six-byte payload starting with a zero byte) rather than a record.
func frames(_ journal: Data) -> [(offset: Int, isMark: Bool)] {
    let bytes = [UInt8](journal)
    return frameOffsets(journal).dropLast().map { offset in
        let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        return (offset, length == 6 && offset + 8 < bytes.count && bytes[offset + 8] == 0)
    }
}

/// Start offsets of the records (not commit marks) in a journal.
func recordOffsets(_ journal: Data) -> [Int] {
    frames(journal).filter { !$0.isMark }.map(\.offset)
}

func appendBytes(_ bytes: [UInt8], to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
}

/// Copies `from/store` to `to/store` (files only, as plain copies).
func copyStore(from: URL, to: URL) throws {
    let source = from.appendingPathComponent("store")
    let target = to.appendingPathComponent("store")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
        try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
    }
}

/// Permission bits of a path.
func mode(_ url: URL) -> mode_t {
    var info = stat()
    guard stat(url.path, &info) == 0 else { return 0 }
    return info.st_mode & 0o777
}

/// A value shared between test threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func update(_ body: (inout Value) -> Void) { lock.lock(); body(&value); lock.unlock() }
    var current: Value { lock.lock(); defer { lock.unlock() }; return value }
}

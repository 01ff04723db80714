// libFuzzer target "store": the journal and snapshot loaders. Arbitrary bytes must load or be refused (throw),
// never crash or half-load: a refusal leaves every file as it was, and a store that opened opens again to the
// same state, also after a compaction. Also the scanners straight on the bytes. Built by scripts/fuzz.sh.
//
// Input: one byte choosing the folder's shape, then parts separated by "\n--8<--\n":
//   0: journal-0.log holds the parts' bytes as they are
//   1: snapshot-1.json, journal-1.log and journal-0.log hold parts 1, 2 and 3 as they are
//   2: journal-0.log holds the parts as framed records (an empty part is a commit mark)
//   3: snapshot-1.json is part 1 sealed with a correct header; journal-1.log holds the rest as framed records
import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Store

/// The state the loader rebuilds: records appended in order; a columnar snapshot, so the snapshot bytes go
/// through ColumnarJSONReader (and JSONScanner) as the desk's do.
struct FuzzState: StoreState, Equatable {
    struct Record: Codable, Sendable, Equatable {
        var w: String
        var n: Int64
    }

    var names: [String] = []
    var amounts: [Int64] = []

    init() {}

    mutating func apply(_ record: Record) {
        names.append(record.w)
        amounts.append(record.n)
    }

    func snapshotData() throws -> Data {
        var writer = ColumnarJSONWriter()
        writer.write("names", strings: names)
        writer.write("amounts", integers: amounts)
        return writer.data()
    }

    init(snapshotData: Data) throws {
        let reader = try ColumnarJSONReader(snapshotData)
        names = try reader.strings("names")
        amounts = try reader.integers("amounts")
        guard names.count == amounts.count else { throw StoreError(.malformedJSON(offset: 0, detail: "columns differ")) }
    }
}

private let separator = Array("\n--8<--\n".utf8)
private let base: URL = {
    let root = ProcessInfo.processInfo.environment["FUZZ_TMP"] ?? NSTemporaryDirectory()
    return URL(fileURLWithPath: root).appendingPathComponent("store-fuzz-\(getpid())", isDirectory: true)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    scanners(input)
    guard let shape = input.first else { return 0 }
    let parts = split(Array(input.dropFirst()))
    let folder = base.appendingPathComponent("store")
    try? FileManager.default.removeItem(at: base)
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    func put(_ name: String, _ bytes: [UInt8]) { writeFile(folder.appendingPathComponent(name).path, bytes) }
    switch shape % 4 {
    case 0:
        put("journal-0.log", Array(input.dropFirst()))
    case 1:
        put("snapshot-1.json", parts[0])
        if parts.count > 1 { put("journal-1.log", parts[1]) }
        if parts.count > 2 { put("journal-0.log", parts[2]) }
    case 2:
        put("journal-0.log", framed(parts[...]))
    default:
        put("snapshot-1.json", SnapshotFile.header(for: Data(parts[0])) + parts[0])
        put("journal-1.log", framed(parts.dropFirst()))
    }
    load(folder)
    return 0
}

private func load(_ folder: URL) {
    let before = files(folder)
    let first: FuzzState
    do {
        first = try JSONStore<FuzzState>(directory: base).state
    } catch let error as StoreError {
        if case .system = error.reason { failure("system error: \(error)") }
        require(files(folder) == before, "refused (\(error)) but changed the folder")
        return
    } catch {
        failure("not a StoreError: \(error)")
    }
    require(first.names.count == first.amounts.count)
    do {
        let again = try JSONStore<FuzzState>(directory: base)
        require(again.state == first, "opened twice, two states")
        require(again.notes.isEmpty, "second open still repairing: \(again.notes)")
        try again.compact()
    } catch {
        failure("opened once, then: \(error)")
    }
    do {
        let compacted = try JSONStore<FuzzState>(directory: base)
        require(compacted.state == first, "compaction changed the state")
    } catch {
        failure("compacted, then: \(error)")
    }
}

/// The scanners on the raw bytes: whatever they find lies inside them, in order.
private func scanners(_ bytes: UnsafeRawBufferPointer) {
    let scan = JournalScan(bytes)
    var last = 0
    for range in scan.records {
        require(range.lowerBound >= last + RecordFrame.headerSize && range.upperBound <= bytes.count)
        last = range.upperBound
    }
    require(scan.validEnd <= bytes.count && last <= scan.validEnd)
    if let tail = scan.tornTail { require(tail.upperBound == bytes.count && tail.lowerBound >= scan.validEnd) }
    for damage in scan.damage { require(damage.range.upperBound <= bytes.count && !damage.range.isEmpty) }

    let data = Data(bytes)
    let contents = SnapshotFile.open(data)
    require(contents.payload.count <= data.count && contents.fileSize == data.count)
    if let reader = try? ColumnarJSONReader(data) {
        for key in reader.keys.prefix(8) {
            _ = try? reader.strings(key)
            _ = try? reader.integers(key)
            _ = try? reader.value([String: Int].self, key)
        }
    }
}

private func split(_ bytes: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    var index = 0
    while index + separator.count <= bytes.count {
        if bytes[index..<(index + separator.count)].elementsEqual(separator) {
            parts.append(Array(bytes[start..<index]))
            index += separator.count
            start = index
        } else {
            index += 1
        }
    }
    parts.append(Array(bytes[start...]))
    return parts
}

/// The parts as a journal: each one a record frame, an empty one the commit mark of the records before it.
private func framed(_ parts: ArraySlice<[UInt8]>) -> [UInt8] {
    var journal: [UInt8] = []
    var records = 0
    for part in parts {
        if part.isEmpty {
            try! RecordFrame.appendMark(&journal, records: records)
            records = 0
        } else {
            let header = journal.count
            journal.append(contentsOf: RecordFrame.placeholder)
            journal.append(contentsOf: part)
            try! RecordFrame.seal(&journal, headerAt: header)
            records += 1
        }
    }
    return journal
}

/// Every file of the folder with its bytes (the lock file aside).
private func files(_ folder: URL) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name != "lock" {
        result[name] = readFile(folder.appendingPathComponent(name).path)
    }
    return result
}

// Plain POSIX file access: FileManager.contents(atPath:) leaks a buffer in this Foundation, which
// LeakSanitizer (rightly) reports.
private func writeFile(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    require(fd >= 0, "cannot create \(path)")
    defer { close(fd) }
    bytes.withUnsafeBytes { buffer in
        var done = 0
        while done < buffer.count {
            let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
            require(n > 0, "cannot write \(path)")
            done += n
        }
    }
}

private func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        require(n >= 0, "cannot read \(path)")
        if n == 0 { return result }
        result.append(contentsOf: chunk[..<n])
    }
}

/// A check of the harness: unlike `precondition`, says what failed in an optimized build too.
private func require(_ condition: Bool, _ message: @autoclosure () -> String = "", line: UInt = #line) {
    if !condition { fatalError("fuzz check failed: \(message())", line: line) }
}

private func failure(_ message: String) -> Never { fatalError("fuzz check failed: \(message)") }

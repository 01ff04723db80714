import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Durable snapshot files. Each starts with one line that seals the content after it:
///
///     CAREDESK-SNAPSHOT 1 crc32=<8 hex digits> bytes=<decimal>\n<the state's snapshot bytes>
///
/// Checked at every open (one pass of CRC-32 over the mapped file, which `MAP_POPULATE` reads in anyway),
/// so a changed byte is refused rather than taken as the truth. A file that starts with `{` is a snapshot
/// written before snapshots were sealed: read as it is, and replaced by a sealed one at the next compaction.
enum SnapshotFile {
    static let magic = Array("CAREDESK-SNAPSHOT 1 crc32=".utf8)

    /// What reading a snapshot found.
    enum Seal: Equatable, Sendable {
        /// The checksum and length in its header match its content.
        case verified
        /// Written before snapshots were sealed: nothing to check it against.
        case unsealed
        /// The header is not well formed, or the content does not match it.
        case broken(String)
    }

    struct Contents {
        /// The state's bytes, after the header.
        var payload: Data
        var seal: Seal
        var fileSize: Int
    }

    /// The header line for `payload`.
    static func header(for payload: Data) -> [UInt8] {
        let crc = CRC32.checksum(payload)
        let hex = String(crc, radix: 16)
        return magic + Array((String(repeating: "0", count: 8 - hex.count) + hex + " bytes=\(payload.count)\n").utf8)
    }

    /// Writes `state`'s snapshot as `snapshot-<generation>.json` (see `write(_:generation:layout:)`).
    static func write<State: StoreState>(_ state: State, generation: Int, layout: StoreLayout) throws {
        let data: Data
        do {
            data = try state.snapshotData()
        } catch {
            throw StoreError(.encoding(what: "snapshot", detail: "\(error)"))
        }
        try write(data, generation: generation, layout: layout)
    }

    /// Writes `snapshot-<generation>.json` so that it appears complete or
    /// not at all: temp file in the same folder, write, fsync, rename, fsync
    /// the folder.
    static func write(_ data: Data, generation: Int, layout: StoreLayout) throws {
        let temporary = layout.temporarySnapshotPath(generation)
        try FileIO.writeWhole(layout.snapshotPath(generation), temporary: temporary, folder: layout.folder) { fd in
            let header = header(for: data)
            try header.withUnsafeBytes { try FileIO.write(fd, $0, at: 0, path: temporary) }
            try data.withUnsafeBytes { try FileIO.write(fd, $0, at: header.count, path: temporary) }
        }
    }

    /// The content of `snapshot-<generation>.json` and whether it passed its check, or nil if the file
    /// is absent. Mapped rather than read: a snapshot is never changed once in place.
    static func read(generation: Int, layout: StoreLayout) throws -> Contents? {
        guard let data = try FileIO.mapFile(layout.snapshotPath(generation)) else { return nil }
        return open(data)
    }

    /// Splits a snapshot file's bytes into header and content, and checks one against the other.
    static func open(_ data: Data) -> Contents {
        let (payloadStart, seal) = data.withUnsafeBytes { check($0) }
        let start = data.startIndex + payloadStart
        return Contents(payload: data[start...], seal: seal, fileSize: data.count)
    }

    private static func check(_ bytes: UnsafeRawBufferPointer) -> (payloadStart: Int, seal: Seal) {
        if bytes.first == UInt8(ascii: "{") { return (0, .unsealed) }
        guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else {
            return (0, .broken("it does not start with a snapshot header"))
        }
        guard let newline = bytes.prefix(256).firstIndex(of: 0x0A) else {
            return (0, .broken("its header line has no end"))
        }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[magic.count..<newline]), as: UTF8.self)
        let fields = line.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 2, fields[0].utf8.count == 8, let crc = UInt32(fields[0], radix: 16),
              fields[1].hasPrefix("bytes="), let length = Int(fields[1].dropFirst("bytes=".count)),
              fields[1].dropFirst("bytes=".count).allSatisfy(\.isASCII) else {
            return (newline + 1, .broken("its header line is not well formed"))
        }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[(newline + 1)...])
        guard payload.count == length else {
            return (newline + 1, .broken("its header says \(length) bytes, the file holds \(payload.count)"))
        }
        let found = CRC32.checksum(payload)
        guard found == crc else {
            return (newline + 1, .broken("its checksum does not match its content"))
        }
        return (newline + 1, .verified)
    }
}

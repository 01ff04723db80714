/// Journal record framing:
///
///     [UInt32 LE payload length][UInt32 LE CRC-32 of payload][payload]
///
/// A zero length is never written (a JSON value is at least one byte), so a
/// zero-filled tail, which a crash can leave behind, reads as invalid.
///
/// Every commit ends with a commit mark: a frame whose payload starts with a zero byte (no JSON value
/// does) and then holds "C" and the commit's record count (UInt32 LE). The mark is what tells a damaged
/// last record from a torn tail: damage anywhere in a committed batch leaves its valid mark after it, so
/// it reads as corruption, while a write cut short by a crash has no valid frame after the cut.
enum RecordFrame {
    static let headerSize = 8

    /// Eight bytes to reserve where a frame's header goes, before its payload is written after them.
    static let placeholder = [UInt8](repeating: 0, count: headerSize)

    /// The payload of a commit mark, without its count.
    static let markPrefix: [UInt8] = [0x00, UInt8(ascii: "C")]
    static let markPayloadSize = markPrefix.count + 4

    /// Fills in the header at `header` for the payload that follows it up to the end of `buffer`.
    static func seal(_ buffer: inout [UInt8], headerAt header: Int) throws {
        let start = header + headerSize
        let count = buffer.count - start
        guard count > 0, count <= Int(UInt32.max) else {
            throw StoreError(.encoding(what: "record", detail: "payload of \(count) bytes cannot be framed"))
        }
        let crc = buffer.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        let length = UInt32(count)
        for (i, shift) in stride(from: 0, to: 32, by: 8).enumerated() {
            buffer[header + i] = UInt8(truncatingIfNeeded: length >> shift)
            buffer[header + 4 + i] = UInt8(truncatingIfNeeded: crc >> shift)
        }
    }

    /// Appends the commit mark of a commit of `records` records to `buffer`.
    static func appendMark(_ buffer: inout [UInt8], records: Int) throws {
        let header = buffer.count
        buffer.append(contentsOf: placeholder)
        buffer.append(contentsOf: markPrefix)
        let count = UInt32(clamping: records)
        for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(truncatingIfNeeded: count >> shift)) }
        try seal(&buffer, headerAt: header)
    }

    /// The payload range of the valid frame starting at `offset`, or nil if the bytes there are short,
    /// empty or fail their checksum.
    static func frame(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        guard offset >= 0, bytes.count - offset >= headerSize else { return nil }
        let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        let start = offset + headerSize
        guard length > 0, length <= bytes.count - start else { return nil }
        let crc = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        let range = start..<(start + length)
        guard CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[range])) == crc else { return nil }
        return range
    }

    /// Whether a valid frame's payload is a commit mark rather than a record.
    static func isMark(_ payload: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Bool {
        payload.count == markPayloadSize && bytes[payload.lowerBound] == markPrefix[0] && bytes[payload.lowerBound + 1] == markPrefix[1]
    }
}

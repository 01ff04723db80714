/// Journal record framing:
///
///     [UInt32 LE payload length][UInt32 LE CRC-32 of payload][payload]
///
/// A zero length is never written (a JSON value is at least one byte), so a
/// zero-filled tail, which a crash can leave behind, reads as invalid.
enum RecordFrame {
    static let headerSize = 8

    /// Eight bytes to reserve where a frame's header goes, before its payload is written after them.
    static let placeholder = [UInt8](repeating: 0, count: headerSize)

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

    /// Walks the frames at the start of `bytes`, calling `payload` with the
    /// byte range of each valid one, and stops at the first frame that is
    /// short, empty or fails its checksum. Returns the length of the valid
    /// prefix; anything after it is a torn tail and must not be interpreted.
    static func scan(_ bytes: UnsafeRawBufferPointer, payload: (Range<Int>) throws -> Void) rethrows -> Int {
        var offset = 0
        while bytes.count - offset >= headerSize {
            let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            let crc = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let start = offset + headerSize
            guard length > 0, length <= bytes.count - start else { break }
            let range = start..<(start + length)
            guard CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[range])) == crc else { break }
            try payload(range)
            offset = range.upperBound
        }
        return offset
    }
}

/// What a journal's bytes hold, frame by frame: the records, the damage, and a torn tail.
///
/// Reading stops being simple at the first byte that does not start a valid frame. From there the scan
/// looks ahead, one offset at a time, for the next valid frame. If there is one, the bytes in between are
/// damage: something changed bytes that were committed (valid frames follow them, and every commit ends
/// with a valid commit mark). If there is none, the bytes from there to the end are a torn tail: a write
/// cut short by a crash, never acknowledged.
struct JournalScan: Sendable {
    /// A stretch of bytes that are not valid frames, with valid frames after it.
    struct Damage: Sendable, Equatable {
        /// Offsets in the scanned bytes.
        var range: Range<Int>
        /// Records (not commit marks) in the valid frames after this damage.
        var recordsAfter: Int
    }

    /// The payload ranges of the valid records, in order.
    var records: [Range<Int>] = []
    /// Commit marks found.
    var commits = 0
    var damage: [Damage] = []
    /// From the first byte of the last invalid stretch to the end, when no valid frame follows it.
    var tornTail: Range<Int>?
    /// Just after the last valid frame (record or mark).
    var validEnd = 0

    var isDamaged: Bool { !damage.isEmpty }

    init(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        var damageStart: Int?
        while offset < bytes.count {
            guard let payload = RecordFrame.frame(at: offset, in: bytes) else {
                damageStart = damageStart ?? offset
                offset = Self.nextFrame(after: offset, in: bytes) ?? bytes.count
                continue
            }
            if let start = damageStart {
                damage.append(Damage(range: start..<offset, recordsAfter: records.count))  // records before, for now
                damageStart = nil
            }
            if RecordFrame.isMark(payload, in: bytes) {
                commits += 1
            } else {
                records.append(payload)
            }
            offset = payload.upperBound
            validEnd = offset
        }
        if let start = damageStart { tornTail = start..<bytes.count }
        for i in damage.indices { damage[i].recordsAfter = records.count - damage[i].recordsAfter }
    }

    /// The first offset after `offset` where a valid frame starts. Cheap on text: four bytes of JSON
    /// (each at least 0x20) read as a length far beyond any journal, so the checksum is rarely computed.
    private static func nextFrame(after offset: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
        var candidate = offset + 1
        while bytes.count - candidate >= RecordFrame.headerSize {
            if RecordFrame.frame(at: candidate, in: bytes) != nil { return candidate }
            candidate += 1
        }
        return nil
    }
}

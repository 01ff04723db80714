/// Where each appointment reference sits among the rows of `Appointments`: open addressing over a
/// power-of-two array of slots, each holding a reference's 32-bit hash (high half) and its row + 1 (low
/// half; 0 marks an empty slot). Eight bytes a slot keep the whole index of a million appointments in
/// 16 MiB, and the hash is a plain mix of the reference's bytes instead of the seeded one `Dictionary`
/// uses: references are drawn at random by the core, and looking up an unknown one (as typed by a
/// patient) never inserts, so nobody outside can choose what collides.
struct RefIndex: Sendable {
    private var slots: [UInt64]
    private(set) var count = 0

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
    }

    /// Indexes `rows` rows at once (`hashAt` and `refAt` give a row's hash and reference), or returns the
    /// row whose reference an earlier row already has in `duplicate`. Rows are inserted in the order of the
    /// slots they land in, a block of slots at a time, rather than in row order: a slot read at random in
    /// a table of many megabytes costs a cache and TLB miss, which is most of what indexing would cost.
    init(rows: Int, hashAt: (Int) -> UInt32, refAt: (Int) -> String, duplicate: inout Int?) {
        self.init(capacity: rows)
        let hashes = (0..<rows).map(hashAt)
        let slotBits = slots.count.trailingZeroBitCount, blockBits = min(10, slotBits)
        let shift = slotBits - blockBits, mask = slots.count - 1
        func block(_ hash: UInt32) -> Int { (Int(hash) & mask) >> shift }
        // Counting sort of the rows by block: where each block's rows start, then the rows in block order.
        var next = [Int](repeating: 0, count: (1 << blockBits) + 1)
        for hash in hashes { next[block(hash) + 1] += 1 }
        for b in 0..<(1 << blockBits) { next[b + 1] += next[b] }
        // Not with no capacity: that is the shared empty array, whose count initialising writes (a race).
        let ordered = rows == 0 ? [] : [UInt64](unsafeUninitializedCapacity: rows) { buffer, initialized in
            for (row, hash) in hashes.enumerated() {
                buffer[next[block(hash)]] = UInt64(hash) << 32 | UInt64(row + 1)
                next[block(hash)] += 1
            }
            initialized = rows
        }
        slots.withUnsafeMutableBufferPointer { slots in
            for entry in ordered {
                var i = Int(UInt32(truncatingIfNeeded: entry >> 32)) & mask
                while slots[i] != 0 {
                    if slots[i] >> 32 == entry >> 32,
                       refAt(Int(UInt32(truncatingIfNeeded: slots[i])) - 1) == refAt(Int(UInt32(truncatingIfNeeded: entry)) - 1) {
                        duplicate = Int(UInt32(truncatingIfNeeded: entry)) - 1
                        return
                    }
                    i = (i + 1) & mask
                }
                slots[i] = entry
            }
        }
        count = duplicate == nil ? ordered.count : 0
    }

    /// A multiply-and-fold mix of the bytes, eight at a time, so that the low bits (the slot) depend on
    /// every byte.
    static func hash(_ ref: String) -> UInt32 {
        var ref = ref
        return ref.withUTF8 { bytes in
            func mix(_ h: UInt64) -> UInt64 {
                let m = h.multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
                return m.high ^ m.low
            }
            var h = UInt64(bytes.count)
            var word: UInt64 = 0, filled = 0
            for byte in bytes {
                word |= UInt64(byte) << (filled * 8)
                filled += 1
                if filled == 8 {
                    h = mix(h ^ word)
                    (word, filled) = (0, 0)
                }
            }
            h = mix(h ^ word ^ 0xA076_1D64_78BD_642F)
            return UInt32(truncatingIfNeeded: h ^ h >> 32)
        }
    }

    /// The row whose reference is `ref` (`hash` being `hash(ref)`); `refAt` gives a row's reference.
    func row(of ref: String, hash: UInt32, refAt: (Int) -> String) -> Int? {
        let mask = slots.count - 1
        var i = Int(hash) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let row = Int(UInt32(truncatingIfNeeded: slot)) - 1
                if refAt(row) == ref { return row }
            }
            i = (i + 1) & mask
        }
    }

    /// Records that `row` holds a reference with `hash` that the index does not hold yet.
    mutating func add(row: Int, hash: UInt32) {
        precondition(row < Int(UInt32.max), "too many appointments for the reference index")
        if (count + 1) * 2 > slots.count { grow() }
        place(UInt64(hash) << 32 | UInt64(row + 1))
        count += 1
    }

    private mutating func place(_ entry: UInt64) {
        let mask = slots.count - 1
        var i = Int(UInt32(truncatingIfNeeded: entry >> 32)) & mask
        slots.withUnsafeMutableBufferPointer { slots in
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = entry
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 { place(entry) }
    }
}

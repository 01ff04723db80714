/// Rows sorted into groups at once, for the indexes a restore builds: each row is given the number of
/// its group (0, 1, 2… in order of first appearance), then a counting sort lays every group's rows out
/// side by side and each group becomes one array of exactly its size. Appending a million rows one at a
/// time to thousands of growing arrays would instead touch a different array, far from the last, for
/// nearly every row.
struct RowGroups<Key: Hashable> {
    /// The key of each group, by group number.
    private(set) var keys: [Key] = []
    private var numbers: [Key: Int32] = [:]
    private var groupOfRow: [Int32] = []
    private var lastKey: Key?

    init(rows: Int, groups: Int) {
        numbers.reserveCapacity(groups)
        keys.reserveCapacity(groups)
        groupOfRow.reserveCapacity(rows)
    }

    /// Puts the next row in the group of `key`. A key equal to the previous row's is not hashed again,
    /// so rows that come in runs (a snapshot stores a doctor's appointments together) group cheaply.
    mutating func add(_ key: Key) {
        if let last = groupOfRow.last, key == lastKey {
            groupOfRow.append(last)
            return
        }
        let number: Int32
        if let known = numbers[key] {
            number = known
        } else {
            number = Int32(keys.count)
            numbers[key] = number
            keys.append(key)
        }
        groupOfRow.append(number)
        lastKey = key
    }

    /// Each group's key with its rows, in row order.
    func index() -> [Key: [Int32]] {
        // An array made with no capacity is the shared empty one, and initialising it writes its count
        // there: harmless, but a race when several threads do it (ThreadSanitizer found it).
        guard !groupOfRow.isEmpty else { return [:] }
        var start = [Int](repeating: 0, count: keys.count + 1)
        for group in groupOfRow { start[Int(group) + 1] += 1 }
        for g in keys.indices { start[g + 1] += start[g] }
        var next = start
        let sorted = [Int32](unsafeUninitializedCapacity: groupOfRow.count) { buffer, initialized in
            for (row, group) in groupOfRow.enumerated() {
                buffer[next[Int(group)]] = Int32(row)
                next[Int(group)] += 1
            }
            initialized = groupOfRow.count
        }
        var index: [Key: [Int32]] = [:]
        index.reserveCapacity(keys.count)
        for (g, key) in keys.enumerated() { index[key] = Array(sorted[start[g]..<start[g + 1]]) }
        return index
    }
}

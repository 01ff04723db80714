/// A small open-addressed hash table from (context, word) to a value, built once and then only read.
/// `context` lets one table hold the edges of a trie (the parent node); plain word lists use 0.
struct WordTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let context: UInt64
        let key: WordKey
        var value: Value
    }

    private var slots: [Entry?]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: nil, count: size)
        mask = size - 1
    }

    subscript(key: WordKey, context context: UInt64 = 0) -> Value? {
        get {
            var slot = Int(truncatingIfNeeded: key.hash(context: context) >> 40) & mask
            while let entry = slots[slot] {
                if entry.key == key, entry.context == context { return entry.value }
                slot = (slot + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { preconditionFailure("WordTable does not remove entries") }
            if (count + 1) * 2 > slots.count { grow() }
            var slot = Int(truncatingIfNeeded: key.hash(context: context) >> 40) & mask
            while let entry = slots[slot] {
                if entry.key == key, entry.context == context {
                    slots[slot]!.value = newValue
                    return
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = Entry(context: context, key: key, value: newValue)
            count += 1
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for case let entry? in old { self[entry.key, context: entry.context] = entry.value }
    }
}

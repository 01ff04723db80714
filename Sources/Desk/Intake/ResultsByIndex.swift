/// One result per index, written by several threads at once (each index by exactly one of them), then read
/// in order. It owns what it holds and releases it when it goes: a raw buffer freed without releasing its
/// elements would keep every message and reply written into it alive for the life of the process.
final class ResultsByIndex<Element>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Only the one thread given index `i` may set it; read once every thread is done.
    subscript(i: Int) -> Element? {
        get { slots[i] }
        set { slots[i] = newValue }
    }

    /// Every result, in index order (nil where none was written).
    var all: [Element?] { Array(slots) }
}

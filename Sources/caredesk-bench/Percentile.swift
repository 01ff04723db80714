/// Reading sorted measurements at a percentile, the one rule every bench prints its p50, p90 and p99 by: the
/// value at index ⌊count × p⌋, the last one for p = 1.
enum Percentile {
    /// The value at `p` (0…1) of `sorted`; nil when there is none.
    static func of<Value>(_ sorted: [Value], at p: Double) -> Value? {
        sorted.isEmpty ? nil : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    /// Nanoseconds, sorted, read at `p` in milliseconds (0 when there are none).
    static func millis(_ sortedNanos: [UInt64], at p: Double) -> Double {
        of(sortedNanos, at: p).map { Double($0) / 1e6 } ?? 0
    }
}

import Foundation

/// One ingest of the bench: throughput, median time per message and, beside it, the I/O floor's throughput.
struct BenchRound {
    var rate: Double
    var p50: Double
    var floorRate: Double?

    /// The round with the median throughput (of an even number, the lower middle one).
    static func median(_ rounds: [BenchRound]) -> BenchRound {
        rounds.sorted { $0.rate < $1.rate }[(rounds.count - 1) / 2]
    }

    /// "median of N rounds: …" with the range of throughputs and of the ratio to the floor.
    static func summary(_ rounds: [BenchRound], size: Int) -> String {
        let rates = rounds.map(\.rate).sorted()
        let median = median(rounds)
        var line = String(format: "  %d appointments, median of %d rounds: %.0f messages/s durable (range %.0f–%.0f)",
                          size, rounds.count, median.rate, rates.first ?? 0, rates.last ?? 0)
        let ratios = rounds.compactMap { round in round.floorRate.map { round.rate / $0 } }.sorted()
        if let medianFloor = median.floorRate, let low = ratios.first, let high = ratios.last {
            line += String(format: "; floor %.0f, ratio %.2f (range %.2f–%.2f)", medianFloor, median.rate / medianFloor, low, high)
        }
        return line
    }
}

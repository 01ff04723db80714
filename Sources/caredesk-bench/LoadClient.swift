import Dispatch
import Foundation

/// The bench's load generator, of our own so CI needs nothing more: `connections` threads, each holding one
/// keep-alive connection and sending the next request of a shared list only once its previous one is
/// answered (a closed loop, as `wrk` does). Each request's latency is kept, from its first byte sent to
/// its answer's last byte read. With several ports (instances of one desk), request i goes to port i mod
/// their count, and each thread keeps a keep-alive connection to every port.
struct LoadClient: Sendable {
    let ports: [Int]
    let connections: Int
    /// Stop handing out requests after this many seconds (the ones in flight finish).
    let durationCap: Double?

    init(port: Int, connections: Int, durationCap: Double?) {
        self.init(ports: [port], connections: connections, durationCap: durationCap)
    }

    init(ports: [Int], connections: Int, durationCap: Double?) {
        precondition(!ports.isEmpty, "LoadClient needs a port")
        self.ports = ports
        self.connections = connections
        self.durationCap = durationCap
    }

    struct Result: Sendable {
        var seconds = 0.0
        /// Nanoseconds per answered request, sorted.
        var latencies: [UInt64] = []
        var statuses: [Int: Int] = [:]
        /// Requests that got no answer (the connection broke; a new one is opened for the next).
        var failures = 0
        var lastFailure: String?

        var answered: Int { latencies.count }
        var non2xx: Int { statuses.filter { !(200..<300).contains($0.key) }.values.reduce(0, +) }
        var rate: Double { seconds > 0 ? Double(answered) / seconds : 0 }

        /// The latency at `p` (0…1), in milliseconds.
        func millis(at p: Double) -> Double {
            Percentile.millis(latencies, at: p)
        }

        mutating func absorb(_ other: Result) {
            latencies += other.latencies
            statuses.merge(other.statuses, uniquingKeysWith: +)
            failures += other.failures
            lastFailure = other.lastFailure ?? lastFailure
        }
    }

    /// Sends every request (or as many as the cap allows) and returns the figures; the waiting is done on
    /// threads of the client's own, never on Swift's shared ones, which the servers measured need.
    func run(_ requests: [[UInt8]]) async -> Result {
        await run(perPort: [requests])
    }

    /// `perPort[p][i]`: request i in the wire form for `ports[p]` (its Host header); request i is sent to
    /// port i mod `ports.count`. Every list holds the same requests.
    func run(perPort: [[[UInt8]]]) async -> Result {
        precondition(perPort.count == ports.count, "one list of requests per port")
        return await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.runOnThreads(perPort)) }.start()
        }
    }

    private func runOnThreads(_ perPort: [[[UInt8]]]) -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = durationCap.map { start + UInt64($0 * 1e9) }
        let tally = LoadTally(total: perPort[0].count, deadline: deadline)
        let finished = DispatchGroup()
        for _ in 0..<max(1, connections) {
            finished.enter()
            Thread { [ports] in
                var mine = Result()
                var open = [LoadConnection?](repeating: nil, count: ports.count)
                while let i = tally.next() {
                    let p = i % ports.count
                    do {
                        if open[p] == nil { open[p] = try LoadConnection(port: ports[p]) }
                        let connection = open[p]!
                        let sent = DispatchTime.now().uptimeNanoseconds
                        let status = try connection.exchange(perPort[p][i])
                        mine.latencies.append(DispatchTime.now().uptimeNanoseconds - sent)
                        mine.statuses[status, default: 0] += 1
                    } catch {
                        mine.failures += 1
                        mine.lastFailure = "\(error)"
                        open[p] = nil
                    }
                }
                open = []
                tally.add(mine)
                finished.leave()
            }.start()
        }
        finished.wait()
        var result = tally.result
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        result.latencies.sort()
        return result
    }
}

/// What the load's threads share: the next request to send, and their figures once they are done.
final class LoadTally: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let deadline: UInt64?
    private var handedOut = 0
    private var merged = LoadClient.Result()

    init(total: Int, deadline: UInt64?) {
        self.total = total
        self.deadline = deadline
    }

    /// The index of the next request to send; nil when all are handed out or the time is up.
    func next() -> Int? {
        if let deadline, DispatchTime.now().uptimeNanoseconds >= deadline { return nil }
        return lock.withLock {
            guard handedOut < total else { return nil }
            handedOut += 1
            return handedOut - 1
        }
    }

    func add(_ result: LoadClient.Result) {
        lock.withLock { merged.absorb(result) }
    }

    var result: LoadClient.Result { lock.withLock { merged } }
}

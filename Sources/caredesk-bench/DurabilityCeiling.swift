import Foundation

/// What a durable answer costs at the least, measured on the data folder's own disk: a closed loop of C
/// connections whose every request is answered only after an fsync can at best put all C requests of a round
/// into one append + fsync, so no desk, however cheap, answers faster than
/// `C / (the bare route's latency + one fsync of what C requests write)`. The bench prints that ceiling beside
/// the ratio, so a figure below the goal can be read against what the disk allows.
struct DurabilityCeiling {
    /// Latency of one append + fsync of `bytes`, in milliseconds: the median and the 99th percentile.
    struct Sync {
        let bytes: Int
        let rounds: Int
        let p50Millis: Double
        let p99Millis: Double
    }

    /// Appends `bytes` and fsyncs, `rounds` times, in a scratch file of `folder` (removed after).
    static func measureSync(bytes: Int, rounds: Int, in folder: URL) throws -> Sync {
        let path = folder.appendingPathComponent("fsync-probe-\(getpid()).log").path
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BenchWebhooks.Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer {
            close(fd)
            unlink(path)
        }
        let block = [UInt8](repeating: UInt8(ascii: "x"), count: max(1, bytes))
        var nanos: [UInt64] = []
        nanos.reserveCapacity(rounds)
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            let written = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == block.count, fsync(fd) == 0 else {
                throw BenchWebhooks.Failure(description: "append + fsync failed in \(path): \(String(cString: strerror(errno)))")
            }
            nanos.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        nanos.sort()
        return Sync(bytes: block.count, rounds: rounds, p50Millis: Percentile.millis(nanos, at: 0.5), p99Millis: Percentile.millis(nanos, at: 0.99))
    }

    /// The most requests/s `connections` closed-loop clients could get if each round of them cost one bare
    /// answer (`bareMillis`, the bare route's median at the same connections) and one fsync and nothing else.
    static func ceiling(connections: Int, bareMillis: Double, sync: Sync) -> Double {
        Double(connections) / ((bareMillis + sync.p50Millis) / 1000)
    }

    /// Bytes a folder's regular files hold, all the way down.
    static func bytes(under folder: URL) -> Int {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) else {
            return 0
        }
        var total = 0
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]), values.isRegularFile == true else { continue }
            total += values.fileSize ?? 0
        }
        return total
    }
}

import Foundation

/// A running process's vital signs as /proc shows them: resident memory and open file descriptors, the
/// sockets among them counted apart (connections come and go with the load; files, pipes and event fds should not).
struct ServeVitals: Sendable, CustomStringConvertible {
    var residentKB: Int
    var descriptors: Int
    var sockets: Int

    var residentMB: Double { Double(residentKB) / 1024 }

    /// The readings of `pid` now; nil once it has gone.
    static func of(_ pid: Int32) -> ServeVitals? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? ""),
              let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd") else { return nil }
        let sockets = entries.filter { entry in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(entry)"))?.hasPrefix("socket:") == true
        }.count
        return ServeVitals(residentKB: kilobytes, descriptors: entries.count, sockets: sockets)
    }

    /// Readings taken over a short window, summed up as one: the most memory seen and the fewest descriptors
    /// (a connection open at one instant of the window is load in flight, not a leak).
    static func summary(of readings: [ServeVitals]) -> ServeVitals? {
        guard !readings.isEmpty else { return nil }
        return ServeVitals(residentKB: readings.map(\.residentKB).max()!, descriptors: readings.map(\.descriptors).min()!,
                           sockets: readings.map(\.sockets).min()!)
    }

    var description: String {
        String(format: "%.1f MB, %d fds (%d sockets)", residentMB, descriptors, sockets)
    }
}

import Foundation

/// A running process's vital signs as /proc shows them: resident memory and open file descriptors, the
/// sockets among them counted apart (connections come and go with the load; files, pipes and event fds should not).
struct ServeVitals: Sendable, CustomStringConvertible {
    var residentKB: Int
    var descriptors: Int
    var sockets: Int

    var residentMB: Double { Double(residentKB) / 1024 }

    /// The readings of `pid` now; nil once it has gone. Read with POSIX calls, not Foundation: /proc files have no
    /// size, and a descriptor may close between listing the folder and looking at the entry.
    static func of(_ pid: Int32) -> ServeVitals? {
        guard let status = procText("/proc/\(pid)/status"),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.dropFirst("VmRSS:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""),
              let folder = opendir("/proc/\(pid)/fd") else { return nil }
        defer { closedir(folder) }
        var descriptors = 0, sockets = 0
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            descriptors += 1
            var target = [CChar](repeating: 0, count: 256)
            let length = readlink("/proc/\(pid)/fd/\(name)", &target, target.count - 1)
            if length > 0, String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self).hasPrefix("socket:") { sockets += 1 }
        }
        return ServeVitals(residentKB: kilobytes, descriptors: descriptors, sockets: sockets)
    }

    /// A /proc file's text, read to its end.
    private static func procText(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 { return nil }
            if n == 0 { break }
            bytes += buffer[..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
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

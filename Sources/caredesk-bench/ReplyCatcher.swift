import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal SMTP server on a free loopback port that accepts every message and notes when each reply
/// arrived, by the message it answers (its In-Reply-To): the far end of `bench watcher`'s measurement.
/// A thread per connection; what it receives is kept only as that time.
final class ReplyCatcher: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    // `arrivals` is only touched under `lock`.
    private let lock = NSLock()
    private var arrivals: [String: UInt64] = [:]

    init() throws {
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = listener
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound, listen(listener, 16) == 0 else { throw BenchWebhooks.Failure(description: "the reply catcher cannot listen") }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in accepting() }.start()
    }

    /// When the reply to `messageID` (with its angle brackets) arrived, in uptime nanoseconds; nil: not yet.
    func arrival(of messageID: String) -> UInt64? {
        lock.withLock { arrivals[messageID] }
    }

    private func accepting() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            Thread { [self] in serve(connection) }.start()
        }
    }

    /// Answers 250 to everything but DATA (354, then the message up to its lone dot) and QUIT (221).
    private func serve(_ fd: Int32) {
        defer { close(fd) }
        func say(_ line: String) { _ = line.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, 0) } }
        say("220 bench reply catcher\r\n")
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var inData = false, inHeader = false
        var repliesTo: String?
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            pending += buffer[0..<count]
            while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<end], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                pending.removeSubrange(...end)
                if inData {
                    if line == "." {
                        inData = false
                        if let repliesTo { lock.withLock { arrivals[repliesTo] = DispatchTime.now().uptimeNanoseconds } }
                        say("250 kept\r\n")
                    } else if inHeader {
                        if line.isEmpty { inHeader = false }
                        if line.lowercased().hasPrefix("in-reply-to:") {
                            repliesTo = line.dropFirst("in-reply-to:".count).trimmingCharacters(in: .whitespaces)
                        }
                    }
                    continue
                }
                let verb = line.prefix(4).uppercased()
                if verb == "DATA" {
                    inData = true
                    inHeader = true
                    repliesTo = nil
                    say("354 go on\r\n")
                } else if verb == "QUIT" {
                    say("221 bye\r\n")
                    return
                } else if verb == "EHLO" {
                    say("250-bench\r\n250 8BITMIME\r\n")
                } else {
                    say("250 ok\r\n")
                }
            }
        }
    }
}

import Foundation

/// One keep-alive HTTP/1.1 connection to a loopback port over plain POSIX sockets, for the bench's load:
/// sends a request already in wire form, reads the answer's status and whole body (Content-Length or
/// chunked), and keeps the connection for the next request.
final class LoadConnection {
    private let fd: Int32
    private var pending: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 16 * 1024)

    struct Broken: Error, CustomStringConvertible {
        let description: String
    }

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Broken(description: "socket: \(String(cString: strerror(errno)))") }
        var on: Int32 = 1
        // One small request at a time: without this, Nagle holds back the body behind the headers.
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(fd)
            throw Broken(description: "connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    /// Sends `request` and waits for its whole answer; returns the status code.
    func exchange(_ request: [UInt8]) throws -> Int {
        try put(request)
        return try readAnswer()
    }

    private func put(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { throw Broken(description: "send: \(String(cString: strerror(errno)))") }
            offset += sent
        }
    }

    /// Reads more bytes into `pending`; throws when the server closed the connection.
    private func fill() throws {
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
        if count < 0, errno == EINTR { return }
        guard count > 0 else { throw Broken(description: count == 0 ? "the server closed the connection" : "recv: \(String(cString: strerror(errno)))") }
        pending.append(contentsOf: chunk[0..<count])
    }

    private static let headEnd: [UInt8] = Array("\r\n\r\n".utf8)
    private static let lineEnd: [UInt8] = Array("\r\n".utf8)

    private func index(of needle: [UInt8], from start: Int = 0) -> Int? {
        guard pending.count >= needle.count + start else { return nil }
        var i = start
        while i <= pending.count - needle.count {
            if pending[i] == needle[0], Array(pending[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }

    private func readAnswer() throws -> Int {
        var end = index(of: Self.headEnd)
        while end == nil {
            try fill()
            end = index(of: Self.headEnd)
        }
        let head = String(decoding: pending[0..<end!], as: UTF8.self)
        pending.removeFirst(end! + Self.headEnd.count)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1."), statusLine.count >= 12,
              let status = Int(statusLine.dropFirst(9).prefix(3)) else {
            throw Broken(description: "not an HTTP answer: \(head.prefix(40))")
        }
        var length = 0, chunked = false
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].lowercased(), value = parts[1].trimmingCharacters(in: .whitespaces)
            if name == "content-length" { length = Int(value) ?? 0 }
            if name == "transfer-encoding", value.lowercased().contains("chunked") { chunked = true }
        }
        if chunked { try skipChunks() } else { try skip(length) }
        return status
    }

    private func skip(_ count: Int) throws {
        while pending.count < count { try fill() }
        pending.removeFirst(count)
    }

    /// Reads a chunked body to its last (empty) chunk and the blank line after it (no trailers expected).
    private func skipChunks() throws {
        while true {
            var end = index(of: Self.lineEnd)
            while end == nil {
                try fill()
                end = index(of: Self.lineEnd)
            }
            let sizeText = String(decoding: pending[0..<end!], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw Broken(description: "bad chunk size \(sizeText)")
            }
            pending.removeFirst(end! + Self.lineEnd.count)
            try skip(size + Self.lineEnd.count)
            if size == 0 { return }
        }
    }
}

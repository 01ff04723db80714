#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
#endif

/// A bound loopback TCP socket. With `listen` it accepts connections into
/// the kernel backlog but never answers (a server that hangs); without, its
/// port is just reserved until `close()`.
public final class LoopbackSocket {
    public let port: Int
    private let descriptor: Int32
    private var closed = false

    public init(listen shouldListen: Bool) {
        descriptor = socket(AF_INET, streamSocket, 0)
        precondition(descriptor >= 0, "socket() failed")
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let descriptor = descriptor
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        precondition(bound, "bind() failed")
        if shouldListen {
            precondition(listen(descriptor, 16) == 0, "listen() failed")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    public func close() {
        guard !closed else { return }
        closed = true
        _ = closeDescriptor(descriptor)
    }

    deinit {
        close()
    }
}

private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(descriptor)
    #else
    Darwin.close(descriptor)
    #endif
}

/// A loopback TCP port nothing listens on.
public func unusedPort() -> Int {
    let socket = LoopbackSocket(listen: false)
    socket.close()
    return socket.port
}

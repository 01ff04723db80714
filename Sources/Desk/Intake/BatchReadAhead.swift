import Dispatch

/// A batch of inbound mail being read and parsed on a background thread; `wait()` hands it over (or throws
/// what reading it threw). The semaphore orders the background write of the result before the read.
final class BatchReadAhead: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[InboundMessage], any Error>?

    init(_ read: @escaping @Sendable () throws -> [InboundMessage]) {
        DispatchQueue.global().async { [self] in
            result = Result { try read() }
            done.signal()
        }
    }

    func wait() throws -> [InboundMessage] {
        done.wait()
        return try result!.get()
    }
}

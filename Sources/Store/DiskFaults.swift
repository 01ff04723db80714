import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failing disk under the store, for tests only: SQLite's "fail the Nth I/O". Every call of `FileIO` that
/// changes the disk (a file created, a write, a truncation, an fsync, a rename, a removal, a link, a folder made)
/// is counted; a plan makes the Nth of them fail in a chosen way. Nothing is armed unless a test installs a plan
/// (`@_spi(DiskFaults) import Store`): the product only pays one uncontended lock per such call.
@_spi(DiskFaults) public enum DiskFaults {
    /// The kinds of call counted.
    public enum Operation: String, Sendable, CaseIterable {
        case create, write, truncate, sync, syncFolder, rename, remove, link, makeFolder
    }

    /// What the chosen call does instead of its work.
    public enum Fault: Sendable, Equatable, CustomStringConvertible {
        /// Fails with this errno (EIO, ENOSPC) having done nothing.
        case error(Int32)
        /// A write: the first `keeping` bytes land, then it fails with `errno` (a disk that fills mid-write).
        case shortWrite(keeping: Int, errno: Int32)
        /// A write: the first `keeping` bytes land and the process dies at once, as at a power cut mid-write.
        case tornThenDeath(keeping: Int)

        public var description: String {
            switch self {
            case .error(let code): return "fails with \(Self.name(code))"
            case .shortWrite(let keeping, let code): return "writes \(keeping) bytes, then fails with \(Self.name(code))"
            case .tornThenDeath(let keeping): return "writes \(keeping) bytes, then the process dies"
            }
        }

        private static func name(_ code: Int32) -> String {
            switch code {
            case EIO: return "EIO"
            case ENOSPC: return "ENOSPC"
            default: return "errno \(code)"
            }
        }
    }

    /// One counted call: what it was, and for a write how many bytes it asked to write.
    public struct Call: Sendable, Equatable {
        public var operation: Operation
        public var bytes: Int
        public init(operation: Operation, bytes: Int) {
            self.operation = operation
            self.bytes = bytes
        }
    }

    /// The call numbered `failing` (from 1, counted since `install`; among the calls of `operation` only, if given)
    /// meets `fault`; every other call works. Naming the operation keeps a plan on the kind of call it was made for
    /// when threads (a commit's fsync beside the file work of the one before) interleave their calls differently
    /// from one run to the next.
    public struct Plan: Sendable, Equatable {
        public var failing: Int
        public var fault: Fault
        public var operation: Operation?
        public init(failing: Int, fault: Fault, operation: Operation? = nil) {
            self.failing = failing
            self.fault = fault
            self.operation = operation
        }
    }

    /// The exit status of a process killed by `tornThenDeath`.
    public static let deathStatus: Int32 = 86

    private final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var armed = false
        var plan: Plan?
        var log: [Call] = []
        var counts: [Operation: Int] = [:]
    }
    private static let counter = Counter()  // every field read and written under `lock`

    /// Starts counting from zero, with `plan` (nil: count only, nothing fails).
    public static func install(_ plan: Plan?) {
        counter.lock.withLock {
            counter.armed = true
            counter.plan = plan
            counter.log = []
            counter.counts = [:]
        }
    }

    /// Stops counting; the disk works again.
    public static func remove() {
        counter.lock.withLock {
            counter.armed = false
            counter.plan = nil
        }
    }

    /// The calls counted since `install`, in order.
    public static var log: [Call] { counter.lock.withLock { counter.log } }

    /// Counts one call; the fault it meets, if it is the planned one.
    static func check(_ operation: Operation, bytes: Int = 0) -> Fault? {
        counter.lock.withLock {
            guard counter.armed else { return nil }
            counter.log.append(Call(operation: operation, bytes: bytes))
            counter.counts[operation, default: 0] += 1
            guard let plan = counter.plan else { return nil }
            if let planned = plan.operation {
                guard planned == operation, plan.failing == counter.counts[operation] else { return nil }
            } else {
                guard plan.failing == counter.log.count else { return nil }
            }
            return plan.fault
        }
    }

    /// Runs a write's fault: the bytes it keeps land, then the call fails (returns the errno to throw) or the process dies.
    static func apply(_ fault: Fault, writing bytes: UnsafeRawBufferPointer, fd: Int32, at offset: Int) -> Int32 {
        func land(_ count: Int) {
            guard let base = bytes.baseAddress, count > 0 else { return }
            _ = pwrite(fd, base, min(count, bytes.count), off_t(offset))
        }
        switch fault {
        case .error(let code):
            return code
        case .shortWrite(let keeping, let code):
            land(keeping)
            return code
        case .tornThenDeath(let keeping):
            land(keeping)
            _exit(deathStatus)
        }
    }
}

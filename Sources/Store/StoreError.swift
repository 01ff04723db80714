#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a store operation failed. The set of reasons can grow, so it is a
/// struct over a private enum; match on `description` or `errorNumber`.
public struct StoreError: Error, CustomStringConvertible {
    enum Reason: Sendable {
        /// A system call failed with `errno`.
        case system(operation: String, path: String, errno: Int32)
        /// A snapshot exists but cannot be used, and falling back would lose data.
        case unusableSnapshot(path: String, detail: String)
        /// The files in the store folder contradict each other.
        case inconsistentFolder(path: String, detail: String)
        /// A record passed its checksum but does not decode as `Record`.
        case undecodableRecord(path: String, offset: Int, detail: String)
        /// A record or the state could not be encoded.
        case encoding(what: String, detail: String)
        /// Columnar snapshot JSON that `ColumnarJSONReader` cannot read.
        case malformedJSON(offset: Int, detail: String)
    }

    let reason: Reason

    init(_ reason: Reason) {
        self.reason = reason
    }

    static func system(_ operation: String, path: String, errno code: Int32 = errno) -> StoreError {
        StoreError(.system(operation: operation, path: path, errno: code))
    }

    /// The `errno` of the failed system call, if that is what failed.
    public var errorNumber: Int32? {
        if case .system(_, _, let code) = reason { return code }
        return nil
    }

    public var description: String {
        switch reason {
        case let .system(operation, path, code):
            return "store: \(operation) \(path): \(String(cString: strerror(code))) (errno \(code))"
        case let .unusableSnapshot(path, detail):
            return "store: snapshot \(path) cannot be loaded: \(detail)"
        case let .inconsistentFolder(path, detail):
            return "store: folder \(path) is inconsistent: \(detail)"
        case let .undecodableRecord(path, offset, detail):
            return "store: record at byte \(offset) of \(path) does not decode: \(detail)"
        case let .encoding(what, detail):
            return "store: cannot encode \(what): \(detail)"
        case let .malformedJSON(offset, detail):
            return "store: columnar JSON at byte \(offset): \(detail)"
        }
    }
}

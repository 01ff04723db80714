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
        /// The files in the store folder contradict each other.
        case inconsistentFolder(path: String, detail: String)
        /// Committed bytes of a journal are damaged: valid records follow bytes that are not valid frames.
        case damagedJournal(path: String, offset: Int, length: Int, recordsAfter: Int, otherDamage: Int)
        /// A snapshot fails its checksum or its header, or does not decode, and cannot be rebuilt.
        case damagedSnapshot(path: String, detail: String)
        /// A record passed its checksum but does not decode as `Record`.
        case undecodableRecord(path: String, offset: Int, detail: String)
        /// A record or the state could not be encoded.
        case encoding(what: String, detail: String)
        /// Columnar snapshot JSON that `ColumnarJSONReader` cannot read.
        case malformedJSON(offset: Int, detail: String)
        /// A history shelf file that does not read, or a shelf name that cannot be a file's.
        case shelf(path: String, detail: String)
    }

    let reason: Reason

    init(_ reason: Reason) {
        self.reason = reason
    }

    static func system(_ operation: String, path: String, errno code: Int32 = errno) -> StoreError {
        StoreError(.system(operation: operation, path: path, errno: code))
    }

    /// Whether the store's files are damaged (not a system call failing): `caredesk store check` tells
    /// where, `caredesk store salvage` rebuilds from what is readable.
    public var isDamage: Bool {
        switch reason {
        case .damagedJournal, .damagedSnapshot, .undecodableRecord: return true
        default: return false
        }
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
        case let .inconsistentFolder(path, detail):
            return "store: folder \(path) is inconsistent: \(detail)"
        case let .damagedJournal(path, offset, length, recordsAfter, otherDamage):
            let others = otherDamage == 0 ? "" : "; \(otherDamage) more damaged stretch\(otherDamage == 1 ? "" : "es") after it"
            return "store: \(path) is damaged at byte \(offset): \(length) byte\(length == 1 ? "" : "s") there are not a valid record, "
                + "and \(recordsAfter) valid record\(recordsAfter == 1 ? "" : "s") follow\(recordsAfter == 1 ? "s" : "")\(others). "
                + "The store was not opened and nothing was changed, so that no committed record is lost in silence"
        case let .damagedSnapshot(path, detail):
            return "store: snapshot \(path) is damaged (\(detail)) and the generation before it is gone, so it cannot be rebuilt. "
                + "The store was not opened and nothing was changed"
        case let .undecodableRecord(path, offset, detail):
            return "store: record at byte \(offset) of \(path) does not decode: \(detail)"
        case let .encoding(what, detail):
            return "store: cannot encode \(what): \(detail)"
        case let .malformedJSON(offset, detail):
            return "store: columnar JSON at byte \(offset): \(detail)"
        case let .shelf(path, detail):
            return "store: history shelf \(path): \(detail)"
        }
    }
}

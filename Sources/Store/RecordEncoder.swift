import Foundation

/// Writes an `Encodable` value as JSON straight into a byte buffer, member by member in the order the value
/// encodes itself, where `JSONEncoder` first builds a tree of dictionaries and then serialises it. Used for
/// journal records: many per commit, on the critical path of every message.
///
/// What it writes reads back with `JSONDecoder` (default strategies) to the same value: optionals that are nil
/// are left out (as `encodeIfPresent` does), `Data` is base64, `URL` its absolute string, `Decimal` a number,
/// `Date` whatever `Date.encode(to:)` writes (seconds since 2001, JSONEncoder's default). Infinite and NaN
/// numbers are refused, as JSONEncoder refuses them. A value that encodes nothing becomes `{}`.
///
/// How containers end: `Encodable` never says when it is done with a container, so the encoder keeps the
/// open containers on a stack and closes the deeper ones whenever a shallower container writes again, or
/// when the `encode(to:)` that opened them returns.
public final class RecordEncoder {
    /// The bytes written so far; callers may take, append to or clear them between values.
    public var bytes: [UInt8] = []

    struct OpenContainer {
        let isObject: Bool
        /// The value (or nested container request) that opened it.
        let owner: Int
        var count = 0
    }

    /// Containers still open, outermost first.
    var open: [OpenContainer] = []
    private var nextOwner = 0
    /// Where a `superEncoder()` key's value should start, while nothing has been written for it yet.
    var danglingValueAt: Int?

    public init() {}

    /// Appends `value` as one JSON text.
    public func encode<T: Encodable>(_ value: T) throws {
        open.removeAll(keepingCapacity: true)
        danglingValueAt = nil
        try write(value, depth: 0)
        close(to: 0)
    }

    func newOwner() -> Int {
        nextOwner &+= 1
        return nextOwner
    }

    /// Closes every container deeper than `depth` (so that `open.count <= depth`).
    func close(to depth: Int) {
        fillDangling()
        while open.count > depth {
            bytes.append(open.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            fillDangling()
        }
    }

    private func fillDangling() {
        if let at = danglingValueAt, bytes.count == at {
            bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        }
        danglingValueAt = nil
    }

    /// Readies the container at `index` (owned by `owner`) for its next member or element: closes what was
    /// opened inside it, writes the comma. Throws if that container was closed already.
    func beginMember(of index: Int, owner: Int, key: String?) throws {
        guard open.count > index, open[index].owner == owner else {
            throw EncodingError.invalidValue(key ?? "element", EncodingError.Context(
                codingPath: [], debugDescription: "a container was written to after the value that owns it had ended"))
        }
        close(to: index + 1)
        if open[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[index].count += 1
        if let key {
            bytes.appendJSONString(key)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Opens an object or array for the value being written at `depth`, or returns the one that value opened
    /// already (a type may ask its encoder for the same container twice).
    func openContainer(isObject: Bool, depth: Int, owner: Int) {
        close(to: depth + 1)
        if open.count == depth + 1, open[depth].owner == owner, open[depth].isObject == isObject { return }
        close(to: depth)
        open.append(OpenContainer(isObject: isObject, owner: owner))
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
    }

    /// Writes one value whose container, if it opens one, sits at `depth`.
    func write<T: Encodable>(_ value: T, depth: Int) throws {
        if T.self == String.self {
            bytes.appendJSONString(value as! String)
        } else if T.self == Int.self {
            bytes.appendJSONInteger(Int64(value as! Int))
        } else if T.self == Int64.self {
            bytes.appendJSONInteger(value as! Int64)
        } else if T.self == Bool.self {
            writeBool(value as! Bool)
        } else if T.self == Double.self {
            try writeFloat(value as! Double)
        } else if T.self == Data.self {
            bytes.appendJSONString((value as! Data).base64EncodedString())
        } else if T.self == URL.self {
            bytes.appendJSONString((value as! URL).absoluteString)
        } else if T.self == Decimal.self {
            bytes.append(contentsOf: (value as! Decimal).description.utf8)
        } else {
            let start = bytes.count
            try value.encode(to: RecordValueEncoder(encoder: self, depth: depth, owner: newOwner()))
            close(to: depth)
            if bytes.count == start { bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]) }
        }
    }

    func writeNull() { bytes.append(contentsOf: "null".utf8) }

    func writeBool(_ value: Bool) { bytes.append(contentsOf: value ? "true".utf8 : "false".utf8) }

    func writeFloat<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }
}

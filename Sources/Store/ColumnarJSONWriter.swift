import Foundation

/// Builds a columnar JSON snapshot: one top-level object whose members are
/// arrays of strings, arrays of integers, or any `Encodable` value:
///
///     {"ref":["A1B2C","A1B2D"],"start":[1760000000,1760000900],"settings":{...}}
///
/// Meant for `StoreState.snapshotData()`: a million-row table written as a
/// few flat arrays is smaller than an array of keyed objects and, read back
/// with `ColumnarJSONReader`, loads an order of magnitude faster than
/// `JSONDecoder`. The output is plain JSON, readable by any JSON tool. Its
/// last member, `"#members"`, says where the others are (for each, where its
/// key starts and where its value starts and ends), so that the reader finds
/// them without first scanning what may be a hundred megabytes.
public struct ColumnarJSONWriter {
    /// The name of the member that locates the others.
    static let directoryKey = "#members"

    private var buffer: [UInt8] = [UInt8(ascii: "{")]
    private var members = 0
    /// Key start, value start and value end of each member so far, as byte offsets.
    private var offsets: [Int64] = []

    public init() {}

    /// A JSONEncoder writing object members in sorted order.
    public static func canonicalEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    /// Adds `"key":["…","…"]`.
    public mutating func write(_ key: String, strings: [String]) {
        write(key, count: strings.count) { strings[$0] }
    }

    /// Adds `"key":["…","…"]` with `count` strings produced by `element(0..<count)`,
    /// without building an intermediate array.
    public mutating func write(_ key: String, count: Int, string element: (Int) -> String) {
        beginMember(key)
        buffer.append(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendString(element(index))
        }
        buffer.append(UInt8(ascii: "]"))
        endMember()
    }

    /// Adds `"key":[1,2,…]`.
    public mutating func write(_ key: String, integers: [Int64]) {
        write(key, count: integers.count) { integers[$0] }
    }

    /// Adds `"key":[1,2,…]` with `count` integers produced by `element(0..<count)`.
    public mutating func write(_ key: String, count: Int, integer element: (Int) -> Int64) {
        beginMember(key)
        buffer.append(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendInteger(element(index))
        }
        buffer.append(UInt8(ascii: "]"))
        endMember()
    }

    /// Adds `"key":<value encoded by JSONEncoder>`, for the small, irregular
    /// parts of a state. Keys sorted by default: a dictionary's order depends on how it was built, and the
    /// same state must give the same bytes whether it was lived or replayed (the random histories compare them).
    public mutating func write(_ key: String, value: some Encodable, encoder: JSONEncoder = Self.canonicalEncoder()) throws {
        let encoded = try encoder.encode(value)
        beginMember(key)
        buffer.append(contentsOf: encoded)
        endMember()
    }

    /// The finished JSON object, its last member locating the others.
    public func data() -> Data {
        var finished = self
        finished.beginMember(Self.directoryKey, own: true)
        finished.buffer.append(UInt8(ascii: "["))
        for (index, offset) in offsets.enumerated() {
            if index > 0 { finished.buffer.append(UInt8(ascii: ",")) }
            finished.appendInteger(offset)
        }
        finished.buffer.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "}")])
        return Data(finished.buffer)
    }

    private mutating func beginMember(_ key: String, own: Bool = false) {
        precondition(own || key != Self.directoryKey, "\(Self.directoryKey) is a name the writer keeps for itself")
        if members > 0 { buffer.append(UInt8(ascii: ",")) }
        members += 1
        offsets.append(Int64(buffer.count))
        appendString(key)
        buffer.append(UInt8(ascii: ":"))
        offsets.append(Int64(buffer.count))
    }

    private mutating func endMember() {
        offsets.append(Int64(buffer.count))
    }

    private mutating func appendInteger(_ value: Int64) { buffer.appendJSONInteger(value) }

    private mutating func appendString(_ string: String) { buffer.appendJSONString(string) }
}

import Foundation

/// Reads what `ColumnarJSONWriter` writes (or any JSON object): `init`
/// finds the top-level members (from the writer's directory of them, or else
/// in one pass over the bytes); each accessor then parses one
/// member. String and integer arrays are parsed directly from the bytes,
/// roughly ten times faster than `JSONDecoder`. Independent accessors may be
/// called from different threads.
public struct ColumnarJSONReader: Sendable {
    private let data: Data
    private let members: [String: Range<Int>]

    public init(_ data: Data) throws {
        self.data = data
        members = try data.withUnsafeBytes { bytes in
            if let members = MemberDirectory.members(in: bytes) { return members }
            var scanner = JSONScanner(bytes)
            var members: [String: Range<Int>] = [:]
            try scanner.readObject { key, scanner in
                let start = scanner.position
                try scanner.skipValue()
                members[key] = start..<scanner.position
            }
            guard scanner.peek() == nil else { throw scanner.fail("trailing bytes after the object") }
            members[ColumnarJSONWriter.directoryKey] = nil
            return members
        }
    }

    /// The top-level member names, in no particular order.
    public var keys: [String] { Array(members.keys) }

    public func contains(_ key: String) -> Bool { members[key] != nil }

    /// The array of strings in member `key`; `capacity` is how many are expected, if known. A string
    /// equal to the one before it is the same `String` value, made once.
    public func strings(_ key: String, capacity: Int = 0) throws -> [String] {
        var result: [String] = []
        result.reserveCapacity(capacity)
        try scan(key) { scanner in
            var previous = JSONScanner.Previous()
            try scanner.readArray { result.append(try $0.readString(reusing: &previous)) }
        }
        return result
    }

    /// The array of integers in member `key`; `capacity` is how many are expected, if known.
    public func integers(_ key: String, capacity: Int = 0) throws -> [Int64] {
        var result: [Int64] = []
        result.reserveCapacity(capacity)
        try scan(key) { scanner in
            try scanner.readArray { result.append(try $0.readInteger()) }
        }
        return result
    }

    /// Member `key` decoded with `JSONDecoder`.
    public func value<T: Decodable>(_ type: T.Type, _ key: String, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        let range = try member(key)
        let start = data.startIndex
        return try decoder.decode(T.self, from: data[(start + range.lowerBound)..<(start + range.upperBound)])
    }

    private func member(_ key: String) throws -> Range<Int> {
        guard let range = members[key] else {
            throw StoreError(.malformedJSON(offset: 0, detail: "no member \"\(key)\""))
        }
        return range
    }

    private func scan(_ key: String, _ body: (inout JSONScanner) throws -> Void) throws {
        let range = try member(key)
        try data.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes, range: range)
            try body(&scanner)
            guard scanner.peek() == nil else { throw scanner.fail("trailing bytes in \"\(key)\"") }
        }
    }
}

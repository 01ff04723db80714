import Foundation

/// The `Encoder` a value sees while `RecordEncoder` writes it. Coding paths are not tracked (always empty):
/// errors name the value instead, and no record type reads its path.
struct RecordValueEncoder: Encoder {
    let encoder: RecordEncoder
    /// Where a container this value opens sits on the encoder's stack.
    let depth: Int
    let owner: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        encoder.openContainer(isObject: true, depth: depth, owner: owner)
        return KeyedEncodingContainer(RecordKeyedContainer<Key>(encoder: encoder, index: depth, owner: owner))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.openContainer(isObject: false, depth: depth, owner: owner)
        return RecordUnkeyedContainer(encoder: encoder, index: depth, owner: owner)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        RecordSingleValueContainer(encoder: encoder, depth: depth)
    }
}

struct RecordKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: RecordEncoder
    /// This container's place on the encoder's stack.
    let index: Int
    let owner: Int

    var codingPath: [any CodingKey] { [] }

    private func begin(_ key: Key) throws { try encoder.beginMember(of: index, owner: owner, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { try begin(key); encoder.writeNull() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try begin(key); encoder.writeBool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try begin(key); try encoder.writeFloat(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try begin(key); try encoder.writeFloat(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONInteger(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONInteger(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONInteger(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONInteger(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONInteger(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try begin(key); encoder.bytes.appendJSONUnsigned(value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try begin(key)
        try encoder.write(value, depth: index + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.newOwner()
        // The protocol gives no way to throw here; a closed container is reported by the next write instead.
        if (try? begin(key)) != nil { encoder.openContainer(isObject: true, depth: index + 1, owner: nested) }
        return KeyedEncodingContainer(RecordKeyedContainer<NestedKey>(encoder: encoder, index: index + 1, owner: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = encoder.newOwner()
        if (try? begin(key)) != nil { encoder.openContainer(isObject: false, depth: index + 1, owner: nested) }
        return RecordUnkeyedContainer(encoder: encoder, index: index + 1, owner: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        if (try? encoder.beginMember(of: index, owner: owner, key: name)) != nil { encoder.danglingValueAt = encoder.bytes.count }
        return RecordValueEncoder(encoder: encoder, depth: index + 1, owner: encoder.newOwner())
    }
}

struct RecordUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: RecordEncoder
    let index: Int
    let owner: Int

    var codingPath: [any CodingKey] { [] }
    var count: Int { encoder.open.count > index && encoder.open[index].owner == owner ? encoder.open[index].count : 0 }

    private func begin() throws { try encoder.beginMember(of: index, owner: owner, key: nil) }

    mutating func encodeNil() throws { try begin(); encoder.writeNull() }
    mutating func encode(_ value: Bool) throws { try begin(); encoder.writeBool(value) }
    mutating func encode(_ value: String) throws { try begin(); encoder.bytes.appendJSONString(value) }
    mutating func encode(_ value: Double) throws { try begin(); try encoder.writeFloat(value) }
    mutating func encode(_ value: Float) throws { try begin(); try encoder.writeFloat(value) }
    mutating func encode(_ value: Int) throws { try begin(); encoder.bytes.appendJSONInteger(Int64(value)) }
    mutating func encode(_ value: Int64) throws { try begin(); encoder.bytes.appendJSONInteger(value) }
    mutating func encode(_ value: UInt64) throws { try begin(); encoder.bytes.appendJSONUnsigned(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try begin()
        try encoder.write(value, depth: index + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.newOwner()
        if (try? begin()) != nil { encoder.openContainer(isObject: true, depth: index + 1, owner: nested) }
        return KeyedEncodingContainer(RecordKeyedContainer<NestedKey>(encoder: encoder, index: index + 1, owner: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = encoder.newOwner()
        if (try? begin()) != nil { encoder.openContainer(isObject: false, depth: index + 1, owner: nested) }
        return RecordUnkeyedContainer(encoder: encoder, index: index + 1, owner: nested)
    }

    mutating func superEncoder() -> any Encoder {
        if (try? begin()) != nil { encoder.danglingValueAt = encoder.bytes.count }
        return RecordValueEncoder(encoder: encoder, depth: index + 1, owner: encoder.newOwner())
    }
}

struct RecordSingleValueContainer: SingleValueEncodingContainer {
    let encoder: RecordEncoder
    let depth: Int

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.close(to: depth); encoder.writeNull() }
    mutating func encode(_ value: Bool) throws { encoder.close(to: depth); encoder.writeBool(value) }
    mutating func encode(_ value: String) throws { encoder.close(to: depth); encoder.bytes.appendJSONString(value) }
    mutating func encode(_ value: Double) throws { encoder.close(to: depth); try encoder.writeFloat(value) }
    mutating func encode(_ value: Float) throws { encoder.close(to: depth); try encoder.writeFloat(value) }
    mutating func encode(_ value: Int) throws { encoder.close(to: depth); encoder.bytes.appendJSONInteger(Int64(value)) }
    mutating func encode(_ value: Int64) throws { encoder.close(to: depth); encoder.bytes.appendJSONInteger(value) }
    mutating func encode(_ value: UInt64) throws { encoder.close(to: depth); encoder.bytes.appendJSONUnsigned(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.close(to: depth)
        try encoder.write(value, depth: depth)
    }
}

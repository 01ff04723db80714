/// Finds the members of a document that `ColumnarJSONWriter` wrote from its last member, `"#members"`
/// (key start, value start and value end of every other member), instead of scanning every byte. The
/// directory is trusted only if it describes the document exactly: the keys are where it says, each
/// followed by a colon and its value, each value by a comma, the last by the directory itself. Anything
/// else (no directory, or a document edited since) returns nil, and the reader scans as for any JSON.
enum MemberDirectory {
    static func members(in bytes: UnsafeRawBufferPointer) -> [String: Range<Int>]? {
        guard let (keyStart, offsets) = directory(bytes), offsets.count % 3 == 0 else { return nil }
        var scanner = JSONScanner(bytes)
        guard scanner.consume(UInt8(ascii: "{")) else { return nil }
        var members: [String: Range<Int>] = [:]
        for member in stride(from: 0, to: offsets.count, by: 3) {
            let (key, value, end) = (Int(offsets[member]), Int(offsets[member + 1]), Int(offsets[member + 2]))
            _ = scanner.peek()
            guard scanner.position == key, let name = try? scanner.readString(), name != ColumnarJSONWriter.directoryKey,
                  scanner.consume(UInt8(ascii: ":")) else { return nil }
            _ = scanner.peek()
            guard scanner.position == value, value < end, end <= keyStart else { return nil }
            scanner.move(to: end)
            guard scanner.consume(UInt8(ascii: ",")) else { return nil }
            members[name] = value..<end
        }
        _ = scanner.peek()
        return scanner.position == keyStart ? members : nil
    }

    /// Where the directory's key starts, and its integers, if the document ends with it.
    private static func directory(_ bytes: UnsafeRawBufferPointer) -> (keyStart: Int, offsets: [Int64])? {
        var i = bytes.count
        func skipSpaceBack() {
            while i > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i - 1]) { i -= 1 }
        }
        skipSpaceBack()
        guard i > 0, bytes[i - 1] == UInt8(ascii: "}") else { return nil }
        i -= 1
        skipSpaceBack()
        guard i > 0, bytes[i - 1] == UInt8(ascii: "]") else { return nil }
        let arrayEnd = i
        i -= 1
        while i > 0, bytes[i - 1] != UInt8(ascii: "[") {
            switch bytes[i - 1] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ","), UInt8(ascii: "-"), 0x20, 0x0A, 0x0D, 0x09: i -= 1
            default: return nil
            }
        }
        guard i > 0 else { return nil }
        let arrayStart = i - 1
        i -= 1
        skipSpaceBack()
        guard i > 0, bytes[i - 1] == UInt8(ascii: ":") else { return nil }
        i -= 1
        skipSpaceBack()
        let key = Array("\"\(ColumnarJSONWriter.directoryKey)\"".utf8)
        guard i >= key.count, UnsafeRawBufferPointer(rebasing: bytes[(i - key.count)..<i]).elementsEqual(key) else { return nil }
        var scanner = JSONScanner(bytes, range: arrayStart..<arrayEnd)
        var offsets: [Int64] = []
        guard (try? scanner.readArray { offsets.append(try $0.readInteger()) }) != nil else { return nil }
        return (i - key.count, offsets)
    }
}

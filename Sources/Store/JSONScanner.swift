import Foundation

/// A forward-only reader of JSON tokens over raw bytes, for the shapes
/// `ColumnarJSONReader` needs: objects of members, arrays of strings or
/// integers, and skipping any other value. Valid only inside the
/// `withUnsafeBytes` call that produced `bytes`.
struct JSONScanner {
    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private let end: Int

    init(_ bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil) {
        self.bytes = bytes
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    var atEnd: Bool { position >= end }

    /// Continues reading at `offset`, within the scanner's range.
    mutating func move(to offset: Int) {
        position = min(max(offset, position), end)
    }

    func fail(_ detail: String) -> StoreError {
        StoreError(.malformedJSON(offset: position, detail: detail))
    }

    /// The next byte after whitespace, without consuming it.
    mutating func peek() -> UInt8? {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            case let byte: return byte
            }
        }
        return nil
    }

    /// Consumes `byte` (after whitespace) or throws.
    mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    /// Consumes `byte` (after whitespace) if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Reads `[e, e, …]`, calling `element` for each.
    mutating func readArray(_ element: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return }
        repeat {
            _ = peek()
            try element(&self)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// Reads `{"key": value, …}`, calling `member` with each key positioned
    /// at its value, which `member` must consume.
    mutating func readObject(_ member: (String, inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            _ = peek()
            let key = try readString()
            try expect(UInt8(ascii: ":"))
            _ = peek()
            try member(key, &self)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    // MARK: strings

    /// The last string `readString(reusing:)` made, and where its bytes are: a column often holds the same
    /// value many times in a row (a status, a doctor), and comparing bytes is cheaper than making a string.
    struct Previous {
        fileprivate var range = 0..<0
        fileprivate var string = ""
    }

    /// Reads a string, returning `previous.string` itself when the bytes are the same as its.
    mutating func readString(reusing previous: inout Previous) throws -> String {
        guard position < end, bytes[position] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        let start = position + 1
        var index = start
        while index < end {  // fast path: no escapes
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return try readString() }
            index += 1
        }
        guard index < end else { return try readString() }
        position = index + 1
        let count = index - start
        if count == previous.range.count, sameBytes(start, previous.range.lowerBound, count) {
            return previous.string
        }
        previous.string = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        previous.range = start..<index
        return previous.string
    }

    /// Whether the `count` bytes at `a` and at `b` are the same. The short strings of a column are compared
    /// a word at a time (two overlapping words cover 4 to 16 bytes), where calling memcmp would cost more.
    private func sameBytes(_ a: Int, _ b: Int, _ count: Int) -> Bool {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        func same<Word: FixedWidthInteger>(_ word: Word.Type) -> Bool {
            let last = count - MemoryLayout<Word>.size
            return base.loadUnaligned(fromByteOffset: a, as: Word.self) == base.loadUnaligned(fromByteOffset: b, as: Word.self)
                && base.loadUnaligned(fromByteOffset: a + last, as: Word.self) == base.loadUnaligned(fromByteOffset: b + last, as: Word.self)
        }
        switch count {
        case 0: return true
        case 1...3: return (0..<count).allSatisfy { bytes[a + $0] == bytes[b + $0] }
        case 4...7: return same(UInt32.self)
        case 8...16: return same(UInt64.self)
        default: return memcmp(base + a, base + b, count) == 0
        }
    }

    mutating func readString() throws -> String {
        guard position < end, bytes[position] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        let start = position + 1
        var index = start
        while index < end {  // fast path: no escapes
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { position = index; throw fail("control character in string") }
            index += 1
        }
        var unescaped = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        position = index
        while position < end {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: unescaped, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &unescaped)
            case 0..<0x20:
                throw fail("control character in string")
            default:
                unescaped.append(byte)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func readEscape(into output: inout [UInt8]) throws {
        guard position < end else { throw fail("unterminated escape") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try readHex4())
            if (0xD800..<0xDC00).contains(scalar) {  // high surrogate: a low one must follow
                guard position + 1 < end, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw fail("unpaired surrogate")
                }
                position += 2
                let low = UInt32(try readHex4())
                guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw fail("unpaired surrogate") }
            output.append(contentsOf: UTF8.encode(unicode)!)
        default:
            throw fail("unknown escape")
        }
    }

    private mutating func readHex4() throws -> UInt16 {
        guard end - position >= 4 else { throw fail("short \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("bad hex digit")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    private mutating func skipString() throws {
        position += 1  // opening quote
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { return }
            if byte == UInt8(ascii: "\\") { position += 1 }
        }
        throw fail("unterminated string")
    }

    // MARK: numbers

    /// Reads an integer that fits in Int64; fractions and exponents throw.
    mutating func readInteger() throws -> Int64 {
        let negative = position < end && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let digitsStart = position
        var magnitude: UInt64 = 0
        // Up to 19 digits cannot overflow a UInt64; longer numbers are checked digit by digit below.
        while position < end, position - digitsStart < 19 {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit <= 9 else { break }
            magnitude = magnitude &* 10 &+ UInt64(digit)
            position += 1
        }
        while position < end {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit <= 9 else { break }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            guard !o1 && !o2 else { throw fail("integer out of range") }
            magnitude = sum
            position += 1
        }
        guard position > digitsStart else { throw fail("expected an integer") }
        if position < end {
            let next = bytes[position]
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                throw fail("expected an integer, found a fraction or exponent")
            }
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw fail("integer out of range") }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw fail("integer out of range") }
        return Int64(magnitude)
    }

    // MARK: any value

    /// Skips one value of any kind; structure inside is checked only for
    /// balance (whoever decodes it later checks the rest).
    mutating func skipValue() throws {
        guard let first = peek() else { throw fail("expected a value") }
        switch first {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            repeat {
                guard position < end else { throw fail("unterminated \(first == UInt8(ascii: "{") ? "object" : "array")") }
                switch bytes[position] {
                case UInt8(ascii: "\""): try skipString(); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                position += 1
            } while depth > 0
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            try skipLiteral()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            while position < end, Self.isNumberByte(bytes[position]) { position += 1 }
        default:
            throw fail("unexpected character")
        }
    }

    private mutating func skipLiteral() throws {
        for literal in ["true", "false", "null"] {
            let utf8 = Array(literal.utf8)
            if end - position >= utf8.count, bytes[position..<(position + utf8.count)].elementsEqual(utf8) {
                position += utf8.count
                return
            }
        }
        throw fail("unexpected literal")
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }
}

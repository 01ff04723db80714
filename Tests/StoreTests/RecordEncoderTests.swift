import Foundation
import Testing
@testable import Store

/// RecordEncoder must write what JSONDecoder reads back to the same value, and the same JSON (as parsed
/// values) as JSONEncoder with its default strategies, for every shape a record can take.
struct RecordEncoderTests {
    enum Change: Codable, Equatable {
        case booked(ref: String, start: Int64)
        case cancelled(String, reason: String?)
        case moved(from: Int64, to: Int64, note: Note)
        case cleared
    }

    enum Status: String, Codable { case confirmed, cancelled }

    struct Note: Codable, Equatable {
        var text: String
        var lines: [String]
    }

    struct Everything: Codable, Equatable {
        var text = "Dr \"Rao\" \\ 10:00\r\nBcc: x\u{0}\u{1F}\t — ₹800 é 😀 / end"
        var empty = ""
        var int = -42
        var int64 = Int64.min
        var uint64 = UInt64.max
        var small: Int8 = -8
        var medium: Int16 = 300
        var word: Int32 = -70_000
        var byte: UInt8 = 255
        var flag = true
        var off = false
        var fraction = 0.1
        var whole = 2.0
        var tiny = 1e-7
        var huge = 1.5e300
        var single: Float = 3.25
        var missing: String? = nil
        var present: String? = "here"
        var nestedOptional: [Int?] = [1, nil, 3]
        var status = Status.cancelled
        var changes: [Change] = [.booked(ref: "A7K2Q", start: 1_772_422_200), .cancelled("B8L3R", reason: nil),
                                 .cancelled("C9M4S", reason: "fever"), .moved(from: 1, to: 2, note: Note(text: "n", lines: ["a", "b"])),
                                 .cleared]
        var byName: [String: Int] = ["rao": 800, "iyer": 600, "": 0]
        var byNumber: [Int: String] = [1: "one", -2: "minus two"]
        var grid: [[Int]] = [[], [1], [2, 3]]
        var emptyList: [String] = []
        var emptyMap: [String: String] = [:]
        var data = Data([0, 1, 2, 250, 255])
        var date = Date(timeIntervalSince1970: 1_772_422_200.5)
        var url = URL(string: "https://clinic.example/hook?x=1")!
        var decimal = Decimal(string: "1234.56")!
        var nothing = Nothing()
        var twice = AsksTwice(a: 1, b: "two")
        var single1 = Wrapped(value: "inside")
    }

    /// Encodes no container at all: JSONEncoder writes `{}` for it.
    struct Nothing: Codable, Equatable {
        init() {}
        init(from decoder: any Decoder) throws {}
        func encode(to encoder: any Encoder) throws {}
    }

    /// Asks its encoder for the same keyed container twice, as subclass-style code does.
    struct AsksTwice: Codable, Equatable {
        var a: Int
        var b: String
        enum CodingKeys: String, CodingKey { case a, b }
        init(a: Int, b: String) { self.a = a; self.b = b }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            a = try container.decode(Int.self, forKey: .a)
            b = try container.decode(String.self, forKey: .b)
        }
        func encode(to encoder: any Encoder) throws {
            var first = encoder.container(keyedBy: CodingKeys.self)
            try first.encode(a, forKey: .a)
            var second = encoder.container(keyedBy: CodingKeys.self)
            try second.encode(b, forKey: .b)
        }
    }

    /// A single-value wrapper, like the clinic's text-coded types.
    struct Wrapped: Codable, Equatable {
        var value: String
        init(value: String) { self.value = value }
        init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(String.self) }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    func written<T: Encodable>(_ value: T) throws -> Data {
        let encoder = RecordEncoder()
        try encoder.encode(value)
        return Data(encoder.bytes)
    }

    @Test func readsBackToTheSameValue() throws {
        let value = Everything()
        let bytes = try written(value)
        #expect(try JSONDecoder().decode(Everything.self, from: bytes) == value)
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        let value = Everything()
        let ours = try JSONSerialization.jsonObject(with: try written(value)) as? NSDictionary
        let theirs = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value)) as? NSDictionary
        #expect(ours != nil)
        #expect(ours == theirs)
    }

    @Test func leavesOutNilOptionalsAndEscapesControlCharacters() throws {
        let text = String(decoding: try written(Everything()), as: UTF8.self)
        #expect(!text.contains("\"missing\""))
        #expect(text.contains(#"\r\nBcc: x\u0000\u001f\t"#))
        #expect(!text.contains("\r"))
    }

    /// Strings are scanned eight bytes at a time: every byte that must be escaped is caught wherever it falls
    /// in a word, after runs of every length, next to multi-byte UTF-8.
    @Test(arguments: ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "€", "😀", " "])
    func anEscapeIsFoundAtEveryOffset(special: String) throws {
        for length in 0..<40 {
            for offset in 0...length {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "é", count: (length - offset) % 5)
                    + String(repeating: "z", count: length - offset)
                let json = try written(text)
                // A control byte left raw, or a quote or backslash left bare, would fail or change the decoding.
                #expect(try JSONDecoder().decode(String.self, from: json) == text, "\(text.debugDescription)")
                #expect(!json.contains { $0 < 0x20 }, "\(text.debugDescription)")
            }
        }
    }

    @Test func topLevelScalarsAndArrays() throws {
        #expect(String(decoding: try written("a\"b"), as: UTF8.self) == #""a\"b""#)
        #expect(String(decoding: try written([1, 2, 3]), as: UTF8.self) == "[1,2,3]")
        #expect(String(decoding: try written([Change.cleared]), as: UTF8.self) == #"[{"cleared":{}}]"#)
        #expect(String(decoding: try written(Optional<Int>.none), as: UTF8.self) == "null")
    }

    @Test func refusesNumbersJSONCannotHold() {
        #expect(throws: EncodingError.self) { try written([Double.nan]) }
        #expect(throws: EncodingError.self) { try written(["x": Double.infinity]) }
    }

    @Test func oneEncoderWritesManyValuesOneAfterAnother() throws {
        let encoder = RecordEncoder()
        try encoder.encode(Note(text: "one", lines: []))
        let first = encoder.bytes.count
        try encoder.encode(Change.booked(ref: "A7K2Q", start: 1))
        let second = Data(encoder.bytes[first...])
        #expect(try JSONDecoder().decode(Note.self, from: Data(encoder.bytes[..<first])) == Note(text: "one", lines: []))
        #expect(try JSONDecoder().decode(Change.self, from: second) == .booked(ref: "A7K2Q", start: 1))
    }
}

import Foundation
import Testing
import Store

@Suite struct ColumnarJSONTests {
    struct Settings: Codable, Equatable {
        var name: String
        var hours: [Int]
    }

    @Test func roundTripsStringsIntegersAndValues() throws {
        let strings = ["", "plain", "quote \" backslash \\ slash /", "tab\tnew\nline\r", "\u{01}\u{1F}", "é ü 日本 🩺", String(repeating: "x", count: 1000)]
        let integers: [Int64] = [0, 1, -1, 42, Int64.max, Int64.min, 1_760_000_000]
        var writer = ColumnarJSONWriter()
        writer.write("s", strings: strings)
        writer.write("i", integers: integers)
        writer.write("squares", count: 4, integer: { Int64($0 * $0) })
        writer.write("empty", strings: [])
        try writer.write("settings", value: Settings(name: "clinic", hours: [8, 17]))
        let data = writer.data()

        let reader = try ColumnarJSONReader(data)
        #expect(Set(reader.keys) == ["s", "i", "squares", "empty", "settings"])
        #expect(try reader.strings("s") == strings)
        #expect(try reader.integers("i") == integers)
        #expect(try reader.integers("squares") == [0, 1, 4, 9])
        #expect(try reader.strings("empty") == [])
        #expect(try reader.value(Settings.self, "settings") == Settings(name: "clinic", hours: [8, 17]))

        // It is plain JSON: Foundation reads it too.
        struct Plain: Decodable { var s: [String]; var i: [Int64]; var settings: Settings }
        let plain = try JSONDecoder().decode(Plain.self, from: data)
        #expect(plain.s == strings && plain.i == integers)
    }

    /// A string equal to the one before it is handed out again; one that differs in any byte is not.
    @Test func neighbouringStringsThatDifferAnywhereStayApart() throws {
        var strings: [String] = []
        for length in 1...40 {
            let base = String((0..<length).map { Character(Unicode.Scalar(UInt8(65 + $0 % 26))) })
            for position in 0..<length {
                var changed = Array(base.utf8)
                changed[position] = UInt8(ascii: "z")
                strings += [base, String(decoding: changed, as: UTF8.self), base, base]
            }
        }
        var writer = ColumnarJSONWriter()
        writer.write("s", strings: strings)
        #expect(try ColumnarJSONReader(writer.data()).strings("s") == strings)
    }

    @Test func readsForeignJSONWithEscapesAndWhitespace() throws {
        let json = #" { "a" : [ "x\u00e9\ud83e\ude7a" , "\"q\"" ] ,"n":[ -5 , 7 ],"nested":{"k":[1,{"z":"]}"}]} , "t": true } "#
        let reader = try ColumnarJSONReader(Data(json.utf8))
        #expect(try reader.strings("a") == ["xé🩺", "\"q\""])
        #expect(try reader.integers("n") == [-5, 7])
        #expect(reader.contains("nested") && reader.contains("t"))
        #expect(try reader.value(Bool.self, "t") == true)
    }

    @Test func readsASliceOfData() throws {
        var writer = ColumnarJSONWriter()
        try writer.write("v", value: ["k": 1])
        let padded = Data("xx".utf8) + writer.data()
        let reader = try ColumnarJSONReader(padded.dropFirst(2))
        #expect(try reader.value([String: Int].self, "v") == ["k": 1])
    }

    @Test(arguments: [
        "", "[]", "{", #"{"a":[1,2}"#, #"{"a":["x]}"#, #"{"a":1} x"#, #"{"a":tru}"#,
    ])
    func rejectsMalformedDocuments(_ json: String) {
        #expect(throws: StoreError.self) { _ = try ColumnarJSONReader(Data(json.utf8)) }
    }

    @Test func rejectsWrongMemberShapes() throws {
        let reader = try ColumnarJSONReader(Data(#"{"f":[1.5],"big":[9223372036854775808],"s":["\x"],"c":["a\u0001"],"u":["\ud800"]}"#.utf8))
        #expect(throws: StoreError.self) { _ = try reader.integers("f") }
        #expect(throws: StoreError.self) { _ = try reader.integers("big") }
        #expect(throws: StoreError.self) { _ = try reader.strings("s") }
        #expect(throws: StoreError.self) { _ = try reader.integers("s") }
        #expect(throws: StoreError.self) { _ = try reader.strings("u") }
        #expect(throws: StoreError.self) { _ = try reader.strings("missing") }
        let control = try ColumnarJSONReader(Data("{\"c\":[\"a\u{01}\"]}".utf8))
        #expect(throws: StoreError.self) { _ = try control.strings("c") }
    }

    /// The intended use: a state that snapshots itself as columns.
    struct Roster: StoreState, Equatable {
        struct Entry: Codable, Equatable { var ref: String; var start: Int64 }
        var entries: [Entry] = []
        mutating func apply(_ record: Entry) { entries.append(record) }
        init() {}

        func snapshotData() throws -> Data {
            var writer = ColumnarJSONWriter()
            writer.write("ref", count: entries.count, string: { entries[$0].ref })
            writer.write("start", count: entries.count, integer: { entries[$0].start })
            return writer.data()
        }

        init(snapshotData: Data) throws {
            let reader = try ColumnarJSONReader(snapshotData)
            let refs = try reader.strings("ref"), starts = try reader.integers("start")
            guard refs.count == starts.count else { throw CocoaError(.coderReadCorrupt) }
            entries = zip(refs, starts).map { Entry(ref: $0, start: $1) }
        }
    }

    @Test func storeUsesAColumnarSnapshot() throws {
        try withTemporaryFolder { dir in
            let expected: Roster
            do {
                let store = try JSONStore<Roster>(directory: dir)
                try store.transaction { _ in ((0..<100).map { Roster.Entry(ref: "R\($0)", start: Int64($0) * 900) }, ()) }
                try store.compact()
                try store.transaction { _ in ([Roster.Entry(ref: "late \"one\"", start: -1)], ()) }
                expected = store.state
            }
            let text = try String(contentsOf: storeFile(dir, "snapshot-1.json"), encoding: .utf8)
            // after the seal's header line
            #expect(text.hasPrefix("CAREDESK-SNAPSHOT 1 crc32="))
            #expect(text.split(separator: "\n", maxSplits: 1).last?.hasPrefix(#"{"ref":["R0","R1""#) == true)
            #expect(try JSONStore<Roster>(directory: dir).state == expected)
        }
    }
}

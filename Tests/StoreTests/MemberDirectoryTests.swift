import Foundation
import Testing
import Store

/// The writer's last member, `"#members"`, lets the reader find the others without scanning; a document
/// it does not describe exactly is read by scanning, as any JSON.
@Suite struct MemberDirectoryTests {
    func written() -> Data {
        var writer = ColumnarJSONWriter()
        writer.write("refs", strings: ["A2B3C", "A2B3C", "x\"y", "x\"y", "", "", "日本", "日本", "A2B3C"])
        writer.write("starts", integers: [5, -7, Int64.max])
        try! writer.write("settings", value: ["k": [1, 2]])
        writer.write("empty", integers: [])
        return writer.data()
    }

    func expectContents(_ reader: ColumnarJSONReader) throws {
        #expect(Set(reader.keys) == ["refs", "starts", "settings", "empty"])
        #expect(try reader.strings("refs") == ["A2B3C", "A2B3C", "x\"y", "x\"y", "", "", "日本", "日本", "A2B3C"])
        #expect(try reader.integers("starts") == [5, -7, Int64.max])
        #expect(try reader.value([String: [Int]].self, "settings") == ["k": [1, 2]])
        #expect(try reader.integers("empty") == [])
    }

    @Test func theWriterSaysWhereEachMemberIs() throws {
        let data = written()
        #expect(String(decoding: data, as: UTF8.self).contains(##","#members":["##))
        try expectContents(try ColumnarJSONReader(data))
        // Still plain JSON: the directory is one more member.
        let plain = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(plain?["#members"] is [Any])
    }

    @Test func aDocumentEditedSinceIsScanned() throws {
        let text = String(decoding: written(), as: UTF8.self)
        // Spaces shift every member, so the directory no longer describes the document.
        let shifted = text.replacingOccurrences(of: #","starts""#, with: #" ,  "starts""#)
        try expectContents(try ColumnarJSONReader(Data(shifted.utf8)))
        // Without a directory at all, or with one that is not last, the same.
        let object = try JSONSerialization.jsonObject(with: written()) as! [String: Any]
        try expectContents(try ColumnarJSONReader(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted])))
        let moved = ##"{"#members":[1,2,3],"## + text.dropFirst()
        try expectContents(try ColumnarJSONReader(Data(moved.utf8)))
    }

    @Test func aDirectoryThatLiesIsNotTrusted() throws {
        let text = String(decoding: written(), as: UTF8.self)
        let directory = try #require(text.range(of: ##""#members":["##))
        let numbers = text[directory.upperBound...].dropLast(2).split(separator: ",").map { Int($0)! }
        // Point the first member's value one byte later: the key is then not followed by its value.
        var wrong = numbers
        wrong[1] += 1
        let lying = text[..<directory.upperBound] + wrong.map(String.init).joined(separator: ",") + "]}"
        try expectContents(try ColumnarJSONReader(Data(lying.utf8)))
        // A document that is malformed where the directory does not look is still refused.
        let broken = text.replacingOccurrences(of: #"],"starts""#, with: #"]]"starts""#)
        #expect(throws: StoreError.self) { _ = try ColumnarJSONReader(Data(broken.utf8)) }
    }
}

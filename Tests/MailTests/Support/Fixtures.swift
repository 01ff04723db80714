import Foundation

/// Access to the golden fixtures in Fixtures/ (copied into the test bundle).
enum Fixtures {
    static var directory: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("Fixtures directory missing from the test bundle")
        }
        return url
    }

    /// Names of all NAME.eml fixtures that have a NAME.expected.json, sorted.
    static func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }
            .map { String($0.dropLast(4)) }
            .filter { files.contains($0 + ".expected.json") }
            .sorted()
    }

    static func eml(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name + ".eml"))
    }

    static func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".expected.json"))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    /// LF -> CRLF (fixtures are stored with LF line ends only).
    static func crlf(_ data: Data) -> Data {
        var out = Data()
        out.reserveCapacity(data.count + data.count / 20)
        for b in data {
            if b == 0x0A { out.append(0x0D) }
            out.append(b)
        }
        return out
    }
}

/// The expected structure of a parsed fixture. Absent optional keys mean "expect nil/empty".
struct Expected: Decodable {
    struct Part: Decodable {
        var contentType: String
        var filename: String?
        var size: Int?
    }

    var from: String?
    var fromName: String?
    var replyTo: String?
    var replyToName: String?
    var returnPath: String?
    var subject: String
    var messageID: String?
    var inReplyTo: String?
    var references: [String]?
    var date: Double?
    var text: String
    var attachments: [Part]
    var automatic: String
    var warnings: Int
    var authored: [String]?
    var xLoop: [String]?
    var headerAbsent: [String]?
}

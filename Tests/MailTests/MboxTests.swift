import Foundation
import Mail
import Testing

@Suite("mbox")
struct MboxTests {
    static let sample = """
    From alice@example.com Mon Mar  2 10:00:00 2026
    From: alice@example.com
    Subject: one

    BOOK Dr Rao Tue 10:00
    >From the start of a line
    >>From twice quoted
    > From is not escaped

    From bob@example.com Mon Mar  2 10:05:00 2026
    From: bob@example.com
    Subject: two

    first paragraph
    From here on, not a separator (no blank line before)

    From carol@example.com Mon Mar  2 10:10:00 2026
    Subject: three

    last

    """

    @Test func splitsAndUnescapes() {
        let msgs = Mbox.split(Array(MboxTests.sample.utf8))
        #expect(msgs.count == 3)
        func offset(_ needle: String) -> Int {
            let r = MboxTests.sample.range(of: needle)!
            return MboxTests.sample.utf8.distance(from: MboxTests.sample.startIndex, to: r.lowerBound)
        }
        #expect(msgs.map(\.offset) == [0, offset("From bob@example.com Mon"), offset("From carol@")])
        #expect(String(decoding: msgs[0].data, as: UTF8.self) == """
        From: alice@example.com
        Subject: one

        BOOK Dr Rao Tue 10:00
        From the start of a line
        >From twice quoted
        > From is not escaped

        """)
        #expect(String(decoding: msgs[1].data, as: UTF8.self).hasSuffix(
            "first paragraph\nFrom here on, not a separator (no blank line before)\n"))
        #expect(String(decoding: msgs[2].data, as: UTF8.self) == "Subject: three\n\nlast\n")
        #expect(MailMessage.parse(msgs[1].data).subject == "two")
    }

    @Test func crlfAndEdgeCases() {
        let crlf = MboxTests.sample.replacingOccurrences(of: "\n", with: "\r\n")
        let msgs = Mbox.split(Array(crlf.utf8))
        #expect(msgs.count == 3)
        #expect(String(decoding: msgs[2].data, as: UTF8.self) == "Subject: three\r\n\r\nlast\r\n")
        #expect(Mbox.split([]).isEmpty)
        #expect(Mbox.split(Array("\n\n".utf8)).isEmpty)
        #expect(Mbox.split(Array("Subject: no separator\n\nbody\n".utf8)).count == 1)
    }

    @Test func readMessagesLocksAndUnlocks() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/desk"
        try Data(MboxTests.sample.utf8).write(to: URL(fileURLWithPath: path))
        let msgs = try Mbox(path: path).readMessages()
        #expect(msgs.count == 3)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(try Mbox(path: tmp.path + "/missing").readMessages().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/missing.lock"))
    }

    @Test func heldLockTimesOutAndStaleLockIsTakenOver() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/desk"
        try Data(MboxTests.sample.utf8).write(to: URL(fileURLWithPath: path))
        let lock = path + ".lock"
        _ = FileManager.default.createFile(atPath: lock, contents: Data("12345\n".utf8))
        #expect(throws: SpoolError(.lockTimeout, "lock", lock)) {
            try Mbox(path: path).readMessages(lockTimeout: 0.3)
        }
        #expect(FileManager.default.fileExists(atPath: lock))          // someone else's lock is left alone
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: lock)
        #expect(try Mbox(path: path).readMessages(lockTimeout: 0.3).count == 3)
        #expect(!FileManager.default.fileExists(atPath: lock))
    }
}

import Foundation
import Mail
import Testing

@Suite("Maildir")
struct MaildirTests {
    @Test func createSetsModes() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let md = Maildir(path: tmp.path + "/inbox")
        try md.create()
        try md.create()                                    // idempotent
        for sub in ["inbox", "inbox/tmp", "inbox/new", "inbox/cur"] { #expect(tmp.mode(sub) == 0o700, "\(sub)") }
        let shared = Maildir(path: tmp.path + "/shared")
        try shared.create(mode: 0o750)
        #expect(tmp.mode("shared/new") == 0o750)
    }

    @Test func deliverIsIdempotent() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let md = Maildir(path: tmp.path)
        try md.create()
        let data = Data("Subject: hi\n\nBOOK Dr Rao Tue 10:00\n".utf8)
        #expect(try md.deliver(data, name: "1772445600.abc.desk"))
        #expect(try md.deliver(Data("other".utf8), name: "1772445600.abc.desk") == false)
        #expect(tmp.files("new") == ["1772445600.abc.desk"])
        #expect(tmp.files("tmp").isEmpty)
        #expect(tmp.mode("new/1772445600.abc.desk") == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: tmp.path + "/new/1772445600.abc.desk")) == data)
        #expect(try md.deliver(data, name: "b", mode: 0o640, sync: true))
        #expect(tmp.mode("new/b") == 0o640)
        try md.syncDirectories()
    }

    @Test func aBatchReadsCurOnceAndStillNeverDeliversTwice() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let md = Maildir(path: tmp.path)
        try md.create()
        try Data().write(to: URL(fileURLWithPath: tmp.path + "/cur/seen:2,RS"))
        try Data().write(to: URL(fileURLWithPath: tmp.path + "/cur/plain"))
        let listing = try md.curListing()
        #expect(listing.names == ["seen", "plain"])
        #expect(try md.deliver(Data("a".utf8), name: "seen", cur: listing) == false)
        #expect(try md.deliver(Data("a".utf8), name: "plain", cur: listing) == false)
        #expect(try md.deliver(Data("a".utf8), name: "fresh", cur: listing))
        #expect(try md.deliver(Data("b".utf8), name: "fresh", cur: listing) == false)  // new/fresh: the rename refuses
        #expect(tmp.files("new") == ["fresh"])
        #expect(tmp.files("tmp").isEmpty)
    }

    @Test func entriesReadAndMarkSeen() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let md = Maildir(path: tmp.path)
        try md.create()
        for n in ["c", "a", "b"] { try md.deliver(Data(n.utf8), name: n) }
        _ = FileManager.default.createFile(atPath: tmp.path + "/new/.hidden", contents: Data())
        let entries = try md.newEntries()
        #expect(entries.map(\.name) == ["a", "b", "c"])
        #expect(entries[0].path == tmp.path + "/new/a")
        #expect(try md.read(entries[1]) == Data("b".utf8))

        try md.markSeen(entries[0])
        #expect(tmp.files("cur") == ["a:2,S"])
        #expect(try md.newEntries().map(\.name) == ["b", "c"])
        // already delivered and seen: a second delivery of the same name is refused
        #expect(try md.deliver(Data("again".utf8), name: "a") == false)
        #expect(tmp.files("new").filter { !$0.hasPrefix(".") } == ["b", "c"])
    }

    @Test func markSeenKeepsFlags() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let md = Maildir(path: tmp.path)
        try md.create()
        _ = FileManager.default.createFile(atPath: tmp.path + "/new/x:2,RF", contents: Data("x".utf8))
        _ = FileManager.default.createFile(atPath: tmp.path + "/new/y:2,S", contents: Data("y".utf8))
        for e in try md.newEntries() { try md.markSeen(e) }
        #expect(tmp.files("cur") == ["x:2,FRS", "y:2,S"])
        #expect(try md.deliver(Data(), name: "x") == false)        // cur/x:2,... counts as delivered
        #expect(try md.deliver(Data(), name: "x2"))
    }

    @Test func largeCurUsesFlagLookups() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let md = Maildir(path: tmp.path)
        try md.create()
        for i in 0..<1200 {            // enough entries that cur/ is no longer scanned
            _ = FileManager.default.createFile(atPath: tmp.path + "/cur/filler-\(i)-padding-name:2,S", contents: nil)
        }
        for n in ["x:2,DFT", "y", "z:2,", "v:2,PRS"] {
            _ = FileManager.default.createFile(atPath: tmp.path + "/cur/" + n, contents: nil)
        }
        for n in ["x", "y", "z", "v", "filler-7-padding-name"] { #expect(try md.deliver(Data(), name: n) == false, "\(n)") }
        #expect(try md.deliver(Data(), name: "fresh"))
        #expect(try md.deliver(Data(), name: "filler-7"))
    }

    @Test func rejectsBadNames() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let md = Maildir(path: tmp.path)
        try md.create()
        for name in ["", ".hidden", "../escape", "a/b", "a:2,S", "nul\u{0}"] {
            #expect(throws: SpoolError.self) { try md.deliver(Data(), name: name) }
        }
        #expect(throws: SpoolError.self) { try Maildir(path: tmp.path + "/missing").newEntries() }
    }

    @Test func staleTmpFileIsReplaced() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let md = Maildir(path: tmp.path)
        try md.create()
        // Left by an earlier delivery of this process that died half way (tmp names carry the pid).
        _ = FileManager.default.createFile(atPath: tmp.path + "/tmp/m1.\(getpid())", contents: Data("partial".utf8))
        #expect(try md.deliver(Data("full".utf8), name: "m1"))
        #expect(try md.read(MaildirEntry(path: tmp.path + "/new/m1", name: "m1")) == Data("full".utf8))
        #expect(tmp.files("tmp").isEmpty)
    }

    @Test func anotherProcessesTmpFileIsLeftAlone() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        let md = Maildir(path: tmp.path)
        try md.create()
        // Another process is writing the same message right now: its tmp file is not ours to touch.
        _ = FileManager.default.createFile(atPath: tmp.path + "/tmp/m1.999999999", contents: Data("partial".utf8))
        #expect(try md.deliver(Data("full".utf8), name: "m1"))
        #expect(tmp.files("tmp") == ["m1.999999999"])
    }
}

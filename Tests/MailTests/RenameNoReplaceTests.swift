import Foundation
import Testing
@testable import Mail

/// Maildir delivery moves tmp/ into new/ with one rename that refuses to replace; on Linux that rename must be
/// found (else every delivery falls back to link + unlink, one directory change more).
struct RenameNoReplaceTests {
    @Test func renamesOnceAndNeverReplaces() throws {
        let tmp = TempDir()
        defer { tmp.remove() }
        try Data("first".utf8).write(to: URL(fileURLWithPath: tmp.path + "/a"))
        try Data("second".utf8).write(to: URL(fileURLWithPath: tmp.path + "/b"))
        #if os(Linux)
        #expect(POSIXFile.renameNoReplace(tmp.path + "/a", tmp.path + "/c") == 0)
        #expect(POSIXFile.renameNoReplace(tmp.path + "/b", tmp.path + "/c") == EEXIST)
        #expect(try String(contentsOfFile: tmp.path + "/c", encoding: .utf8) == "first")
        #expect(FileManager.default.fileExists(atPath: tmp.path + "/b"))
        #else
        _ = POSIXFile.renameNoReplace(tmp.path + "/a", tmp.path + "/c")
        #endif
    }
}

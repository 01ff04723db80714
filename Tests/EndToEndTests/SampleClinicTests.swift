import Foundation
import Mail
import Testing

/// The README's demo, run as a test: the sample Maildir through `caredesk ingest`, compared whole with the
/// transcript kept in Golden/demo-transcript.txt.
@Suite struct SampleClinicTests {
    static let now = "2026-03-02T09:00:00+05:30"

    func initialised() throws -> (data: URL, maildir: URL) {
        let root = try temporaryFolder("sample")
        let data = root.appendingPathComponent("data")
        let maildir = root.appendingPathComponent("maildir")
        let clinic = CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json").path
        let initialised = try CareDeskBinary.run(["init", "--data", data.path, "--clinic", clinic])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let samples = CareDeskBinary.packageRoot.appendingPathComponent("Samples/maildir/new")
        for sub in ["new", "cur", "tmp"] { try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true) }
        for file in files(in: samples) {
            try FileManager.default.copyItem(at: file, to: maildir.appendingPathComponent("new/" + file.lastPathComponent))
        }
        return (data, maildir)
    }

    @Test func demoTranscriptMatchesTheGoldenCopy() throws {
        let (data, maildir) = try initialised()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, "--transcript", maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        let golden = CareDeskBinary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden/demo-transcript.txt")
        if ProcessInfo.processInfo.environment["CAREDESK_UPDATE_GOLDEN"] == "1" {
            try Data(run.stdout.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(run.stdout == expected)
        // The README shows the same transcript, whole.
        let readme = try String(contentsOf: CareDeskBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let shown = readme.components(separatedBy: "<!-- demo-transcript:start -->\n```\n").last?
            .components(separatedBy: "```\n<!-- demo-transcript:end -->").first
        #expect(shown == expected, "README's transcript differs from Golden/demo-transcript.txt")

        // Every message left new/ for cur/ with the Seen flag; every answer is a file in outgoing/new.
        #expect(files(in: maildir.appendingPathComponent("new")).isEmpty)
        #expect(files(in: maildir.appendingPathComponent("cur")).allSatisfy { $0.lastPathComponent.hasSuffix(":2,S") })
        // Every answer is a file in outgoing/new; the notices the clinic starts (the desk's BROADCAST) are there too.
        let replies = try files(in: data.appendingPathComponent("outgoing/new"))
            .filter { try String(contentsOf: $0, encoding: .utf8).contains("\nIn-Reply-To: <") }
        let answered = run.stdout.components(separatedBy: "━━━ message").count - 1
            - run.stdout.components(separatedBy: "(not answered:").count + 1
            - run.stdout.components(separatedBy: "(already handled").count + 1
        #expect(replies.count == answered)
    }

    @Test func replyHeadersFollowRFC3834() throws {
        let (data, maildir) = try initialised()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, maildir.path])
        for reply in files(in: data.appendingPathComponent("outgoing/new")) {
            let text = try String(contentsOf: reply, encoding: .utf8)
            let head = text.components(separatedBy: "\n\n")[0]
            // A notice the clinic starts (a broadcast) is auto-generated, not a reply, and goes from a bounce address.
            if head.contains("\nAuto-Submitted: auto-generated") {
                #expect(head.contains("X-Loop: desk@kanchicare.example") && !head.contains("\nIn-Reply-To:"))
                continue
            }
            #expect(head.contains("\nAuto-Submitted: auto-replied"))
            #expect(head.contains("\nIn-Reply-To: <"))
            #expect(head.contains("\nReferences: <"))
            #expect(head.contains("Message-ID: <"))
            #expect(MailMessage.parse(Data(text.utf8)).subject.lowercased().hasPrefix("re: "))
            #expect(head.contains("X-Loop: desk@kanchicare.example"))
            let mode = try FileManager.default.attributesOfItem(atPath: reply.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func theStoreIsPrivate() throws {
        let (data, maildir) = try initialised()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, maildir.path])
        let enumerator = FileManager.default.enumerator(atPath: data.path)!
        while let relative = enumerator.nextObject() as? String {
            let path = data.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == (isDirectory.boolValue ? 0o700 : 0o600), "\(relative)")
        }
    }

    @Test func showAppointmentsAsJSON() throws {
        let (data, maildir) = try initialised()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, maildir.path])
        let shown = try CareDeskBinary.run(["show", "--data", data.path, "appointments", "--json"])
        #expect(shown.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as! [[String: Any]]
        #expect(!rows.isEmpty)
        for row in rows {
            for key in ["ref", "doctor", "patient", "start", "status"] { #expect(row[key] != nil, "\(key)") }
        }
        let confirmed = rows.filter { $0["status"] as? String == "confirmed" }
        let slots = confirmed.map { "\($0["doctor"]!) \($0["start"]!)" }
        #expect(Set(slots).count == slots.count, "a slot is held twice")
    }
}

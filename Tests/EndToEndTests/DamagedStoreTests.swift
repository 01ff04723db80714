import Foundation
import Testing

/// A damaged store through the built binary: the demo's data folder with a byte changed in its journal
/// or its snapshot. Every command refuses it (non-zero, naming the file, the offset and the way out),
/// `serve` does not start, nothing is acknowledged; `store check` says where, `store salvage` rebuilds,
/// and the desk opens again.
@Suite struct DamagedStoreTests {
    /// The demo: the sample clinic and the sample Maildir ingested.
    private func demoFolder() throws -> (root: URL, data: URL) {
        let (root, data) = try sampleClinicFolder("damaged")
        let maildir = root.appendingPathComponent("maildir")
        let samples = CareDeskBinary.packageRoot.appendingPathComponent("Samples/maildir/new")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for file in files(in: samples) {
            try FileManager.default.copyItem(at: file, to: maildir.appendingPathComponent("new/" + file.lastPathComponent))
        }
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-03-02T09:00:00+05:30", maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        return (root, data)
    }

    private func appointmentRefs(_ data: URL) throws -> Set<String> {
        let run = try CareDeskBinary.run(["show", "--data", data.path, "appointments", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: String]] ?? []
        return Set(rows.compactMap { $0["ref"] })
    }

    @Test func aDamagedJournalIsRefusedCheckedAndSalvaged() throws {
        let (root, data) = try demoFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try appointmentRefs(data)
        #expect(before.count >= 3)
        let journal = data.appendingPathComponent("store/journal-1.log")
        var bytes = try Data(contentsOf: journal)
        let offset = bytes.count / 3
        bytes[offset] ^= 0x20
        try bytes.write(to: journal)

        let show = try CareDeskBinary.run(["show", "--data", data.path, "appointments"])
        #expect(show.status != 0)
        #expect(show.stdout.isEmpty)
        #expect(show.stderr.contains("journal-1.log is damaged at byte"))
        #expect(show.stderr.contains("valid records follow"))
        #expect(show.stderr.contains("caredesk store salvage --data \(data.path)"))

        // Nothing is acknowledged: the message stays in new/, no reply is written.
        let maildir = root.appendingPathComponent("more")
        try makeMaildir(at: maildir, messages: [mail(from: "anita.desai@example.in", subject: "hi", body: "HELP", id: "damaged-1@example.in")])
        let repliesBefore = files(in: data.appendingPathComponent("outgoing/new")).count
        let ingest = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-03-02T09:30:00+05:30", maildir.path])
        #expect(ingest.status != 0)
        #expect(ingest.stderr.contains("journal-1.log is damaged"))
        #expect(files(in: maildir.appendingPathComponent("new")).count == 1)
        #expect(files(in: data.appendingPathComponent("outgoing/new")).count == repliesBefore)

        // serve does not start.
        let serve = try CareDeskBinary.run(["serve", "--data", data.path, "--port", "0"])
        #expect(serve.status != 0)
        #expect(!serve.stdout.contains("listening"))
        #expect(serve.stderr.contains("journal-1.log is damaged"))

        let check = try CareDeskBinary.run(["store", "check", "--data", data.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("journal-1.log: "))
        #expect(check.stdout.contains("DAMAGED bytes "))
        #expect(check.stdout.contains("will not open"))
        #expect(try Data(contentsOf: journal) == bytes)  // check changes nothing

        let salvage = try CareDeskBinary.run(["store", "salvage", "--data", data.path])
        #expect(salvage.status == 0, "\(salvage.stderr)")
        #expect(salvage.stdout.contains("Not recovered:\n  journal-1.log bytes "))
        #expect(salvage.stdout.contains("it seems to have held the handling of inbound message <"))
        #expect(salvage.stdout.contains("The store opens:"))

        let after = try appointmentRefs(data)
        #expect(after.isSubset(of: before))
        #expect(after.count >= before.count - 1)
        let recheck = try CareDeskBinary.run(["store", "check", "--data", data.path])
        #expect(recheck.status == 0, "\(recheck.stdout)")
        #expect(recheck.stdout.contains("The store is whole."))
        // The damaged bytes are kept aside under the data folder, and the desk works again.
        let aside = files(in: data.appendingPathComponent("store")).filter { $0.lastPathComponent.hasPrefix("salvaged-") }
        #expect(aside.count == 1)
        #expect(files(in: aside[0]).contains { $0.lastPathComponent.hasPrefix("damaged-journal-1.log-at-") })
        let again = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-03-02T09:30:00+05:30", maildir.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(files(in: maildir.appendingPathComponent("new")).isEmpty)
    }

    @Test func aDamagedSnapshotIsRebuiltFromTheGenerationBefore() throws {
        let (root, data) = try demoFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshot = data.appendingPathComponent("store/snapshot-1.json")
        var bytes = try Data(contentsOf: snapshot)
        let name = Data("Suresh Rao".utf8)
        let at = try #require(bytes.range(of: name)).lowerBound
        bytes[at] = UInt8(ascii: "T")  // "Turesh Rao"
        try bytes.write(to: snapshot)

        let check = try CareDeskBinary.run(["store", "check", "--data", data.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("snapshot-1.json: \(bytes.count) bytes, sealed, DAMAGED: its checksum does not match its content"))
        #expect(check.stdout.contains("opens without loss"))

        let show = try CareDeskBinary.run(["show", "--data", data.path, "doctors"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Suresh Rao"))
        #expect(!show.stdout.contains("Turesh"))
        #expect(show.stderr.contains("snapshot-1.json is damaged"))
        #expect(FileManager.default.fileExists(atPath: snapshot.path + ".bad"))
        let recheck = try CareDeskBinary.run(["store", "check", "--data", data.path])
        #expect(recheck.stdout.contains("snapshot-1.json: ") && recheck.stdout.contains("sealed, whole"))
    }

    @Test func aDamagedSnapshotWithoutTheGenerationBeforeIsRefused() throws {
        let (root, data) = try demoFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: data.appendingPathComponent("store/journal-0.log"))
        let snapshot = data.appendingPathComponent("store/snapshot-1.json")
        var bytes = try Data(contentsOf: snapshot)
        let at = try #require(bytes.range(of: Data("Suresh Rao".utf8))).lowerBound
        bytes[at] = UInt8(ascii: "T")
        try bytes.write(to: snapshot)

        let show = try CareDeskBinary.run(["show", "--data", data.path, "doctors"])
        #expect(show.status != 0)
        #expect(show.stderr.contains("snapshot-1.json is damaged (its checksum does not match its content)"))
        #expect(try Data(contentsOf: snapshot) == bytes)

        // Salvage takes the damaged snapshot as it is, since it still decodes, and says so.
        let salvage = try CareDeskBinary.run(["store", "salvage", "--data", data.path])
        #expect(salvage.status == 0, "\(salvage.stderr)")
        #expect(salvage.stdout.contains("Warning: snapshot-1.json is damaged"))
        #expect(try CareDeskBinary.run(["show", "--data", data.path, "doctors"]).status == 0)
    }
}

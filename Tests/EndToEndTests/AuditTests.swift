import Foundation
import Testing

/// `caredesk audit` against a folder the built binary handled mail for: the table, --json, --patient,
/// and --verify, whole and after a line is changed.
struct AuditTests {
    @Test func theTrailPrintsFiltersAndVerifies() throws {
        let (root, data) = try sampleClinicFolder("audit")
        defer { try? FileManager.default.removeItem(at: root) }
        let now = "2026-03-02T09:00:00+05:30"
        let patients = try registerPatients(count: 2, data: data, root: root, now: now)
        _ = try ingestOne(data, root: root, from: patients[0], body: "BOOK Dr Rao Tue 10:00 chest pain", now: now)
        _ = try ingestOne(data, root: root, from: patients[1], body: "APPOINTMENTS", now: now)

        let table = try CareDeskBinary.run(["audit", "--data", data.path])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("line  at"))
        #expect(table.stdout.contains("book rao: booked "))
        #expect(table.stdout.contains("authenticated"))
        for secret in patients + ["chest pain", "Patient Number"] { #expect(!table.stdout.contains(secret)) }

        let json = try CareDeskBinary.run(["audit", "--data", data.path, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 6)  // two REGISTER, two VERIFY, a BOOK, an APPOINTMENTS
        #expect(records.allSatisfy { ($0["hash"] as? String)?.count == 64 })

        let mine = try CareDeskBinary.run(["audit", "--data", data.path, "--patient", "P1", "--json"])
        let ours = try #require(try JSONSerialization.jsonObject(with: Data(mine.stdout.utf8)) as? [[String: Any]])
        #expect(ours.count == 3)  // REGISTER (the patient is on file once it is decided), VERIFY, BOOK
        #expect(ours.allSatisfy { $0["sender"] as? String == "P1" })
        let later = try CareDeskBinary.run(["audit", "--data", data.path, "--since", "2026-03-03"])
        #expect(later.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "(none)")

        let whole = try CareDeskBinary.run(["audit", "--data", data.path, "--verify"])
        #expect(whole.status == 0)
        #expect(whole.stdout == "the audit trail is whole: 6 lines chained\n")

        let file = data.appendingPathComponent("audit/audit.log")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[4] = lines[4].replacingOccurrences(of: "booked ", with: "cancelled ")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let broken = try CareDeskBinary.run(["audit", "--data", data.path, "--verify"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("broken at line 5"))
    }

    @Test func auditFromTheDeskAttachesThePatientsLines() throws {
        let (root, data) = try sampleClinicFolder("audit-desk")
        defer { try? FileManager.default.removeItem(at: root) }
        let now = "2026-03-02T09:00:00+05:30"
        let patients = try registerPatients(count: 1, data: data, root: root, now: now)
        _ = try ingestOne(data, root: root, from: patients[0], body: "BOOK Dr Rao Tue 10:00", now: now)
        let transcript = try ingestOne(data, root: root, from: "desk@kanchicare.example", body: "AUDIT P1", now: now)
        #expect(transcript.contains("The audit trail of patient P1 is attached (audit-P1.jsonl): 3 message(s)"))
        let replies = try files(in: data.appendingPathComponent("outgoing/new")).map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(replies.contains { $0.contains("filename=\"audit-P1.jsonl\"") || $0.contains("filename=audit-P1.jsonl") })
        let verified = try CareDeskBinary.run(["audit", "--data", data.path, "--verify"])
        #expect(verified.stdout == "the audit trail is whole: 4 lines chained\n")
    }
}
